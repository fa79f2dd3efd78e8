import type { Avslutsorsak, Forsorjning, Remittent, Sysselsattning, UtfallGrupp } from '#domain';

/** A count split by kön. With `skydda`, a suppressed count is the string "<5". */
export type Antal = number | '<5';

export interface ByKon<T = Antal> {
  kvinna: T;
  man: T;
  ejAngivet: T;
  totalt: T;
}

/** A share 0–1 of counts shown in the same table; null where the denominator is 0. */
export type Andel = number | null;

export interface DeltagareTable {
  aktuella: ByKon;
  nya: ByKon;
  overforda: ByKon;
  avslutade: ByKon;
  pagaende: ByKon;
}

export interface AldersgruppRow {
  grupp: string;
  aktuella: ByKon;
  nya: ByKon;
}

export interface RemisserTable {
  mottagna: ByKon;
  aterremitterade: ByKon;
  vantande: ByKon;
  perRemittent: { remittent: Remittent; antal: ByKon }[];
  /** Only kommuner that occur, by kommunkod. */
  perKommun: { kommun: string; antal: ByKon }[];
  kotidDagar: { medel: number | null; median: number | null };
}

export interface UtfallTable {
  perAvslutsorsak: { avslutsorsak: Avslutsorsak; antal: ByKon; andel: Andel }[];
  perGrupp: { grupp: UtfallGrupp; antal: ByKon; andel: ByKon<Andel> }[];
  arbeteEllerStudier: { antal: ByKon; andel: ByKon<Andel> };
}

export interface ForsorjningTable {
  avslutade: ByKon;
  rader: { kod: Forsorjning; vidInskrivning: ByKon; vidAvslut: ByKon }[];
  /** Only pairs that occur. */
  overgangar: { fran: Forsorjning; till: Forsorjning; antal: Antal }[];
}

export interface UppfoljningRow {
  manaderEfterAvslut: 6 | 12;
  sysselsattning: Sysselsattning;
  antal: ByKon;
}

export interface MaluppfyllelseRow {
  ar: number;
  mal: { deltagare: number; nyaDeltagare: number; andelArbeteStudier: number } | null;
  utfall: { aktuella: Antal; nya: Antal; andelArbeteStudier: Andel };
}

/** One kommun (the person's, at remiss) of those that occur in the period. */
export interface KommunRow {
  kommun: string;
  /** Mottagna and återremitterade as in the remisser table; inskrivna: the mottagna inskrivna by the period's end. */
  remisser: { mottagna: ByKon; aterremitterade: ByKon; inskrivna: ByKon };
  aktuella: ByKon;
  nya: ByKon;
}

/** Nya by remittent and the remittent's enhet as written, trimmed and case-folded (null: none given). */
export interface NyaPerRemittentEnhetRow {
  remittent: Remittent;
  enhet: string | null;
  antal: Antal;
}

/**
 * Budget and kostnad (kronor) for one calendar year, with kostnad per aktuell and per ny
 * deltagare in the calendar year within the report period (`aktuella`, `nya`), rounded to
 * whole kronor; null where the count is 0 or the kostnad is not set. For a grupp or the
 * förbund budget and kostnad are the sums of its insatser's (null when none has one), the
 * counts those of all its insatser.
 */
export interface EkonomiRow {
  ar: number;
  budget: number | null;
  kostnad: number | null;
  aktuella: Antal;
  nya: Antal;
  kostnadPerDeltagare: number | null;
  kostnadPerNyDeltagare: number | null;
}

export interface StatistikTables {
  deltagare: DeltagareTable;
  aldersgrupper: AldersgruppRow[];
  remisser: RemisserTable;
  nyaPerRemittent: { remittent: Remittent; antal: Antal; andel: Andel }[];
  utfall: UtfallTable;
  forsorjning: ForsorjningTable;
  tidIInsatsDagar: { medel: number | null; median: number | null };
  uppfoljning: UppfoljningRow[];
  volym: ByKon;
  maluppfyllelse: MaluppfyllelseRow[];
  /** Only kommuner that occur, by kommunkod. */
  kommuner: KommunRow[];
  /** Only pairs that occur, by remittent in code order, then enhet (none last). */
  nyaPerRemittentEnhet: NyaPerRemittentEnhetRow[];
  /** The calendar years of the period with a budget or a kostnad. */
  ekonomi: EkonomiRow[];
}

export interface InsatsTables extends StatistikTables {
  insatsId: string;
  namn: string;
  /** As known at asOf. */
  grupp: string | null;
  ordning: number | null;
}

/** The subtotal of a grupp over its insatser in the report; unika personer counted once. */
export interface GruppTables extends StatistikTables {
  grupp: string;
  insatsIds: string[];
  unikaPersoner: ByKon;
}

/** The statistics report of API.md. */
export interface StatistikReport {
  period: { fran: string; till: string };
  /** ISO timestamp the report is "as known" at; the time of the request when not given. */
  asOf: string;
  forbund: { id: string; namn: string };
  /** By ordning (none last), then namn. */
  insatser: InsatsTables[];
  /** In the order of each grupp's first insats. */
  grupper: GruppTables[];
  totalt: StatistikTables & { unikaPersoner: ByKon };
}
