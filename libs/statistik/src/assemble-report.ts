import {
  AVSLUTSORSAK,
  FORSORJNING,
  MANADER_EFTER_AVSLUT,
  REMITTENT,
  SYSSELSATTNING,
  UTFALL_FOR_AVSLUTSORSAK,
  UTFALL_GRUPP,
  type Aldersgrupp,
  type Avslutsorsak,
  type Forsorjning,
  type Kon,
  type Malmatt,
  type Remittent,
  type Sysselsattning,
  type UtfallGrupp,
} from '#domain';
import { malFor } from './mal.js';
import { oversiktFor } from './oversikt.js';
import type {
  Andel,
  ByKon,
  KommunRow,
  NyaPerRemittentEnhetRow,
  EkonomiRow,
  GruppTables,
  StatistikReport,
  StatistikTables,
} from './report.js';

/**
 * The JSON the statistics statement returns: rows per insats, which the förbund's totals
 * sum (day histograms included, so the förbund's medians come from the merged histogram).
 */
export interface Aggregat {
  perKon: ({ insats_id: string; kon: Kon } & Record<PerKonMeasure, number>)[];
  /** Distinct registered persons among aktuella, by kön and in all. */
  registrerade: { kon: Kon; personer: number }[];
  registreradeTotalt: number;
  /** The same per grupp: kon null is the grupp's total. */
  registreradePerGrupp: { grupp: string; kon: Kon | null; personer: number }[];
  alder: { insats_id: string | null; kon: Kon; alder: number; aktuella: number; nya: number }[];
  remittent: {
    insats_id: string | null;
    remittent: Remittent;
    kon: Kon;
    mottagna: number;
    nya: number;
  }[];
  kommun: { insats_id: string | null; kommun: string; kon: Kon; mottagna: number }[];
  kommuner: ({ insats_id: string; kommun: string; kon: Kon } & Record<KommunMeasure, number>)[];
  /** Nya by remittent and enhet as stored (trimmed, not yet case-folded). */
  enhet: { insats_id: string; remittent: Remittent; enhet: string | null; nya: number }[];
  /** How many had each number of days: kötid for the nya, tid i insats for the avslutade. */
  dagar: { insats_id: string; matt: 'kotid' | 'tid'; dagar: number; antal: number }[];
  avslutsorsak: { insats_id: string | null; avslutsorsak: Avslutsorsak; kon: Kon; antal: number }[];
  /** Avslutade by each försörjning code at inskrivning and at avslut. */
  forsorjning: {
    insats_id: string;
    kon: Kon;
    vid: 'inskrivning' | 'avslut';
    kod: Forsorjning;
    antal: number;
  }[];
  /** Avslutade by each pair of codes at inskrivning and at avslut. */
  overgangar: { insats_id: string; fran: Forsorjning; till: Forsorjning; antal: number }[];
  ar: {
    insats_id: string | null;
    ar: number;
    /** 'ar': the window 1 January – min(31 December, till); 'ekonomi': fran – 31 December. */
    slag: 'ar' | 'ekonomi';
    aktuella: number;
    nya: number;
    avslutade: number;
    arbete_studier: number;
  }[];
  uppfoljning: {
    insats_id: string | null;
    manader_efter_avslut: 6 | 12;
    sysselsattning: Sysselsattning;
    kon: Kon;
    antal: number;
  }[];
  volym: { insats_id: string | null; kvinnor: number; man: number; ej_angivet: number }[];
  /** Årsmål of the period's years; a part never set is null. */
  arsmal: {
    insats_id: string;
    ar: number;
    deltagare: number | null;
    nya_deltagare: number | null;
    andel_arbete_studier: number | null;
  }[];
  /**
   * Goals overlapping the period: an insats's (insats_id), a grupp's (grupp) or the förbund's
   * (neither).
   */
  mal: {
    mal_id: string;
    insats_id: string | null;
    grupp: string | null;
    matt: Malmatt;
    fran: string;
    till: string;
    varde: number;
  }[];
  /**
   * Per goal window other than the period, per insats: aktuella, nya and avslutade in it;
   * the avslutade split by avslutsorsak (null: the rows not avslutade in the window).
   */
  malUtfall: {
    fran: string;
    till: string;
    insats_id: string;
    avslutsorsak: Avslutsorsak | null;
    aktuella: number;
    nya: number;
    avslutade: number;
  }[];
  ekonomi: { insats_id: string; ar: number; budget: number | null; kostnad: number | null }[];
}

type PerKonMeasure =
  | 'aktuella'
  | 'nya'
  | 'overforda'
  | 'avslutade'
  | 'pagaende'
  | 'mottagna'
  | 'aterremitterade'
  | 'vantande'
  /** Aktuella without a registered person: each one a person of its own. */
  | 'egna_personer';

type KommunMeasure = 'mottagna' | 'aterremitterade' | 'inskrivna' | 'aktuella' | 'nya';

export interface ReportFrame {
  readonly forbund: { id: string; namn: string };
  readonly fran: string;
  readonly till: string;
  readonly asOf: string;
  /** In the förbund's order. */
  readonly insatser: readonly {
    id: string;
    namn: string;
    grupp: string | null;
    ordning: number | null;
  }[];
  readonly aldersgrupper: readonly Aldersgrupp[];
  readonly ar: readonly number[];
  /** Years whose måluppfyllelse window is not the period; the others take the period's result. */
  readonly arMedEgetFonster: readonly number[];
  /**
   * Where each year's counts for ekonomi come from: the period's (a one-year period), the
   * måluppfyllelse window's ('ar') or a window of its own ('ekonomi', a first year from fran).
   */
  readonly ekonomiFonster: Readonly<Record<number, 'period' | 'ar' | 'ekonomi'>>;
}

/** Whose tables: one insats, the insatser of a grupp, or the whole förbund. */
type TableScope =
  | { kind: 'insats'; insatsId: string }
  | { kind: 'grupp'; grupp: string; gruppOf: ReadonlyMap<string, string> }
  | { kind: 'forbund' };

const KON_KEY: Record<Kon, keyof Omit<ByKon<number>, 'totalt'>> = {
  kvinna: 'kvinna',
  man: 'man',
  'ej-angivet': 'ejAngivet',
};

/** Sums `value` of the rows by kön; the total is their sum. */
const byKon = <R extends { kon: Kon }>(
  rows: readonly R[],
  value: (row: R) => number,
): ByKon<number> => {
  const result = { kvinna: 0, man: 0, ejAngivet: 0, totalt: 0 };
  for (const row of rows) {
    const n = value(row);
    // Branches rather than KON_KEY[row.kon]: this runs for every row of every table.
    const kon = row.kon;
    if (kon === 'kvinna') result.kvinna += n;
    else if (kon === 'man') result.man += n;
    else if (kon === 'ej-angivet') result.ejAngivet += n;
    else (result as Record<string, number>)[KON_KEY[kon as Kon]] += n;
    result.totalt += n;
  }
  return result;
};

const andel = (count: number, of: number): Andel => (of === 0 ? null : count / of);

const andelByKon = (count: ByKon<number>, of: ByKon<number>): ByKon<Andel> => ({
  kvinna: andel(count.kvinna, of.kvinna),
  man: andel(count.man, of.man),
  ejAngivet: andel(count.ejAngivet, of.ejAngivet),
  totalt: andel(count.totalt, of.totalt),
});

const sumByKon = (parts: readonly ByKon<number>[]): ByKon<number> =>
  parts.reduce(
    (sum, part) => ({
      kvinna: sum.kvinna + part.kvinna,
      man: sum.man + part.man,
      ejAngivet: sum.ejAngivet + part.ejAngivet,
      totalt: sum.totalt + part.totalt,
    }),
    { kvinna: 0, man: 0, ejAngivet: 0, totalt: 0 },
  );

const codeOrder = <T extends string>(codes: readonly T[]) => {
  const index = new Map(codes.map((code, i) => [code, i] as const));
  return (code: T): number => index.get(code) ?? codes.length;
};
const forsorjningOrder = codeOrder(FORSORJNING);
const remittentOrder = codeOrder(REMITTENT);

/** The kommun table: only kommuner that occur, by kommunkod. */
const kommunerAv = (rows: Readonly<Aggregat['kommuner']>): KommunRow[] => {
  const perKommun = new Map<string, Aggregat['kommuner']>();
  for (const row of rows) {
    const list = perKommun.get(row.kommun);
    if (list) list.push(row);
    else perKommun.set(row.kommun, [row]);
  }
  return [...perKommun.keys()].sort().map((kommun) => {
    const mine = perKommun.get(kommun)!;
    const measure = (name: KommunMeasure): ByKon<number> => byKon(mine, (row) => row[name]);
    return {
      kommun,
      remisser: {
        mottagna: measure('mottagna'),
        aterremitterade: measure('aterremitterade'),
        inskrivna: measure('inskrivna'),
      },
      aktuella: measure('aktuella'),
      nya: measure('nya'),
    };
  });
};

/** DESIGN.md: the enhet "as written, trimmed, case-folded"; blank is none. */
export const enhetNyckel = (enhet: string | null): string | null => {
  const trimmed = enhet?.normalize('NFC').trim();
  return trimmed ? trimmed.toLocaleLowerCase('sv-SE') : null;
};

/**
 * enhetNyckel, each stored enhet folded once per report: every row's enhet is summed for its
 * insats, its grupp and the förbund, and folding goes through ICU.
 */
const enhetNycklar = (): ((enhet: string | null) => string | null) => {
  const folded = new Map<string, string | null>();
  return (enhet) => {
    if (enhet === null) return null;
    let nyckel = folded.get(enhet);
    if (nyckel === undefined) folded.set(enhet, (nyckel = enhetNyckel(enhet)));
    return nyckel;
  };
};

const SVENSK_ORDNING = new Intl.Collator('sv-SE');

/** Nya per remittent and folded enhet; only pairs that occur, none (null) last per remittent. */
const nyaPerRemittentEnhetAv = (
  rows: Readonly<Aggregat['enhet']>,
  enhetNyckelAv: (enhet: string | null) => string | null,
): NyaPerRemittentEnhetRow[] => {
  const sums = new Map<string, { remittent: Remittent; enhet: string | null; antal: number }>();
  for (const row of rows) {
    const enhet = enhetNyckelAv(row.enhet);
    // Remittent codes hold no NUL; \u0001 tells an enhet from none.
    const key = enhet === null ? row.remittent : `${row.remittent}\u0000\u0001${enhet}`;
    const sum = sums.get(key);
    if (sum) sum.antal += row.nya;
    else sums.set(key, { remittent: row.remittent, enhet, antal: row.nya });
  }
  return [...sums.values()]
    .filter((row) => row.antal > 0)
    .sort(
      (a, b) =>
        remittentOrder(a.remittent) - remittentOrder(b.remittent) ||
        (a.enhet === null ? 1 : 0) - (b.enhet === null ? 1 : 0) ||
        SVENSK_ORDNING.compare(a.enhet ?? '', b.enhet ?? ''),
    );
};

/** Mean and median (the mean of the two middle values for an even count) of a histogram. */
export const medelOchMedian = (
  histogram: readonly { dagar: number; antal: number }[],
): { medel: number | null; median: number | null } => {
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (const { dagar } of histogram) {
    if (!Number.isInteger(dagar)) whole = false;
    if (dagar < min) min = dagar;
    if (dagar > max) max = dagar;
  }
  // Days are whole and within some thousands: counted by day in an array, which gives them in
  // order without a sort. The merged counts and the sums, in ascending days, are the same.
  if (whole && histogram.length > 0 && max - min <= 100_000) {
    const counts = new Float64Array(max - min + 1);
    for (const { dagar, antal } of histogram) counts[dagar - min]! += antal;
    return medelOchMedianAv(counts, (i) => min + i);
  }
  const merged = new Map<number, number>();
  for (const { dagar, antal } of histogram) merged.set(dagar, (merged.get(dagar) ?? 0) + antal);
  // A typed array sorts numerically.
  const days = Float64Array.from(merged.keys()).sort();
  return medelOchMedianAv(
    days.map((day) => merged.get(day)!),
    (i) => days[i]!,
  );
};

/** Mean and median of counts by position, in ascending days (`dag` gives a position's day). */
const medelOchMedianAv = (
  antal: Float64Array,
  dag: (index: number) => number,
): { medel: number | null; median: number | null } => {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < antal.length; i++) {
    n += antal[i]!;
    sum += dag(i) * antal[i]!;
  }
  if (n === 0) return { medel: null, median: null };
  const valueAt = (index: number): number => {
    let seen = 0;
    for (let i = 0; i < antal.length; i++) {
      seen += antal[i]!;
      if (index < seen) return dag(i);
    }
    return dag(antal.length - 1);
  };
  const median = n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
  return { medel: sum / n, median };
};

/** Transitions before → after, summed over insatser and in code order. */
const overgangarAv = (
  rows: readonly { fran: Forsorjning; till: Forsorjning; antal: number }[],
): { fran: Forsorjning; till: Forsorjning; antal: number }[] => {
  const sums = new Map<number, { fran: Forsorjning; till: Forsorjning; antal: number }>();
  for (const { fran, till, antal } of rows) {
    const key = forsorjningOrder(fran) * 1_000 + forsorjningOrder(till);
    const sum = sums.get(key);
    if (sum) sum.antal += antal;
    else sums.set(key, { fran, till, antal });
  }
  return [...sums.entries()].sort(([a], [b]) => a - b).map(([, sum]) => sum);
};

/** The rows by a key, each group in the rows' own order (as filtering by that key gives it). */
const groupBy = <R, K>(rows: readonly R[], key: (row: R) => K): Map<K, R[]> => {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
};

const NONE: readonly never[] = [];

/** Kronor per person, whole kronor; null without a kostnad or a person to divide by. */
const perPerson = (kostnad: number | null, antal: number): number | null =>
  kostnad === null || antal === 0 ? null : Math.round(kostnad / antal);

/** Sum of the parts that are set; null when none is. */
const sumSet = (values: readonly (number | null)[]): number | null =>
  values.reduce<number | null>((sum, v) => (v === null ? sum : (sum ?? 0) + v), null);

/** Rows by insats, each list in the rows' own order: built once per array of a report. */
const indexes = new WeakMap<readonly object[], Map<string | null, readonly object[]>>();

const perInsats = <R extends { insats_id: string | null }>(
  rows: readonly R[],
): Map<string | null, readonly R[]> => {
  const cached = indexes.get(rows);
  if (cached) return cached as Map<string | null, readonly R[]>;
  const index = new Map<string | null, R[]>();
  for (const row of rows) {
    const list = index.get(row.insats_id);
    if (list) list.push(row);
    else index.set(row.insats_id, [row]);
  }
  indexes.set(rows, index);
  return index;
};

/** Rows by their insats's grupp, each list in the rows' own order: once per array and report. */
const gruppIndexes = new WeakMap<
  readonly object[],
  { gruppOf: ReadonlyMap<string, string>; index: Map<string, readonly object[]> }
>();

const perGrupp = <R extends { insats_id: string | null }>(
  rows: readonly R[],
  gruppOf: ReadonlyMap<string, string>,
): Map<string, readonly R[]> => {
  const cached = gruppIndexes.get(rows);
  if (cached?.gruppOf === gruppOf) return cached.index as Map<string, readonly R[]>;
  const index = new Map<string, R[]>();
  for (const row of rows) {
    const grupp = row.insats_id === null ? undefined : gruppOf.get(row.insats_id);
    if (grupp === undefined) continue;
    const list = index.get(grupp);
    if (list) list.push(row);
    else index.set(grupp, [row]);
  }
  gruppIndexes.set(rows, { gruppOf, index });
  return index;
};

/** The tables for one insats, a grupp or the whole förbund. */
const tablesFor = (
  aggregat: Aggregat,
  scope: TableScope,
  frame: ReportFrame,
  enhetNyckelAv: (enhet: string | null) => string | null,
): Omit<StatistikTables, 'mal'> => {
  const mine = <R extends { insats_id: string | null }>(rows: readonly R[]): readonly R[] =>
    scope.kind === 'forbund'
      ? rows
      : scope.kind === 'insats'
        ? (perInsats(rows).get(scope.insatsId) ?? [])
        : (perGrupp(rows, scope.gruppOf).get(scope.grupp) ?? []);
  const insatsId = scope.kind === 'insats' ? scope.insatsId : null;
  const perKon = mine(aggregat.perKon);
  const measure = (name: PerKonMeasure): ByKon<number> => byKon(perKon, (row) => row[name]);

  const deltagare = {
    aktuella: measure('aktuella'),
    nya: measure('nya'),
    overforda: measure('overforda'),
    avslutade: measure('avslutade'),
    pagaende: measure('pagaende'),
  };

  const alder = mine(aggregat.alder);
  const aldersgrupper = frame.aldersgrupper.map((band) => {
    const inBand = alder.filter((row) => row.alder >= band.fran && row.alder <= band.till);
    return {
      grupp: band.grupp,
      aktuella: byKon(inBand, (row) => row.aktuella),
      nya: byKon(inBand, (row) => row.nya),
    };
  });

  const perRemittent = groupBy(mine(aggregat.remittent), (row) => row.remittent);
  const dagar = mine(aggregat.dagar);
  const kotid = medelOchMedian(dagar.filter((row) => row.matt === 'kotid'));
  const tidIInsats = medelOchMedian(dagar.filter((row) => row.matt === 'tid'));
  const perKommun = new Map<string, Aggregat['kommun']>();
  for (const row of mine(aggregat.kommun)) {
    const list = perKommun.get(row.kommun);
    if (list) list.push(row);
    else perKommun.set(row.kommun, [row]);
  }
  const kommuner = [...perKommun.keys()].sort();
  const remisser = {
    mottagna: measure('mottagna'),
    aterremitterade: measure('aterremitterade'),
    vantande: measure('vantande'),
    perRemittent: REMITTENT.map((code) => ({
      remittent: code,
      antal: byKon(perRemittent.get(code) ?? NONE, (row) => row.mottagna),
    })),
    perKommun: kommuner.map((kommun) => ({
      kommun,
      antal: byKon(perKommun.get(kommun)!, (row) => row.mottagna),
    })),
    kotidDagar: kotid,
  };

  const nyaPerRemittent = REMITTENT.map((code) => {
    const antal = (perRemittent.get(code) ?? NONE).reduce((sum, row) => sum + row.nya, 0);
    return { remittent: code, antal, andel: andel(antal, deltagare.nya.totalt) };
  });

  const orsaker = groupBy(mine(aggregat.avslutsorsak), (row) => row.avslutsorsak);
  const perAvslutsorsak = AVSLUTSORSAK.map((code) => {
    const antal = byKon(orsaker.get(code) ?? NONE, (row) => row.antal);
    return { avslutsorsak: code, antal, andel: andel(antal.totalt, deltagare.avslutade.totalt) };
  });
  // Each utfall grupp summed once; every use gets a copy of its own, as it got a sum of its own.
  const grupper = new Map(
    UTFALL_GRUPP.map((name) => [
      name,
      sumByKon(
        perAvslutsorsak
          .filter((row) => UTFALL_FOR_AVSLUTSORSAK[row.avslutsorsak] === name)
          .map((row) => row.antal),
      ),
    ]),
  );
  const grupp = (name: UtfallGrupp): ByKon<number> => ({ ...grupper.get(name)! });
  const arbeteEllerStudier = sumByKon([grupp('arbete'), grupp('studier')]);
  const utfall = {
    perAvslutsorsak,
    perGrupp: UTFALL_GRUPP.map((name) => ({
      grupp: name,
      antal: grupp(name),
      andel: andelByKon(grupp(name), deltagare.avslutade),
    })),
    arbeteEllerStudier: {
      antal: arbeteEllerStudier,
      andel: andelByKon(arbeteEllerStudier, deltagare.avslutade),
    },
  };

  const forsorjningRows = groupBy(mine(aggregat.forsorjning), (r) => r.kod);
  const forsorjning = {
    avslutade: deltagare.avslutade,
    rader: FORSORJNING.map((kod) => {
      const rows = forsorjningRows.get(kod) ?? NONE;
      return {
        kod,
        vidInskrivning: byKon(
          rows.filter((r) => r.vid === 'inskrivning'),
          (r) => r.antal,
        ),
        vidAvslut: byKon(
          rows.filter((r) => r.vid === 'avslut'),
          (r) => r.antal,
        ),
      };
    }),
    overgangar: overgangarAv(mine(aggregat.overgangar)),
  };

  const uppfoljningRows = groupBy(mine(aggregat.uppfoljning), (row) => row.sysselsattning);
  const uppfoljning = MANADER_EFTER_AVSLUT.flatMap((manader) =>
    SYSSELSATTNING.map((sysselsattning) => ({
      manaderEfterAvslut: manader,
      sysselsattning,
      antal: byKon(
        (uppfoljningRows.get(sysselsattning) ?? NONE).filter(
          (row) => row.manader_efter_avslut === manader,
        ),
        (row) => row.antal,
      ),
    })),
  );

  const volym = mine(aggregat.volym).reduce(
    (sum, row) => ({
      kvinna: sum.kvinna + row.kvinnor,
      man: sum.man + row.man,
      ejAngivet: sum.ejAngivet + row.ej_angivet,
      totalt: sum.totalt + row.kvinnor + row.man + row.ej_angivet,
    }),
    { kvinna: 0, man: 0, ejAngivet: 0, totalt: 0 },
  );

  const arRows = mine(aggregat.ar);
  const periodensResultat = {
    aktuella: deltagare.aktuella.totalt,
    nya: deltagare.nya.totalt,
    avslutade: deltagare.avslutade.totalt,
    arbete_studier: arbeteEllerStudier.totalt,
  };
  const maluppfyllelse = frame.ar.map((ar) => {
    const result = !frame.arMedEgetFonster.includes(ar)
      ? periodensResultat
      : arRows
          .filter((row) => row.ar === ar && row.slag === 'ar')
          .reduce(
            (sum, row) => ({
              aktuella: sum.aktuella + row.aktuella,
              nya: sum.nya + row.nya,
              avslutade: sum.avslutade + row.avslutade,
              arbete_studier: sum.arbete_studier + row.arbete_studier,
            }),
            { aktuella: 0, nya: 0, avslutade: 0, arbete_studier: 0 },
          );
    // Årsmål belong to an insats; a grupp or the förbund as a whole has none of its own.
    const mal =
      insatsId === null
        ? undefined
        : aggregat.arsmal.find((m) => m.insats_id === insatsId && m.ar === ar);
    return {
      ar,
      mal: mal
        ? {
            deltagare: mal.deltagare,
            nyaDeltagare: mal.nya_deltagare,
            andelArbeteStudier: mal.andel_arbete_studier,
          }
        : null,
      utfall: {
        aktuella: result.aktuella,
        nya: result.nya,
        andelArbeteStudier: andel(result.arbete_studier, result.avslutade),
      },
    };
  });

  const ekonomiRows = mine(aggregat.ekonomi);
  const ekonomi = frame.ar.flatMap((ar): EkonomiRow[] => {
    const satta = ekonomiRows.filter(
      (row) => row.ar === ar && (row.budget !== null || row.kostnad !== null),
    );
    if (satta.length === 0) return [];
    const fonster = frame.ekonomiFonster[ar] ?? 'period';
    const counts =
      fonster === 'period'
        ? { aktuella: deltagare.aktuella.totalt, nya: deltagare.nya.totalt }
        : arRows
            .filter((row) => row.ar === ar && row.slag === fonster)
            .reduce(
              (sum, row) => ({ aktuella: sum.aktuella + row.aktuella, nya: sum.nya + row.nya }),
              { aktuella: 0, nya: 0 },
            );
    const budget = sumSet(satta.map((row) => row.budget));
    const kostnad = sumSet(satta.map((row) => row.kostnad));
    return [
      {
        ar,
        budget,
        kostnad,
        aktuella: counts.aktuella,
        nya: counts.nya,
        kostnadPerDeltagare: perPerson(kostnad, counts.aktuella),
        kostnadPerNyDeltagare: perPerson(kostnad, counts.nya),
      },
    ];
  });

  return {
    deltagare,
    aldersgrupper,
    remisser,
    nyaPerRemittent,
    utfall,
    forsorjning,
    tidIInsatsDagar: tidIInsats,
    uppfoljning,
    volym,
    maluppfyllelse,
    kommuner: kommunerAv(mine(aggregat.kommuner)),
    nyaPerRemittentEnhet: nyaPerRemittentEnhetAv(mine(aggregat.enhet), enhetNyckelAv),
    ekonomi,
  };
};

/** Unika personer: each deltagande without a registered person, plus registered persons. */
const unikaPersoner = (
  egna: ByKon<number>,
  registrerade: readonly { kon: Kon; personer: number }[],
  registreradeTotalt: number,
): ByKon<number> => {
  const unika = sumByKon([egna, byKon(registrerade, (row) => row.personer)]);
  // A person with deltaganden under two kön codes (a correction) is one person in totalt.
  return { ...unika, totalt: egna.totalt + registreradeTotalt };
};

/** The grupper of the report's insatser, in the order of each grupp's first insats. */
const grupperAv = (insatser: ReportFrame['insatser']): Map<string, string[]> => {
  const grupper = new Map<string, string[]>();
  for (const insats of insatser) {
    if (insats.grupp === null) continue;
    const ids = grupper.get(insats.grupp);
    if (ids) ids.push(insats.id);
    else grupper.set(insats.grupp, [insats.id]);
  }
  return grupper;
};

/** Shapes the statement's aggregates into API.md's report: every code listed, zeros included. */
export const assembleReport = (aggregat: Aggregat, frame: ReportFrame): StatistikReport => {
  const enhetNyckelAv = enhetNycklar();
  const gruppAv = grupperAv(frame.insatser);
  // Each insats is in at most one grupp (the frame lists each insats once).
  const gruppOf = new Map<string, string>();
  for (const [grupp, insatsIds] of gruppAv) for (const id of insatsIds) gruppOf.set(id, grupp);
  const grupper: GruppTables[] = [...gruppAv].map(([grupp, insatsIds]) => {
    const ids = new Set(insatsIds);
    const egna = byKon(
      aggregat.perKon.filter((row) => ids.has(row.insats_id)),
      (row) => row.egna_personer,
    );
    const registrerade = aggregat.registreradePerGrupp.filter((row) => row.grupp === grupp);
    return {
      grupp,
      insatsIds,
      ...tablesFor(aggregat, { kind: 'grupp', grupp, gruppOf }, frame, enhetNyckelAv),
      mal: malFor(aggregat, frame, { typ: 'grupp', grupp, insatsIds }),
      unikaPersoner: unikaPersoner(
        egna,
        registrerade.filter((row): row is typeof row & { kon: Kon } => row.kon !== null),
        registrerade.find((row) => row.kon === null)?.personer ?? 0,
      ),
    };
  });
  const report = {
    period: { fran: frame.fran, till: frame.till },
    asOf: frame.asOf,
    forbund: frame.forbund,
    insatser: frame.insatser.map((insats) => ({
      insatsId: insats.id,
      namn: insats.namn,
      grupp: insats.grupp,
      ordning: insats.ordning,
      ...tablesFor(aggregat, { kind: 'insats', insatsId: insats.id }, frame, enhetNyckelAv),
      mal: malFor(aggregat, frame, { typ: 'insats', insatsId: insats.id }),
    })),
    grupper,
    totalt: {
      ...tablesFor(aggregat, { kind: 'forbund' }, frame, enhetNyckelAv),
      mal: malFor(aggregat, frame, { typ: 'forbund' }),
      unikaPersoner: unikaPersoner(
        byKon(aggregat.perKon, (row) => row.egna_personer),
        aggregat.registrerade,
        aggregat.registreradeTotalt,
      ),
    },
  };
  return { ...report, oversikt: oversiktFor(report) };
};
