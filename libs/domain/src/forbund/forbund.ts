import type { Decider } from '../decider.js';
import { DomainError } from '../domain-error.js';
import { decodeForbundEvent } from '../events/decode.js';
import { malOf, requireMal, type Mal } from '../mal/mal.js';

/*
 * Decider for the stream `forbund-<uuid>`: the goals of a grupp of insatser (grupp set) or of
 * the whole förbund (grupp null). The förbund itself is created by the admin API, not here.
 */

export type ForbundMal = Mal & { grupp: string | null };

export type ForbundMalSatt = { type: 'MalSatt'; data: { malId: string } & ForbundMal };
export type ForbundMalBorttaget = { type: 'MalBorttaget'; data: { malId: string } };
export type ForbundEvent = ForbundMalSatt | ForbundMalBorttaget;

export type SattForbundsmal = { type: 'SattForbundsmal'; data: ForbundMalSatt['data'] };
/** `grupp` is the place it is removed from: null for the whole förbund. */
export type TaBortForbundsmal = {
  type: 'TaBortForbundsmal';
  data: { malId: string; grupp: string | null };
};
export type ForbundCommand = SattForbundsmal | TaBortForbundsmal;

export type Forbund = { mal: Record<string, ForbundMal> };

export const initialForbund = (): Forbund => ({ mal: {} });

export const evolveForbund = (state: Forbund, event: ForbundEvent): Forbund => {
  switch (event.type) {
    case 'MalSatt':
      return {
        mal: {
          ...state.mal,
          [event.data.malId]: { ...malOf(event.data), grupp: event.data.grupp },
        },
      };
    case 'MalBorttaget': {
      const { [event.data.malId]: _removed, ...mal } = state.mal;
      return { mal };
    }
  }
  const _exhaustive: never = event;
  return _exhaustive;
};

export const decideForbund = (command: ForbundCommand, state: Forbund): ForbundEvent[] => {
  switch (command.type) {
    case 'SattForbundsmal': {
      const grupp = command.data.grupp?.trim() || null;
      if (grupp !== null && grupp.length > 500)
        throw new DomainError('MAL.OGILTIG_GRUPP', 'Gruppens namn får vara högst 500 tecken');
      // A goal belongs to one place (the förbund or one grupp), each its own resource: setting
      // its id in the other place would move it unseen.
      const befintligt = egetMal(state, command.data.malId);
      if (befintligt && befintligt.grupp !== grupp)
        throw new DomainError(
          'MAL.ANNAN_PLATS',
          befintligt.grupp === null
            ? 'Målet är ett mål för hela förbundet; ta bort det där först'
            : `Målet hör till gruppen ${befintligt.grupp}; ta bort det där först`,
          { malId: command.data.malId, grupp: befintligt.grupp },
        );
      return [{ type: 'MalSatt', data: { ...requireMal(command.data), grupp } }];
    }
    case 'TaBortForbundsmal': {
      // Removed through a place it does not belong to, it answers as an unknown goal.
      const befintligt = egetMal(state, command.data.malId);
      if (!befintligt || befintligt.grupp !== (command.data.grupp?.trim() || null))
        throw new DomainError('MAL.FINNS_INTE', 'Målet finns inte', { malId: command.data.malId });
      return [{ type: 'MalBorttaget', data: { malId: command.data.malId } }];
    }
  }
  const _exhaustive: never = command;
  return _exhaustive;
};

/** The goal with this id, never an inherited property such as `constructor`. */
const egetMal = (state: Forbund, malId: string): ForbundMal | undefined =>
  Object.hasOwn(state.mal, malId) ? state.mal[malId] : undefined;

export const forbundDecider: Decider<Forbund, ForbundCommand, ForbundEvent> = {
  initialState: initialForbund,
  evolve: evolveForbund,
  decide: decideForbund,
  decode: decodeForbundEvent,
};
