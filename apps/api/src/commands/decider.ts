/** A stream's logic: the three pure functions of libs/domain. */
export interface Decider<State, Command, Event extends { type: string; data: object }> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}
