import type { StoredEvent } from './events/decode.js';

/** A stream's logic: three pure functions, and how the stream's stored events are read back. */
export interface Decider<State, Command, Event extends { type: string; data: object }> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
  /** One of the stream's stored events as the domain's event, an old shape upcast. */
  decode(event: StoredEvent): Event;
}
