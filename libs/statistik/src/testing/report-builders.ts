import type { ByKon, StatistikTables } from '../report.js';

/** A byKon literal: kvinna, man, ej angivet; the total is their sum. */
export const kon = (kvinna: number, man = 0, ejAngivet = 0): ByKon<number> => ({
  kvinna,
  man,
  ejAngivet,
  totalt: kvinna + man + ejAngivet,
});
export const noll = (): ByKon<number> => kon(0);
export const ingenAndel = (): ByKon<null> => ({
  kvinna: null,
  man: null,
  ejAngivet: null,
  totalt: null,
});

/** Tables of zeros and empty lists: a test fills in only what it is about. */
export const tabeller = (over: Partial<StatistikTables> = {}): StatistikTables => ({
  deltagare: {
    aktuella: noll(),
    nya: noll(),
    overforda: noll(),
    avslutade: noll(),
    pagaende: noll(),
  },
  aldersgrupper: [],
  remisser: {
    mottagna: noll(),
    aterremitterade: noll(),
    vantande: noll(),
    perRemittent: [],
    perKommun: [],
    kotidDagar: { medel: null, median: null },
  },
  nyaPerRemittent: [],
  utfall: {
    perAvslutsorsak: [],
    perGrupp: [],
    arbeteEllerStudier: { antal: noll(), andel: ingenAndel() },
  },
  forsorjning: { avslutade: noll(), rader: [], overgangar: [] },
  tidIInsatsDagar: { medel: null, median: null },
  uppfoljning: [],
  volym: noll(),
  maluppfyllelse: [],
  kommuner: [],
  nyaPerRemittentEnhet: [],
  ekonomi: [],
  mal: [],
  ...over,
});
