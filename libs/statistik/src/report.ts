import type {
  Avslutsorsak,
  Forsorjning,
  Malmatt,
  Remittent,
  Sysselsattning,
  UtfallGrupp,
} from '#domain';

/**
 * A count. With `skydda`, a count 1–4 is "<5" (primary suppression) and a count hidden only
 * so that another cannot be recomputed is ".." (secondary suppression).
 */
export type Antal = number | '<5' | '..';

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
  /** The year's årsmål; a part never set is null. */
  mal: {
    deltagare: number | null;
    nyaDeltagare: number | null;
    andelArbeteStudier: number | null;
  } | null;
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

/**
 * A goal whose period overlaps the report's, with its utfall over the goal's own period up to
 * the report's till: a count for count measures, a share of the avslutade for `andel-…`.
 */
export interface MalRow {
  /** The goal's id; an årsmål part is `arsmal-<ar>-<matt>`. */
  malId: string;
  matt: Malmatt;
  fran: string;
  till: string;
  varde: number;
  utfall: Antal | Andel;
  /** utfall / varde; null where varde is 0 or utfall is unknown or suppressed. */
  andelAvMal: number | null;
  /**
   * Only for goals longer than the report's period: whether utfall keeps pace with the goal
   * (see `iFas`); null where utfall is unknown or suppressed.
   */
  iFas?: boolean | null;
  /** For share measures: the count and the avslutade the share is taken of. */
  underlag?: { antal: Antal; avslutade: Antal };
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
  /** The goals of the insats, the grupp or the whole förbund that overlap the period. */
  mal: MalRow[];
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

/** Economy of an overview row over the report period's calendar years (see EkonomiRow). */
export interface OversiktEkonomi {
  budget: number | null;
  kostnad: number | null;
  kostnadPerDeltagare: number | null;
  kostnadPerNyDeltagare: number | null;
}

/** The figures of an overview row that a comparison shows beside the current ones. */
export interface OversiktJamforelse {
  aktuella: ByKon;
  nya: ByKon;
  avslutade: ByKon;
  arbeteEllerStudier: { antal: ByKon; andel: ByKon<Andel> };
}

/**
 * One row of the overview (DESIGN.md "The overview and comparison"): an insats, a grupp
 * subtotal (after its last insats) or the förbund total (last), in the förbund's order.
 */
export interface OversiktRow extends OversiktJamforelse {
  typ: 'insats' | 'grupp' | 'forbund';
  insatsId?: string;
  grupp?: string;
  namn: string;
  /** Only for volym insatser (and grupper/förbund with volym). */
  volym?: ByKon;
  mal: MalRow[];
  ekonomi?: OversiktEkonomi;
  /** With `jamfor`: the same row's figures over the comparison period. */
  jamforelse?: OversiktJamforelse;
}

/** With `jamfor`: the overview and totals of the comparison period. */
export interface Jamforelse {
  typ: 'foregaende' | 'fjol';
  period: { fran: string; till: string };
  oversikt: OversiktRow[];
  totalt: StatistikTables & { unikaPersoner: ByKon };
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
  /** The overview, read off the tables above (first thing the statistics page shows). */
  oversikt: OversiktRow[];
  /** Only with `jamfor`. */
  jamforelse?: Jamforelse;
}
