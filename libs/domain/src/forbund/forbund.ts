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
export type TaBortForbundsmal = { type: 'TaBortForbundsmal'; data: { malId: string } };
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
      return [{ type: 'MalSatt', data: { ...requireMal(command.data), grupp } }];
    }
    case 'TaBortForbundsmal':
      if (!Object.hasOwn(state.mal, command.data.malId))
        throw new DomainError('MAL.FINNS_INTE', 'Målet finns inte', { malId: command.data.malId });
      return [{ type: 'MalBorttaget', data: { malId: command.data.malId } }];
  }
  const _exhaustive: never = command;
  return _exhaustive;
};

export const forbundDecider: Decider<Forbund, ForbundCommand, ForbundEvent> = {
  initialState: initialForbund,
  evolve: evolveForbund,
  decide: decideForbund,
  decode: decodeForbundEvent,
};
