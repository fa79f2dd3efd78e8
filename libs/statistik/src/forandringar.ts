import {
  AVSLUTSORSAK,
  FORSORJNING,
  MANADER_EFTER_AVSLUT,
  REMITTENT,
  SYSSELSATTNING,
  UTFALL_FOR_AVSLUTSORSAK,
  UTFALL_GRUPP,
  daysBetween,
  yearOf,
  type Kon,
} from '#domain';
import type { DataSource } from 'typeorm';
import {
  assembleReport,
  enhetNyckel,
  medelOchMedian,
  type Aggregat,
  type ReportFrame,
} from './assemble-report.js';
import { malFor, type Malomfang } from './mal.js';
import type { StatistikReport } from './report.js';
import type { StatistikQuery, StatistikService } from './statistik-service.js';

/** One figure of a report: where it stands (insats, grupp or the förbund's total) and its value. */
export interface Cell {
  readonly tabell: string;
  readonly rad: string;
  readonly kolumn: string;
  readonly insatsId?: string;
  readonly grupp?: string;
}

export type CellValue = number | string | boolean | null;

export interface CellChange extends Cell {
  readonly fore: CellValue;
  readonly efter: CellValue;
}

/** A deltagande whose facts, changed between fore and efter, moved a cell; and when they changed. */
export interface Orsak {
  readonly deltagandeId: string;
  /** ISO timestamps, ascending: the moments in (fore, efter] at which its facts changed. */
  readonly tillfallen: readonly string[];
}

/** A cell that moved between two as-of moments, with the deltaganden whose changes moved it. */
export interface Forandring extends CellChange {
  readonly orsaker: readonly Orsak[];
}

/**
 * Fields that name a row of a list rather than hold a figure: a list's element is found by
 * them (a kommun, a code, a year, a goal), never by its place, since some lists hold only what
 * occurs and a row may come or go.
 */
const KEY_FIELDS = new Set([
  'grupp',
  'remittent',
  'enhet',
  'kommun',
  'kod',
  'avslutsorsak',
  'manaderEfterAvslut',
  'sysselsattning',
  'ar',
  'malId',
  'fran',
  'till',
]);

const isPrimitive = (value: unknown): value is CellValue =>
  value === null ||
  typeof value === 'number' ||
  typeof value === 'string' ||
  typeof value === 'boolean';

/** Separates the parts of a cell's key: a character no label or code holds. */
const SEP = '\u0001';

/** The key of a figure: where it stands (scope, tabell, rad, kolumn). */
const cellKey = (scope: string, tabell: string, parent: string, seg: string | undefined): string =>
  `${scope}${SEP}${tabell}${SEP}${parent || tabell}${SEP}${seg ?? tabell}`;

/** The rad of a list's element: its key fields' values, or its place when it has none. */
const elementRad = (here: string, element: object, index: number): string => {
  let key = '';
  for (const [field, v] of Object.entries(element)) {
    if (!KEY_FIELDS.has(field) || !isPrimitive(v)) continue;
    const part = v === null ? '–' : String(v);
    key = key ? `${key} ${part}` : part;
  }
  return here ? `${here}.${key || String(index)}` : key || String(index);
};

/**
 * The figures of `value` (of table `tabell`, under rad `parent`, at step `seg`) into `cells`,
 * keyed by where they stand. A path's last step is the kolumn, the steps before it joined by
 * dots the rad.
 */
const walkInto = (
  cells: Map<string, CellValue>,
  scope: string,
  tabell: string,
  value: unknown,
  parent: string,
  seg: string | undefined,
): void => {
  if (value === undefined) return;
  if (isPrimitive(value)) {
    cells.set(cellKey(scope, tabell, parent, seg), value);
    return;
  }
  const here = seg === undefined ? parent : parent ? `${parent}.${seg}` : seg;
  if (Array.isArray(value)) {
    value.forEach((element: unknown, index) => {
      if (isPrimitive(element) || Array.isArray(element)) {
        walkInto(cells, scope, tabell, element, here, String(index));
        return;
      }
      const rad = elementRad(here, element as object, index);
      for (const [field, v] of Object.entries(element as object)) {
        if (KEY_FIELDS.has(field) && isPrimitive(v)) continue;
        walkInto(cells, scope, tabell, v, rad, field);
      }
    });
    return;
  }
  for (const [field, inner] of Object.entries(value as object)) {
    walkInto(cells, scope, tabell, inner, here, field);
  }
};

/**
 * Every figure of a report's tables into `cells`, keyed by where it stands (scope, tabell,
 * rad, kolumn). Keys are plain strings and no object is made per figure.
 */
const walkTables = (tables: object, scope: string, cells: Map<string, CellValue>): void => {
  for (const [tabell, value] of Object.entries(tables)) {
    walkInto(cells, scope, tabell, value, '', undefined);
  }
};

interface Moved {
  readonly key: string;
  readonly fore: CellValue;
  readonly efter: CellValue;
}

/** A row present in only one report (a kommun that came) counts 0 where the other has a count. */
const absentAs = (other: CellValue): CellValue => (typeof other === 'number' ? 0 : null);

/**
 * The figures that differ between two maps of figures: those of `before` into `moved` (in its
 * order), those only in `after` into `added` (in its order).
 */
const compareCells = (
  before: ReadonlyMap<string, CellValue>,
  after: ReadonlyMap<string, CellValue>,
  moved: Moved[],
  added: Moved[],
): void => {
  for (const [key, a] of before) {
    const b = after.has(key) ? after.get(key)! : absentAs(a);
    if (a !== b) moved.push({ key, fore: a, efter: b });
  }
  for (const [key, b] of after) {
    if (before.has(key)) continue;
    const a = absentAs(b);
    if (a !== b) added.push({ key, fore: a, efter: b });
  }
};

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The figures that differ between two values of the same place in two reports, as comparing
 * every figure of each (walkInto, compareCells) finds them, but walking the two side by side:
 * a key is made only for a figure that differs, and lists whose elements stand at the same
 * rows are compared element by element. Where the two differ in shape (a row that came or
 * went, a value that became a table) that part is compared figure by figure.
 */
const diffInto = (
  scope: string,
  tabell: string,
  a: unknown,
  b: unknown,
  parent: string,
  seg: string | undefined,
  moved: Moved[],
  added: Moved[],
): void => {
  if (a === b) return;
  if (a !== undefined && b !== undefined && isPrimitive(a) && isPrimitive(b)) {
    moved.push({ key: cellKey(scope, tabell, parent, seg), fore: a, efter: b });
    return;
  }
  const here = seg === undefined ? parent : parent ? `${parent}.${seg}` : seg;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    const rader: (string | undefined)[] = [];
    let sameRows = true;
    for (let index = 0; index < a.length && sameRows; index++) {
      const x: unknown = a[index];
      const y: unknown = b[index];
      if (isPlainObject(x) && isPlainObject(y)) {
        const rad = elementRad(here, x, index);
        if (rad !== elementRad(here, y, index)) sameRows = false;
        rader.push(rad);
      } else if (isPlainObject(x) || isPlainObject(y)) {
        sameRows = false;
      } else {
        rader.push(undefined);
      }
    }
    if (sameRows) {
      for (let index = 0; index < a.length; index++) {
        const x: unknown = a[index];
        const y: unknown = b[index];
        const rad = rader[index];
        if (rad === undefined) {
          diffInto(scope, tabell, x, y, here, String(index), moved, added);
          continue;
        }
        diffFields(scope, tabell, x as object, y as object, rad, moved, added, true);
      }
      return;
    }
  } else if (isPlainObject(a) && isPlainObject(b)) {
    diffFields(scope, tabell, a, b, here, moved, added, false);
    return;
  }
  // Different shapes: figure by figure.
  const before = new Map<string, CellValue>();
  const after = new Map<string, CellValue>();
  walkInto(before, scope, tabell, a, parent, seg);
  walkInto(after, scope, tabell, b, parent, seg);
  compareCells(before, after, moved, added);
};

/** The fields of two objects side by side: `a`'s in its order, then those only `b` has. */
const diffFields = (
  scope: string,
  tabell: string,
  a: object,
  b: object,
  rad: string,
  moved: Moved[],
  added: Moved[],
  element: boolean,
): void => {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // A list element's key fields name its row; equal rows have equal key fields.
  const skip = (field: string, v: unknown): boolean =>
    element && KEY_FIELDS.has(field) && isPrimitive(v);
  for (const field of Object.keys(x)) {
    if (skip(field, x[field])) continue;
    diffInto(
      scope,
      tabell,
      x[field],
      skip(field, y[field]) ? undefined : y[field],
      rad,
      field,
      moved,
      added,
    );
  }
  for (const field of Object.keys(y)) {
    if (field in x || skip(field, y[field])) continue;
    diffInto(scope, tabell, undefined, y[field], rad, field, moved, added);
  }
};

/** The figures that differ between two reports' tables of one scope. */
const diffTables = (scope: string, a: object, b: object, moved: Moved[], added: Moved[]): void => {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const tabell of Object.keys(x)) {
    diffInto(scope, tabell, x[tabell], y[tabell], '', undefined, moved, added);
  }
  for (const tabell of Object.keys(y)) {
    if (!(tabell in x)) diffInto(scope, tabell, undefined, y[tabell], '', undefined, moved, added);
  }
};

const insatsScope = (insatsId: string): string => `i${insatsId}`;
const gruppScope = (grupp: string): string => `g${grupp}`;
const TOTAL_SCOPE = 't';

/** The cell a key names. */
const cellOf = (key: string): Cell => {
  const [scope, tabell, rad, kolumn] = key.split(SEP) as [string, string, string, string];
  const where =
    scope[0] === 'i'
      ? { insatsId: scope.slice(1) }
      : scope[0] === 'g'
        ? { grupp: scope.slice(1) }
        : {};
  return { tabell, rad, kolumn, ...where };
};

/** A report's tables by scope: each insats, each grupp and the förbund's total, in that order. */
const scopesOf = (report: StatistikReport): [string, object][] => [
  ...report.insatser.map((insats): [string, object] => {
    const { insatsId, namn: _namn, grupp: _grupp, ordning: _ordning, ...tables } = insats;
    return [insatsScope(insatsId), tables];
  }),
  ...report.grupper.map((grupp): [string, object] => {
    const { grupp: namn, insatsIds: _insatsIds, ...tables } = grupp;
    return [gruppScope(namn), tables];
  }),
  [TOTAL_SCOPE, report.totalt],
];

/**
 * The figures of a report: each insats's tables, each grupp's subtotal and the förbund's total.
 * Labels (namn, ordning, the grupp an insats belongs to) and the report's frame are not
 * figures; the overview repeats figures of the tables and is left out.
 */
export const reportCells = (report: StatistikReport): Map<string, CellValue> => {
  const cells = new Map<string, CellValue>();
  for (const [scope, tables] of scopesOf(report)) walkTables(tables, scope, cells);
  return cells;
};

/**
 * The keys of every cell whose value differs between two reports, each with both values: the
 * cells of `fore` in its order, then those only `efter` has. A scope of only one of the two
 * reports is compared figure by figure.
 */
const movedKeys = (fore: StatistikReport, efter: StatistikReport): Moved[] => {
  const moved: Moved[] = [];
  const added: Moved[] = [];
  const after = new Map(scopesOf(efter));
  const before = scopesOf(fore);
  for (const [scope, tables] of before) {
    const other = after.get(scope);
    if (other) {
      diffTables(scope, tables, other, moved, added);
      continue;
    }
    const cells = new Map<string, CellValue>();
    walkTables(tables, scope, cells);
    compareCells(cells, new Map(), moved, added);
  }
  const seen = new Set(before.map(([scope]) => scope));
  for (const [scope, tables] of after) {
    if (seen.has(scope)) continue;
    const cells = new Map<string, CellValue>();
    walkTables(tables, scope, cells);
    compareCells(new Map(), cells, moved, added);
  }
  return [...moved, ...added];
};

/** Every cell whose value differs between two reports of the same period and insatser. */
export const diffReports = (fore: StatistikReport, efter: StatistikReport): CellChange[] =>
  movedKeys(fore, efter).map(({ key, fore: a, efter: b }) => ({
    ...cellOf(key),
    fore: a,
    efter: b,
  }));

// ---------------------------------------------------------------------------------------------
// One deltagande's part of a report

/** One version of a deltagande's facts, as the report reads it (dates as ISO text). */
export interface Faktaversion {
  readonly deltagandeId: string;
  readonly insatsId: string;
  readonly personKey: string;
  readonly kon: Kon;
  readonly fodelsear: number;
  readonly kommun: string;
  readonly remittent: string;
  readonly remittentEnhet: string | null;
  readonly remissDatum: string;
  readonly aterremissDatum: string | null;
  readonly inskrivningDatum: string | null;
  readonly avslutDatum: string | null;
  readonly avslutsorsak: string | null;
  readonly forsorjningIn: readonly string[] | null;
  readonly forsorjningUt: readonly string[] | null;
}

/** An uppföljning of a deltagande in the period, as the report reads it. */
export interface Uppfoljningsfakta {
  readonly insatsId: string;
  readonly manaderEfterAvslut: 6 | 12;
  readonly sysselsattning: string;
}

/** What a report's frame and its goals say about which windows a deltagande is counted in. */
export interface Sammanhang {
  readonly fran: string;
  readonly till: string;
  readonly tidigast: string;
  readonly egnaFonster: readonly number[];
  readonly ekonomiAr: number | null;
  readonly gruppAv: ReadonlyMap<string, string | null>;
  readonly malFonster: readonly {
    fran: string;
    till: string;
    alla: boolean;
    insatser: ReadonlySet<string>;
  }[];
}

const ARBETE_ELLER_STUDIER: ReadonlySet<string> = new Set(
  AVSLUTSORSAK.filter((code) => ['arbete', 'studier'].includes(UTFALL_FOR_AVSLUTSORSAK[code])),
);

const minDate = (a: string, b: string): string => (a < b ? a : b);
const between = (d: string | null, fran: string, till: string): boolean =>
  d !== null && d >= fran && d <= till;

export const sammanhangAv = (
  frame: Omit<ReportFrame, 'asOf' | 'forbund' | 'aldersgrupper'>,
  mal: Aggregat['mal'],
): Sammanhang => {
  const forsta = `${frame.ar[0]!}-01-01`;
  const ekonomiAr = Object.entries(frame.ekonomiFonster).find(([, f]) => f === 'ekonomi')?.[0];
  const fonster = new Map<
    string,
    { fran: string; till: string; alla: boolean; insatser: Set<string> }
  >();
  for (const goal of mal) {
    const till = minDate(goal.till, frame.till);
    if (goal.fran === frame.fran && till === frame.till) continue;
    const key = `${goal.fran}|${till}`;
    const window = fonster.get(key) ?? { fran: goal.fran, till, alla: false, insatser: new Set() };
    if (goal.insats_id === null) window.alla = true;
    else window.insatser.add(goal.insats_id);
    fonster.set(key, window);
  }
  return {
    fran: frame.fran,
    till: frame.till,
    tidigast: minDate(forsta, frame.fran),
    egnaFonster: frame.arMedEgetFonster,
    ekonomiAr: ekonomiAr === undefined ? null : Number(ekonomiAr),
    gruppAv: new Map(frame.insatser.map((i) => [i.id, i.grupp])),
    malFonster: [...fonster.values()],
  };
};

/** Aggregates with nothing in them (also the start of tests that add the rows they are about). */
export const emptyAggregat = (): Aggregat => ({
  perKon: [],
  registrerade: [],
  registreradeTotalt: 0,
  registreradePerGrupp: [],
  alder: [],
  remittent: [],
  kommun: [],
  kommuner: [],
  enhet: [],
  dagar: [],
  avslutsorsak: [],
  forsorjning: [],
  overgangar: [],
  ar: [],
  uppfoljning: [],
  volym: [],
  arsmal: [],
  mal: [],
  malUtfall: [],
  ekonomi: [],
});

const n = (b: boolean): number => (b ? 1 : 0);

/**
 * One deltagande's rows of the report's aggregates: what the report's two statements
 * (statistik-sql.ts) count for this one version of its facts, with the same measures over the
 * same windows. `version` undefined: it counts nowhere (not yet registered, or makulerad).
 * forandringar.int.spec.ts holds the two to the same sums: for generated populations and
 * periods, each additive aggregate of the report's SQL is the sum of every deltagande's rows.
 */
export const deltagandeAggregat = (
  version: Faktaversion | undefined,
  uppfoljningar: readonly Uppfoljningsfakta[],
  s: Sammanhang,
): Aggregat => {
  const agg = emptyAggregat();
  if (!version) return agg;
  const v = version;
  const { fran, till } = s;
  const i = v.inskrivningDatum;
  const a = v.avslutDatum;
  const slut = a ?? v.aterremissDatum ?? '9999-12-31';
  const ins = v.insatsId;
  const kon = v.kon;
  for (const u of uppfoljningar) {
    agg.uppfoljning.push({
      insats_id: u.insatsId,
      manader_efter_avslut: u.manaderEfterAvslut,
      sysselsattning: u.sysselsattning as Aggregat['uppfoljning'][number]['sysselsattning'],
      kon,
      antal: 1,
    });
  }
  if (v.remissDatum > till) return agg;

  const aktuellaOver = (f: string, t: string): boolean =>
    i !== null && i <= t && (a === null || a >= f);
  const aktuella = aktuellaOver(fran, till);
  const nya = between(i, fran, till);
  const avslutade = between(a, fran, till);
  const mottagna = between(v.remissDatum, fran, till);
  const aterremitterade = between(v.aterremissDatum, fran, till);

  // The flow (deltagareSql): the deltaganden that touch [fran, till].
  if (slut >= fran) {
    const registrerad = v.personKey !== v.deltagandeId;
    agg.perKon.push({
      insats_id: ins,
      kon,
      aktuella: n(aktuella),
      nya: n(nya),
      overforda: n(i !== null && i < fran && (a === null || a >= fran)),
      avslutade: n(avslutade),
      pagaende: n(i !== null && i <= till && (a === null || a > till)),
      mottagna: n(mottagna),
      aterremitterade: n(aterremitterade),
      vantande: n(
        v.remissDatum <= till &&
          (i === null || i > till) &&
          (v.aterremissDatum === null || v.aterremissDatum > till),
      ),
      egna_personer: n(aktuella && !registrerad),
    });
    if (i !== null && (aktuella || nya)) {
      agg.alder.push({
        insats_id: ins,
        kon,
        alder: yearOf(i) - v.fodelsear,
        aktuella: n(aktuella),
        nya: n(nya),
      });
    }
    if (aktuella && registrerad) {
      agg.registrerade.push({ kon, personer: 1 });
      agg.registreradeTotalt = 1;
      const grupp = s.gruppAv.get(ins);
      if (grupp) {
        agg.registreradePerGrupp.push(
          { grupp, kon, personer: 1 },
          { grupp, kon: null, personer: 1 },
        );
      }
    }
    if (mottagna || aterremitterade || aktuella) {
      const remittent = v.remittent as Aggregat['remittent'][number]['remittent'];
      agg.remittent.push({ insats_id: ins, remittent, kon, mottagna: n(mottagna), nya: n(nya) });
      if (mottagna) agg.kommun.push({ insats_id: ins, kommun: v.kommun, kon, mottagna: 1 });
      agg.kommuner.push({
        insats_id: ins,
        kommun: v.kommun,
        kon,
        mottagna: n(mottagna),
        aterremitterade: n(aterremitterade),
        inskrivna: n(mottagna && i !== null && i <= till),
        aktuella: n(aktuella),
        nya: n(nya),
      });
      if (nya) agg.enhet.push({ insats_id: ins, remittent, enhet: v.remittentEnhet, nya: 1 });
    }
  }

  // The outcomes (utfallSql): the deltaganden that touch [tidigast, till].
  const utfall = slut >= s.tidigast && (s.egnaFonster.length > 0 || nya || avslutade);
  if (utfall) {
    if (slut >= fran && nya) {
      agg.dagar.push({
        insats_id: ins,
        matt: 'kotid',
        dagar: daysBetween(v.remissDatum, i!),
        antal: 1,
      });
    }
    if (slut >= fran && avslutade) {
      agg.dagar.push({ insats_id: ins, matt: 'tid', dagar: daysBetween(i!, a!), antal: 1 });
      const orsak = v.avslutsorsak as Aggregat['avslutsorsak'][number]['avslutsorsak'];
      agg.avslutsorsak.push({ insats_id: ins, avslutsorsak: orsak, kon, antal: 1 });
      type Kod = Aggregat['forsorjning'][number]['kod'];
      for (const kod of v.forsorjningIn ?? []) {
        agg.forsorjning.push({
          insats_id: ins,
          kon,
          vid: 'inskrivning',
          kod: kod as Kod,
          antal: 1,
        });
      }
      for (const kod of v.forsorjningUt ?? []) {
        agg.forsorjning.push({ insats_id: ins, kon, vid: 'avslut', kod: kod as Kod, antal: 1 });
      }
      for (const f of v.forsorjningIn ?? []) {
        for (const t of v.forsorjningUt ?? []) {
          agg.overgangar.push({ insats_id: ins, fran: f as Kod, till: t as Kod, antal: 1 });
        }
      }
    }
    if (i !== null) {
      const fonster: { ar: number; slag: 'ar' | 'ekonomi'; fran: string; till: string }[] = [];
      const forstaAr = Math.max(yearOf(i), yearOf(s.tidigast));
      const sistaAr = Math.min(a === null ? 9999 : yearOf(a), yearOf(till));
      for (const ar of s.egnaFonster) {
        if (ar >= forstaAr && ar <= sistaAr) {
          fonster.push({ ar, slag: 'ar', fran: `${ar}-01-01`, till: minDate(`${ar}-12-31`, till) });
        }
      }
      if (s.ekonomiAr !== null) {
        const t = `${s.ekonomiAr}-12-31`;
        if (i <= t && (a === null || a >= fran)) {
          fonster.push({ ar: s.ekonomiAr, slag: 'ekonomi', fran, till: t });
        }
      }
      for (const w of fonster) {
        const avslutadeI = between(a, w.fran, w.till);
        agg.ar.push({
          insats_id: ins,
          ar: w.ar,
          slag: w.slag,
          aktuella: n(aktuellaOver(w.fran, w.till)),
          nya: n(between(i, w.fran, w.till)),
          avslutade: n(avslutadeI),
          arbete_studier: n(avslutadeI && ARBETE_ELLER_STUDIER.has(v.avslutsorsak ?? '')),
        });
      }
    }
  }
  // Goals' own windows (malUtfallSql): over the window's own dates, whatever the deltagande
  // did in the period (one aktuell on a window's days but neither ny nor avslutad in the
  // period counts there too).
  if (i !== null) {
    for (const w of s.malFonster) {
      if (!(w.alla || w.insatser.has(ins))) continue;
      if (!(v.remissDatum <= w.till && slut >= w.fran && aktuellaOver(w.fran, w.till))) continue;
      const avslutadeI = between(a, w.fran, w.till);
      agg.malUtfall.push({
        fran: w.fran,
        till: w.till,
        insats_id: ins,
        avslutsorsak: avslutadeI
          ? (v.avslutsorsak as Aggregat['malUtfall'][number]['avslutsorsak'])
          : null,
        aktuella: 1,
        nya: n(between(i, w.fran, w.till)),
        avslutade: n(avslutadeI),
      });
    }
  }
  return agg;
};

// ---------------------------------------------------------------------------------------------
// The report as known at fore, from the report as known at efter

/** Parts of the aggregates that are not counted per deltagande: the förbund's own, read whole. */
export const HELA_FORBUNDETS = ['volym', 'arsmal', 'mal', 'ekonomi'] as const;

/** The förbund's own parts of some aggregates (HELA_FORBUNDETS). */
export const forbundetsDelar = (
  aggregat: Aggregat,
): Pick<Aggregat, (typeof HELA_FORBUNDETS)[number]> => ({
  volym: aggregat.volym,
  arsmal: aggregat.arsmal,
  mal: aggregat.mal,
  ekonomi: aggregat.ekonomi,
});

/**
 * The rows of the aggregates that add up over deltaganden, each with its counts (every other
 * field of a row says where the row stands). Unika personer add up over persons, and the
 * deltaganden the parts are counted over hold every deltagande of each person among them.
 */
export const ADDITIVA = {
  perKon: [
    'aktuella',
    'nya',
    'overforda',
    'avslutade',
    'pagaende',
    'mottagna',
    'aterremitterade',
    'vantande',
    'egna_personer',
  ],
  registrerade: ['personer'],
  registreradePerGrupp: ['personer'],
  alder: ['aktuella', 'nya'],
  remittent: ['mottagna', 'nya'],
  kommun: ['mottagna'],
  kommuner: ['mottagna', 'aterremitterade', 'inskrivna', 'aktuella', 'nya'],
  enhet: ['nya'],
  dagar: ['antal'],
  avslutsorsak: ['antal'],
  forsorjning: ['antal'],
  overgangar: ['antal'],
  ar: ['aktuella', 'nya', 'avslutade', 'arbete_studier'],
  uppfoljning: ['antal'],
  malUtfall: ['aktuella', 'nya', 'avslutade'],
} as const satisfies Record<
  Exclude<keyof Aggregat, 'registreradeTotalt' | (typeof HELA_FORBUNDETS)[number]>,
  readonly string[]
>;

export type Rad = Record<string, unknown>;

/**
 * A field's value in a row's key, as JSON tells values apart: a string is marked as one (the
 * number 2024 is not the text '2024'), and what JSON writes as null (undefined, NaN) is null.
 */
const varde = (v: unknown): string =>
  typeof v === 'string'
    ? `s${v}`
    : typeof v === 'number'
      ? Number.isFinite(v)
        ? String(v)
        : 'null'
      : typeof v === 'boolean'
        ? String(v)
        : v === null || v === undefined
          ? 'null'
          : JSON.stringify(v);

/**
 * A row's place among the rows of a table whose counts are `matt`: how many fields but the
 * counts, their names in order, and their values. The fields are sorted once per order they
 * come in (the statements' rows all alike). Rows with the same place are one row of the report.
 */
export const radNyckel = (matt: readonly string[]): ((rad: Rad) => string) => {
  const falten = new Map<string, { falt: string[]; namn: string }>();
  return (rad) => {
    const keys = Object.keys(rad);
    const ordning = keys.join(SEP);
    let sorterade = falten.get(ordning);
    if (!sorterade) {
      const falt = keys.filter((f) => !matt.includes(f)).sort();
      falten.set(ordning, (sorterade = { falt, namn: `${falt.length}${SEP}${falt.join(SEP)}` }));
    }
    let key = sorterade.namn;
    for (const f of sorterade.falt) key += SEP + varde(rad[f]);
    return key;
  };
};

/**
 * Adds the rows' counts `matt` (times `tecken`) into `sums`, one sum per place (`nyckel`, from
 * radNyckel); a place's first row gives the sum its other fields.
 */
export const laggTill = (
  sums: Map<string, Rad>,
  rows: readonly Rad[],
  tecken: 1 | -1,
  matt: readonly string[],
  nyckel: (rad: Rad) => string,
): void => {
  for (const rad of rows) {
    const key = nyckel(rad);
    let sum = sums.get(key);
    if (!sum) {
      sum = { ...rad };
      for (const m of matt) sum[m] = 0;
      sums.set(key, sum);
    }
    for (const m of matt) sum[m] = (sum[m] as number) + tecken * Number(rad[m]);
  }
};

/**
 * `hela` − `bort` + `till`, row by row (rows matched by every field but the counts); a row
 * whose counts all come to 0 is left out, as the report's statements leave such rows out.
 * Undefined if a count would come out below 0: the parts do not belong to `hela`.
 */
const summera = (
  hela: readonly Rad[],
  bort: readonly Rad[],
  till: readonly Rad[],
  matt: readonly string[],
): Rad[] | undefined => {
  const rader = new Map<string, Rad>();
  const nyckel = radNyckel(matt);
  laggTill(rader, hela, 1, matt, nyckel);
  laggTill(rader, bort, -1, matt, nyckel);
  laggTill(rader, till, 1, matt, nyckel);
  const result: Rad[] = [];
  for (const rad of rader.values()) {
    if (matt.some((m) => (rad[m] as number) < 0)) return undefined;
    if (matt.some((m) => rad[m] !== 0)) result.push(rad);
  }
  return result;
};

/**
 * The aggregates as known at fore: those as known at efter, less some deltaganden's part as
 * known at efter, plus their part as known at fore; goals, volym, årsmål and ekonomi from the
 * part as known at fore (which reads them whole). Exact when no other deltagande changed in
 * between and neither the insatser nor the goals did (their grupper and windows shape the
 * parts). Undefined when a count would come out below 0.
 */
export const aggregatFore = (
  efter: Aggregat,
  delEfter: Aggregat,
  delFore: Aggregat,
): Aggregat | undefined => {
  const fore: Partial<Record<keyof Aggregat, unknown>> = {};
  for (const [tabell, matt] of Object.entries(ADDITIVA) as [
    keyof typeof ADDITIVA,
    readonly string[],
  ][]) {
    const rows = summera(
      efter[tabell] as Rad[],
      delEfter[tabell] as Rad[],
      delFore[tabell] as Rad[],
      matt,
    );
    if (!rows) return undefined;
    fore[tabell] = rows;
  }
  const registreradeTotalt =
    efter.registreradeTotalt - delEfter.registreradeTotalt + delFore.registreradeTotalt;
  if (registreradeTotalt < 0) return undefined;
  for (const tabell of HELA_FORBUNDETS) fore[tabell] = delFore[tabell];
  return { ...(fore as Omit<Aggregat, 'registreradeTotalt'>), registreradeTotalt };
};

// ---------------------------------------------------------------------------------------------
// The explanation

/** A deltagande_fakta version (alias d) as a row of the changed deltaganden's query (slag 'v'). */
const VERSION_KOLUMNER = `'v' AS slag, d.deltagande_id AS "deltagandeId", d.insats_id AS "insatsId",
  d.person_key AS "personKey", d.kon, d.fodelsear, d.kommun, d.remittent,
  d.remittent_enhet AS "remittentEnhet", d.remiss_datum::text AS "remissDatum",
  d.aterremiss_datum::text AS "aterremissDatum",
  d.inskrivning_datum::text AS "inskrivningDatum", d.avslut_datum::text AS "avslutDatum",
  d.avslutsorsak, d.forsorjning_in AS "forsorjningIn", d.forsorjning_ut AS "forsorjningUt",
  NULL::int AS "manaderEfterAvslut", NULL::text AS sysselsattning,
  to_char(d.recorded_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "fran",
  to_char(d.recorded_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "till"`;

/**
 * The deltaganden (of the förbund and insatser) whose facts a report of the period reads got a
 * new version, lost theirs (a makulering) or an uppföljning between fore and efter; with every
 * version of theirs valid at some moment in [fore, efter], and their uppföljningar in the
 * period as known at efter. $1 förbund, $2 insatser (null: all), $3 fran, $4 till, $5 fore,
 * $6 efter.
 */
const ANDRADE_SQL = `
WITH andrade AS (
  SELECT d.deltagande_id FROM deltagande_fakta d
  WHERE d.forbund_id = $1 AND ($2::uuid[] IS NULL OR d.insats_id = ANY($2::uuid[]))
    AND d.remiss_datum <= $4::date AND d.recorded_from > $5 AND d.recorded_from <= $6
  UNION
  SELECT d.deltagande_id FROM deltagande_fakta d
  WHERE d.forbund_id = $1 AND ($2::uuid[] IS NULL OR d.insats_id = ANY($2::uuid[]))
    AND d.remiss_datum <= $4::date AND d.recorded_to > $5 AND d.recorded_to <= $6
  UNION
  SELECT u.deltagande_id FROM uppfoljning_fakta u
  WHERE u.forbund_id = $1 AND ($2::uuid[] IS NULL OR u.insats_id = ANY($2::uuid[]))
    AND u.datum BETWEEN $3::date AND $4::date AND u.recorded_at > $5 AND u.recorded_at <= $6
)
SELECT ${VERSION_KOLUMNER}
-- Each changed deltagande's versions by its key (a nested loop over the primary key; OFFSET 0
-- keeps the planner from flattening it into the join it chose before, which hashed every
-- current version: about 2.4 s at full scale).
FROM andrade CROSS JOIN LATERAL (
  SELECT * FROM deltagande_fakta d
  WHERE d.deltagande_id = andrade.deltagande_id
    AND d.recorded_from <= $6 AND (d.recorded_to IS NULL OR d.recorded_to > $5)
  OFFSET 0
) d
UNION ALL
SELECT 'u', u.deltagande_id, u.insats_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, u.manader_efter_avslut, u.sysselsattning,
       to_char(u.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), NULL
FROM uppfoljning_fakta u JOIN andrade USING (deltagande_id)
WHERE u.forbund_id = $1 AND ($2::uuid[] IS NULL OR u.insats_id = ANY($2::uuid[]))
  AND u.datum BETWEEN $3::date AND $4::date AND u.recorded_at <= $6`;

export interface AndradRad extends Faktaversion {
  readonly slag: 'v' | 'u';
  readonly manaderEfterAvslut: 6 | 12 | null;
  readonly sysselsattning: string | null;
  /** A version's recorded_from, an uppföljning's recorded_at. */
  readonly fran: string;
  readonly till: string | null;
}

/** A changed deltagande's versions and uppföljningar, and the moments they changed. */
export interface Andrad {
  readonly versioner: AndradRad[];
  readonly uppfoljningar: AndradRad[];
}

/**
 * The deltaganden whose facts a report of the period (query) reads changed in (fore, efter]
 * (ANDRADE_SQL), each with its versions and uppföljningar.
 */
export const andradeDeltaganden = async (
  dataSource: DataSource,
  query: Omit<StatistikQuery, 'asOf'>,
  fore: Date,
  efter: Date,
): Promise<Map<string, Andrad>> => {
  const rows: AndradRad[] = await dataSource.query(ANDRADE_SQL, [
    query.forbundId,
    query.insatsIds ? [...query.insatsIds] : null,
    query.fran,
    query.till,
    fore.toISOString(),
    efter.toISOString(),
  ]);
  const andrade = new Map<string, Andrad>();
  for (const row of rows) {
    let andrad = andrade.get(row.deltagandeId);
    if (!andrad) andrade.set(row.deltagandeId, (andrad = { versioner: [], uppfoljningar: [] }));
    (row.slag === 'v' ? andrad.versioner : andrad.uppfoljningar).push(row);
  }
  return andrade;
};

/**
 * A changed deltagande's part of the report as known at `at` (an ISO timestamp within the
 * moments its versions were read for): its version valid then and its uppföljningar recorded
 * by then, counted by deltagandeAggregat.
 */
export const delVid = (
  { versioner, uppfoljningar }: Andrad,
  at: string,
  sammanhang: Sammanhang,
): Aggregat => {
  const upp = uppfoljningar
    .filter((u) => u.fran <= at)
    .map((u) => ({
      insatsId: u.insatsId,
      manaderEfterAvslut: u.manaderEfterAvslut!,
      sysselsattning: u.sysselsattning!,
    }));
  const version = versioner.find((v) => v.fran <= at && (v.till === null || v.till > at));
  return deltagandeAggregat(version, upp, sammanhang);
};

/**
 * The part of a report that some deltaganden make up, as known at `at`, counted as the
 * report's statements count it with only those deltaganden (their `deltaganden` filter):
 * each one's rows (delVid) added up, and the registered persons among the aktuella counted
 * once each, by kön, per grupp and in all, however many of their deltaganden are aktuella.
 * The goals, volym, årsmål and ekonomi are left empty (the förbund's own, not counted per
 * deltagande).
 */
export const delAv = (
  deltaganden: Iterable<Andrad>,
  at: string,
  sammanhang: Sammanhang,
): Aggregat => {
  const del = emptyAggregat();
  const registrerade = new Map<Kon, Set<string>>();
  const perGrupp = new Map<string, { grupp: string; kon: Kon | null; personer: Set<string> }>();
  const personer = new Set<string>();
  for (const andrad of deltaganden) {
    const own = delVid(andrad, at, sammanhang);
    for (const tabell of Object.keys(ADDITIVA) as (keyof typeof ADDITIVA)[]) {
      if (tabell === 'registrerade' || tabell === 'registreradePerGrupp') continue;
      const rows = own[tabell] as unknown[];
      if (rows.length > 0) (del[tabell] as unknown[]).push(...rows);
    }
    if (own.registreradeTotalt === 0) continue;
    // Registered and aktuell: the version valid at `at` names the person.
    const person = andrad.versioner.find(
      (v) => v.fran <= at && (v.till === null || v.till > at),
    )!.personKey;
    personer.add(person);
    for (const { kon } of own.registrerade) {
      let set = registrerade.get(kon);
      if (!set) registrerade.set(kon, (set = new Set()));
      set.add(person);
    }
    for (const { grupp, kon } of own.registreradePerGrupp) {
      const key = `${grupp}${SEP}${kon ?? ''}`;
      let row = perGrupp.get(key);
      if (!row) perGrupp.set(key, (row = { grupp, kon, personer: new Set() }));
      row.personer.add(person);
    }
  }
  del.registrerade = [...registrerade].map(([kon, set]) => ({ kon, personer: set.size }));
  del.registreradePerGrupp = [...perGrupp.values()].map(({ grupp, kon, personer: set }) => ({
    grupp,
    kon,
    personer: set.size,
  }));
  del.registreradeTotalt = personer.size;
  return del;
};

// ---------------------------------------------------------------------------------------------
// The cells one deltagande's part moves

type Scope =
  | { kind: 'insats'; scope: string; insatsId: string }
  | { kind: 'grupp'; scope: string; grupp: string; insatsIds: ReadonlySet<string> }
  | { kind: 'forbund'; scope: string };

const KON_KOLUMN: Record<Kon, 'kvinna' | 'man' | 'ejAngivet'> = {
  kvinna: 'kvinna',
  man: 'man',
  'ej-angivet': 'ejAngivet',
};
const KON_KOLUMNER = ['kvinna', 'man', 'ejAngivet', 'totalt'] as const;
const REMITTENTER: ReadonlySet<string> = new Set(REMITTENT);
const AVSLUTSORSAKER: ReadonlySet<string> = new Set(AVSLUTSORSAK);
const UTFALLSGRUPPER: ReadonlySet<string> = new Set(UTFALL_GRUPP);
const FORSORJNINGAR: ReadonlySet<string> = new Set(FORSORJNING);
const SYSSELSATTNINGAR: ReadonlySet<string> = new Set(SYSSELSATTNING);
const MANADER: ReadonlySet<number> = new Set(MANADER_EFTER_AVSLUT);
const PER_KON_I_DELTAGARE = ['aktuella', 'nya', 'overforda', 'avslutade', 'pagaende'] as const;
const PER_KON_I_REMISSER = ['mottagna', 'aterremitterade', 'vantande'] as const;
const KOMMUN_REMISSER = ['mottagna', 'aterremitterade', 'inskrivna'] as const;

const andelAv = (count: number, of: number): number | null => (of === 0 ? null : count / of);

/** The scopes of a report (assembleReport's): each insats, each grupp of them, the total. */
const scopesAv = (insatser: ReportFrame['insatser']): Scope[] => {
  const grupper = new Map<string, Set<string>>();
  for (const insats of insatser) {
    if (insats.grupp === null) continue;
    const ids = grupper.get(insats.grupp);
    if (ids) ids.add(insats.id);
    else grupper.set(insats.grupp, new Set([insats.id]));
  }
  return [
    ...insatser.map((insats): Scope => ({
      kind: 'insats',
      scope: insatsScope(insats.id),
      insatsId: insats.id,
    })),
    ...[...grupper].map(([grupp, insatsIds]): Scope => ({
      kind: 'grupp',
      scope: gruppScope(grupp),
      grupp,
      insatsIds,
    })),
    { kind: 'forbund', scope: TOTAL_SCOPE },
  ];
};

/** Counts by kön and in all, as a report's ByKon holds them. */
interface Kolumner {
  kvinna: number;
  man: number;
  ejAngivet: number;
  totalt: number;
}

const nollor = (): Kolumner => ({ kvinna: 0, man: 0, ejAngivet: 0, totalt: 0 });

interface Fonstersumma {
  aktuella: number;
  nya: number;
  avslutade: number;
  arbete_studier: number;
}

/**
 * What a scope's tables are made of, from the rows of a part that fall in it: every count
 * some row adds to, keyed within the scope as reportCells keys it (tabell, rad, kolumn; a
 * count no row adds to is 0), and the counts and histograms the derived figures are worked
 * out from.
 */
interface Figurer {
  readonly antal: Map<string, number>;
  readonly aktuella: Kolumner;
  readonly nya: Kolumner;
  readonly avslutade: Kolumner;
  readonly egna: Kolumner;
  readonly nyaPerRemittent: Map<string, number>;
  /** Avslutade per avslutsorsak, in all. */
  readonly perAvslutsorsak: Map<string, number>;
  readonly perGrupp: Map<string, Kolumner>;
  readonly arbeteEllerStudier: Kolumner;
  readonly kotid: Aggregat['dagar'];
  readonly tid: Aggregat['dagar'];
  /** The per-year windows' counts, by `${ar}|${slag}`. */
  readonly fonster: Map<string, Fonstersumma>;
}

/** Where a figure stands within its scope: cellKey without the scope. */
const lokal = (tabell: string, rad: string, kolumn: string): string =>
  `${tabell}${SEP}${rad || tabell}${SEP}${kolumn}`;

const addTill = (sum: Kolumner, kon: Kon, value: number): void => {
  sum[KON_KOLUMN[kon]] += value;
  sum.totalt += value;
};

/** The figures of a part's rows that `har` (a scope's insatser) takes, as tablesFor counts them. */
const figurerAv = (
  agg: Aggregat,
  frame: ReportFrame,
  har: (insatsId: string | null) => boolean,
): Figurer => {
  const antal = new Map<string, number>();
  const add = (tabell: string, rad: string, kolumn: string, value: number): void => {
    const key = lokal(tabell, rad, kolumn);
    antal.set(key, (antal.get(key) ?? 0) + value);
  };
  const addKon = (tabell: string, rad: string, kon: Kon, value: number): void => {
    if (value === 0) return;
    add(tabell, rad, KON_KOLUMN[kon], value);
    add(tabell, rad, 'totalt', value);
  };
  const f: Figurer = {
    antal,
    aktuella: nollor(),
    nya: nollor(),
    avslutade: nollor(),
    egna: nollor(),
    nyaPerRemittent: new Map(),
    perAvslutsorsak: new Map(),
    perGrupp: new Map(),
    arbeteEllerStudier: nollor(),
    kotid: [],
    tid: [],
    fonster: new Map(),
  };
  for (const row of agg.perKon) {
    if (!har(row.insats_id)) continue;
    for (const m of PER_KON_I_DELTAGARE) addKon('deltagare', m, row.kon, row[m]);
    for (const m of PER_KON_I_REMISSER) addKon('remisser', m, row.kon, row[m]);
    addKon('forsorjning', 'avslutade', row.kon, row.avslutade);
    addTill(f.aktuella, row.kon, row.aktuella);
    addTill(f.nya, row.kon, row.nya);
    addTill(f.avslutade, row.kon, row.avslutade);
    addTill(f.egna, row.kon, row.egna_personer);
  }
  for (const row of agg.alder) {
    if (!har(row.insats_id)) continue;
    const band = frame.aldersgrupper.find((b) => row.alder >= b.fran && row.alder <= b.till);
    if (!band) continue;
    addKon('aldersgrupper', `${band.grupp}.aktuella`, row.kon, row.aktuella);
    addKon('aldersgrupper', `${band.grupp}.nya`, row.kon, row.nya);
  }
  for (const row of agg.remittent) {
    if (!har(row.insats_id) || !REMITTENTER.has(row.remittent)) continue;
    addKon('remisser', `perRemittent.${row.remittent}.antal`, row.kon, row.mottagna);
    if (row.nya === 0) continue;
    add('nyaPerRemittent', row.remittent, 'antal', row.nya);
    f.nyaPerRemittent.set(row.remittent, (f.nyaPerRemittent.get(row.remittent) ?? 0) + row.nya);
  }
  for (const row of agg.kommun) {
    if (!har(row.insats_id)) continue;
    addKon('remisser', `perKommun.${row.kommun}.antal`, row.kon, row.mottagna);
  }
  for (const row of agg.kommuner) {
    if (!har(row.insats_id)) continue;
    for (const m of KOMMUN_REMISSER) {
      addKon('kommuner', `${row.kommun}.remisser.${m}`, row.kon, row[m]);
    }
    addKon('kommuner', `${row.kommun}.aktuella`, row.kon, row.aktuella);
    addKon('kommuner', `${row.kommun}.nya`, row.kon, row.nya);
  }
  for (const row of agg.enhet) {
    if (!har(row.insats_id) || row.nya === 0) continue;
    add(
      'nyaPerRemittentEnhet',
      `${row.remittent} ${enhetNyckel(row.enhet) ?? '–'}`,
      'antal',
      row.nya,
    );
  }
  for (const row of agg.avslutsorsak) {
    if (!har(row.insats_id) || !AVSLUTSORSAKER.has(row.avslutsorsak)) continue;
    addKon('utfall', `perAvslutsorsak.${row.avslutsorsak}.antal`, row.kon, row.antal);
    const orsak = row.avslutsorsak;
    f.perAvslutsorsak.set(orsak, (f.perAvslutsorsak.get(orsak) ?? 0) + row.antal);
    const grupp = UTFALL_FOR_AVSLUTSORSAK[orsak];
    if (UTFALLSGRUPPER.has(grupp)) {
      addKon('utfall', `perGrupp.${grupp}.antal`, row.kon, row.antal);
      let sum = f.perGrupp.get(grupp);
      if (!sum) f.perGrupp.set(grupp, (sum = nollor()));
      addTill(sum, row.kon, row.antal);
    }
    if (grupp === 'arbete' || grupp === 'studier') {
      addKon('utfall', 'arbeteEllerStudier.antal', row.kon, row.antal);
      addTill(f.arbeteEllerStudier, row.kon, row.antal);
    }
  }
  for (const row of agg.forsorjning) {
    if (!har(row.insats_id) || !FORSORJNINGAR.has(row.kod)) continue;
    const vid = row.vid === 'inskrivning' ? 'vidInskrivning' : 'vidAvslut';
    addKon('forsorjning', `rader.${row.kod}.${vid}`, row.kon, row.antal);
  }
  for (const row of agg.overgangar) {
    if (!har(row.insats_id) || row.antal === 0) continue;
    add('forsorjning', `overgangar.${row.fran} ${row.till}`, 'antal', row.antal);
  }
  for (const row of agg.uppfoljning) {
    if (!har(row.insats_id) || !MANADER.has(row.manader_efter_avslut)) continue;
    if (!SYSSELSATTNINGAR.has(row.sysselsattning)) continue;
    const rad = `${row.manader_efter_avslut} ${row.sysselsattning}.antal`;
    addKon('uppfoljning', rad, row.kon, row.antal);
  }
  for (const row of agg.dagar) {
    if (!har(row.insats_id)) continue;
    if (row.matt === 'kotid') f.kotid.push(row);
    else if (row.matt === 'tid') f.tid.push(row);
  }
  for (const row of agg.ar) {
    if (!har(row.insats_id)) continue;
    const key = `${row.ar}|${row.slag}`;
    let sum = f.fonster.get(key);
    if (!sum) f.fonster.set(key, (sum = { aktuella: 0, nya: 0, avslutade: 0, arbete_studier: 0 }));
    sum.aktuella += row.aktuella;
    sum.nya += row.nya;
    sum.avslutade += row.avslutade;
    sum.arbete_studier += row.arbete_studier;
  }
  return f;
};

const periodensAv = (f: Figurer): Fonstersumma => ({
  aktuella: f.aktuella.totalt,
  nya: f.nya.totalt,
  avslutade: f.avslutade.totalt,
  arbete_studier: f.arbeteEllerStudier.totalt,
});

const INGET_FONSTER: Fonstersumma = { aktuella: 0, nya: 0, avslutade: 0, arbete_studier: 0 };

/** The counts ekonomi and måluppfyllelse take for a year: the period's or a window's. */
const fonsterAv = (f: Figurer, ar: number, slag: 'period' | 'ar' | 'ekonomi'): Fonstersumma =>
  slag === 'period' ? periodensAv(f) : (f.fonster.get(`${ar}|${slag}`) ?? INGET_FONSTER);

/**
 * The figures of a scope's tables that differ between two sets of figures (a part as known at
 * fore and at efter), each by where it stands within the scope (lokal): the counts where
 * either adds to them, and every figure assembleReport derives from counts but ekonomi's and
 * unika personer (which also depend on the scope: see flyttadeCeller). A derived figure whose
 * counts are 0 in both is the same (null, or 0) in both and not worked out.
 */
const skillnader = (a: Figurer, b: Figurer, frame: ReportFrame): string[] => {
  const moved: string[] = [];
  for (const [key, x] of a.antal) if (x !== (b.antal.get(key) ?? 0)) moved.push(key);
  for (const [key, y] of b.antal) if (y !== 0 && !a.antal.has(key)) moved.push(key);
  const jamfor = (tabell: string, rad: string, kolumn: string, x: CellValue, y: CellValue) => {
    if (x !== y) moved.push(lokal(tabell, rad, kolumn));
  };
  if (a.kotid.length > 0 || b.kotid.length > 0) {
    const [x, y] = [medelOchMedian(a.kotid), medelOchMedian(b.kotid)];
    jamfor('remisser', 'kotidDagar', 'medel', x.medel, y.medel);
    jamfor('remisser', 'kotidDagar', 'median', x.median, y.median);
  }
  if (a.tid.length > 0 || b.tid.length > 0) {
    const [x, y] = [medelOchMedian(a.tid), medelOchMedian(b.tid)];
    jamfor('tidIInsatsDagar', '', 'medel', x.medel, y.medel);
    jamfor('tidIInsatsDagar', '', 'median', x.median, y.median);
  }
  if (a.nya.totalt !== 0 || b.nya.totalt !== 0) {
    for (const code of REMITTENT) {
      const x = andelAv(a.nyaPerRemittent.get(code) ?? 0, a.nya.totalt);
      const y = andelAv(b.nyaPerRemittent.get(code) ?? 0, b.nya.totalt);
      jamfor('nyaPerRemittent', code, 'andel', x, y);
    }
  }
  if (a.avslutade.totalt !== 0 || b.avslutade.totalt !== 0) {
    for (const code of AVSLUTSORSAK) {
      const x = andelAv(a.perAvslutsorsak.get(code) ?? 0, a.avslutade.totalt);
      const y = andelAv(b.perAvslutsorsak.get(code) ?? 0, b.avslutade.totalt);
      jamfor('utfall', `perAvslutsorsak.${code}`, 'andel', x, y);
    }
  }
  for (const kolumn of KON_KOLUMNER) {
    const [avslutadeA, avslutadeB] = [a.avslutade[kolumn], b.avslutade[kolumn]];
    if (avslutadeA === 0 && avslutadeB === 0) continue;
    for (const grupp of UTFALL_GRUPP) {
      const x = andelAv(a.perGrupp.get(grupp)?.[kolumn] ?? 0, avslutadeA);
      const y = andelAv(b.perGrupp.get(grupp)?.[kolumn] ?? 0, avslutadeB);
      jamfor('utfall', `perGrupp.${grupp}.andel`, kolumn, x, y);
    }
    const x = andelAv(a.arbeteEllerStudier[kolumn], avslutadeA);
    const y = andelAv(b.arbeteEllerStudier[kolumn], avslutadeB);
    jamfor('utfall', 'arbeteEllerStudier.andel', kolumn, x, y);
  }
  for (const ar of frame.ar) {
    const slag = frame.arMedEgetFonster.includes(ar) ? 'ar' : 'period';
    const [x, y] = [fonsterAv(a, ar, slag), fonsterAv(b, ar, slag)];
    jamfor('maluppfyllelse', `${ar}.utfall`, 'aktuella', x.aktuella, y.aktuella);
    jamfor('maluppfyllelse', `${ar}.utfall`, 'nya', x.nya, y.nya);
    const [andelX, andelY] = [
      andelAv(x.arbete_studier, x.avslutade),
      andelAv(y.arbete_studier, y.avslutade),
    ];
    jamfor('maluppfyllelse', `${ar}.utfall`, 'andelArbeteStudier', andelX, andelY);
  }
  return moved;
};

/** Which insatser's rows a scope takes. */
const tarMed =
  (s: Scope) =>
  (insatsId: string | null): boolean =>
    s.kind === 'forbund'
      ? true
      : s.kind === 'insats'
        ? insatsId === s.insatsId
        : insatsId !== null && s.insatsIds.has(insatsId);

/** The insatser the rows of the parts name (the tables counted per deltagande). */
const insatserIRaderna = (parts: readonly Aggregat[]): (string | null)[] => {
  const ids = new Set<string | null>();
  for (const part of parts) {
    for (const tabell of Object.keys(ADDITIVA) as (keyof typeof ADDITIVA)[]) {
      if (tabell === 'registrerade' || tabell === 'registreradePerGrupp') continue;
      for (const row of part[tabell] as { insats_id: string | null }[]) ids.add(row.insats_id);
    }
  }
  return [...ids];
};

/** The förbund's goals by scope, for each list of goals (each part has the same). */
const malPerScope = new WeakMap<Aggregat['mal'], Map<string, Aggregat['mal']>>();

/**
 * The goals of a scope (as malFor picks them from all), picked once for every part: malFor
 * gives the same rows with them as with all the förbund's goals.
 */
const scopensMal = (mal: Aggregat['mal'], s: Scope): Aggregat['mal'] => {
  let perScope = malPerScope.get(mal);
  if (!perScope) malPerScope.set(mal, (perScope = new Map()));
  let egna = perScope.get(s.scope);
  if (!egna) {
    egna = mal.filter((goal) =>
      s.kind === 'insats'
        ? goal.insats_id === s.insatsId
        : goal.insats_id === null && goal.grupp === (s.kind === 'grupp' ? s.grupp : null),
    );
    perScope.set(s.scope, egna);
  }
  return egna;
};

/** The rows malFor counts a scope's goals from. */
const MALETS_RADER = ['perKon', 'avslutsorsak', 'malUtfall', 'ar'] as const;

/** Whether the rows of two lists that `har` takes are the same, in the same order. */
const sammaRaderI = (
  x: readonly { insats_id: string | null }[],
  y: readonly { insats_id: string | null }[],
  har: (insatsId: string | null) => boolean,
): boolean => {
  let j = 0;
  for (const r of x) {
    if (!har(r.insats_id)) continue;
    while (j < y.length && !har(y[j]!.insats_id)) j++;
    if (j === y.length || !sammaRad(r as Rad, y[j] as Rad)) return false;
    j++;
  }
  while (j < y.length && !har(y[j]!.insats_id)) j++;
  return j === y.length;
};

/**
 * The keys of the cells that differ between the reports two parts make up (a deltagande's as
 * known at fore and at efter, each with the förbund's own figures) against one frame (its
 * insatser those of the deltagande): the cells movedKeys finds between the two reports
 * assembled, worked out from the rows the parts hold without shaping either report (a report
 * of one deltagande is nearly all zeros; shaping and comparing them took most of
 * forandringar's time). Counts are compared where either part adds to them (elsewhere both
 * are 0); each derived figure (shares, means and medians, the years' utfall, ekonomi per
 * person, unika personer) and the goals are worked out for both and compared. Scopes whose
 * rows are the same (an insats, its grupp and the total, for a deltagande in one insats) share
 * their figures but ekonomi, unika personer and goals. flyttade-celler.property.unit.spec.ts
 * holds this to flyttadeCellerGenomRapporter for generated frames and parts.
 */
export const flyttadeCeller = (fore: Aggregat, efter: Aggregat, frame: ReportFrame): string[] => {
  const moved: Moved[] = [];
  const added: Moved[] = [];
  const keys: string[] = [];
  const iRaderna = insatserIRaderna([fore, efter]);
  const perUrval = new Map<string, { a: Figurer; b: Figurer; skilda: string[] }>();
  for (const s of scopesAv(frame.insatser)) {
    const har = tarMed(s);
    const urval = iRaderna.filter(har).join(SEP);
    let figurer = perUrval.get(urval);
    if (!figurer) {
      const [a, b] = [figurerAv(fore, frame, har), figurerAv(efter, frame, har)];
      figurer = { a, b, skilda: skillnader(a, b, frame) };
      perUrval.set(urval, figurer);
    }
    const { a, b, skilda } = figurer;
    for (const key of skilda) keys.push(`${s.scope}${SEP}${key}`);
    const jamfor = (tabell: string, rad: string, kolumn: string, x: CellValue, y: CellValue) => {
      if (x !== y) keys.push(cellKey(s.scope, tabell, rad, kolumn));
    };
    // Ekonomi: the scope's own budget and kostnad (the same at both moments) per person.
    for (const ar of frame.ar) {
      let kostnad: number | null = null;
      let satt = false;
      for (const row of fore.ekonomi) {
        if (row.ar !== ar || !har(row.insats_id)) continue;
        if (row.budget === null && row.kostnad === null) continue;
        satt = true;
        if (row.kostnad !== null) kostnad = (kostnad ?? 0) + row.kostnad;
      }
      if (!satt) continue;
      const slag = frame.ekonomiFonster[ar] ?? 'period';
      const [x, y] = [fonsterAv(a, ar, slag), fonsterAv(b, ar, slag)];
      const perPerson = (n: number): number | null =>
        kostnad === null || n === 0 ? null : Math.round(kostnad / n);
      jamfor('ekonomi', `${ar}`, 'aktuella', x.aktuella, y.aktuella);
      jamfor('ekonomi', `${ar}`, 'nya', x.nya, y.nya);
      jamfor(
        'ekonomi',
        `${ar}`,
        'kostnadPerDeltagare',
        perPerson(x.aktuella),
        perPerson(y.aktuella),
      );
      jamfor('ekonomi', `${ar}`, 'kostnadPerNyDeltagare', perPerson(x.nya), perPerson(y.nya));
    }
    if (s.kind !== 'insats') {
      // Unika personer: each deltagande without a registered person, plus registered persons.
      const unika = (f: Figurer, agg: Aggregat): Kolumner => {
        const sum = { ...f.egna };
        if (s.kind === 'forbund') {
          for (const row of agg.registrerade) sum[KON_KOLUMN[row.kon]] += row.personer;
          sum.totalt = f.egna.totalt + agg.registreradeTotalt;
          return sum;
        }
        let totalt: number | undefined;
        for (const row of agg.registreradePerGrupp) {
          if (row.grupp !== s.grupp) continue;
          if (row.kon !== null) sum[KON_KOLUMN[row.kon]] += row.personer;
          else totalt ??= row.personer;
        }
        sum.totalt = f.egna.totalt + (totalt ?? 0);
        return sum;
      };
      const [x, y] = [unika(a, fore), unika(b, efter)];
      for (const kolumn of KON_KOLUMNER) jamfor('unikaPersoner', '', kolumn, x[kolumn], y[kolumn]);
    }
    const malomfang: Malomfang =
      s.kind === 'insats'
        ? { typ: 'insats', insatsId: s.insatsId }
        : s.kind === 'grupp'
          ? { typ: 'grupp', grupp: s.grupp, insatsIds: [...s.insatsIds] }
          : { typ: 'forbund' };
    // The goals' utfall is counted from these rows of the scope (and the förbund's goals and
    // årsmål, the same in both): where they are the same, so are the goals.
    if (MALETS_RADER.some((tabell) => !sammaRaderI(fore[tabell], efter[tabell], har))) {
      const malFore = malFor({ ...fore, mal: scopensMal(fore.mal, s) }, frame, malomfang);
      const malEfter = malFor({ ...efter, mal: scopensMal(efter.mal, s) }, frame, malomfang);
      diffInto(s.scope, 'mal', malFore, malEfter, '', undefined, moved, added);
    }
  }
  for (const m of moved) keys.push(m.key);
  for (const m of added) keys.push(m.key);
  return keys;
};

/**
 * The same cells the way forandringar first found them: both parts shaped into whole reports
 * and compared (movedKeys). Kept to hold flyttadeCeller to it.
 */
export const flyttadeCellerGenomRapporter = (
  fore: Aggregat,
  efter: Aggregat,
  frame: ReportFrame,
): string[] =>
  movedKeys(assembleReport(fore, frame), assembleReport(efter, frame)).map((m) => m.key);

/** Whether two rows of plain values hold the same fields and values. */
const sammaRad = (r: Rad, t: Rad): boolean => {
  const falt = Object.keys(r);
  if (falt.length !== Object.keys(t).length) return false;
  for (const f of falt) if (r[f] !== t[f]) return false;
  return true;
};

/** Whether two parts hold the same rows in the same order (rows of plain values). */
const sammaRader = (a: Aggregat, b: Aggregat): boolean => {
  for (const tabell of Object.keys(a) as (keyof Aggregat)[]) {
    const [x, y] = [a[tabell], b[tabell]];
    if (!Array.isArray(x) || !Array.isArray(y)) {
      if (x !== y) return false;
      continue;
    }
    if (x.length !== y.length) return false;
    for (let index = 0; index < x.length; index++) {
      if (!sammaRad(x[index] as Rad, y[index] as Rad)) return false;
    }
  }
  return true;
};

/** What else a report reads changed: see ForandringarService.ramen. */
interface Ramen {
  readonly insatserEllerMal: boolean;
  readonly forbundets: boolean;
  readonly senare: boolean;
}

/**
 * What moved between the report as known at `fore` and as known at `efter`, and because of
 * which deltaganden.
 *
 * The report is made as of each moment and the two are compared cell by cell. The cells are
 * then explained by the deltaganden whose facts changed in (fore, efter]: each one's part of
 * the report (its own rows of the report's aggregates, counted as the report counts them), as
 * known at fore and at efter, against the frame, goals, volym and ekonomi as known at efter;
 * the cells where the reports of that deltagande alone would differ are the cells it moved
 * (flyttadeCeller works them out from the rows, without shaping the reports). The work grows with the number of changed deltaganden, not with the number
 * of recording moments: a month of a national förbund's late registrations is one pass.
 */
export class ForandringarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistik: StatistikService,
  ) {}

  async forandringar(
    query: Omit<StatistikQuery, 'asOf'>,
    fore: Date,
    efter: Date,
    forbund: { id: string; namn: string },
  ): Promise<Forandring[]> {
    const [andrade, ramen] = await Promise.all([
      andradeDeltaganden(this.dataSource, query, fore, efter),
      this.ramen(query, fore, efter),
    ]);
    const [fore_, efter_] = await this.rapporter(query, fore, efter, forbund, andrade, ramen);
    const moved = movedKeys(
      assembleReport(fore_.aggregat, fore_.frame),
      assembleReport(efter_.aggregat, efter_.frame),
    );
    if (moved.length === 0) return [];
    const movedSet = new Set(moved.map((m) => m.key));
    const orsaker = this.orsaker(andrade, efter_, fore.toISOString(), movedSet);
    return moved.map(({ key, fore: a, efter: b }) => ({
      ...cellOf(key),
      fore: a,
      efter: b,
      orsaker: orsaker.get(key) ?? [],
    }));
  }

  /**
   * The report's aggregates as known at fore and at efter: one whole report as of efter, and
   * the report as of fore is that one less the part the changed deltaganden make up as known
   * at efter plus their part as known at fore. The parts are counted here from the versions
   * andradeDeltaganden read (delAv), with every other deltagande of a registered person among
   * them, so unika personer come out right too; the goals, volym, årsmål and ekonomi are the
   * same at both moments (ramen). When the insatser or the goals changed in between (a grupp,
   * a goal's window), or the parts do not add up, both whole reports are read; when only
   * volym, årsmål or ekonomi did, the parts are read by the report's own statements, which
   * read those whole as of fore.
   */
  private async rapporter(
    query: Omit<StatistikQuery, 'asOf'>,
    fore: Date,
    efter: Date,
    forbund: { id: string; namn: string },
    andrade: ReadonlyMap<string, Andrad>,
    ramen: Ramen,
  ): Promise<{ aggregat: Aggregat; frame: ReportFrame }[]> {
    const hela = async () =>
      this.statistik.aggregatISammaSnapshot(
        [{ query: { ...query, asOf: fore } }, { query: { ...query, asOf: efter } }],
        forbund,
      );
    if (ramen.insatserEllerMal) return hela();
    if (ramen.forbundets) {
      const deltaganden = [
        ...andrade.keys(),
        ...(await this.sammaPerson(query, andrade, fore, efter)).keys(),
      ];
      const [efter_, delEfter, delFore] = await this.statistik.aggregatISammaSnapshot(
        [
          { query: { ...query, asOf: efter } },
          { query: { ...query, asOf: efter }, deltaganden },
          { query: { ...query, asOf: fore }, deltaganden },
        ],
        forbund,
      );
      const aggregat = aggregatFore(efter_!.aggregat, delEfter!.aggregat, delFore!.aggregat);
      if (!aggregat) return hela();
      return [{ aggregat, frame: delFore!.frame }, efter_!];
    }
    const [efter_, andra] = await Promise.all([
      this.helaEfter(query, efter, forbund, !ramen.senare),
      this.sammaPerson(query, andrade, fore, efter),
    ]);
    const { aggregat, frame } = efter_;
    const sammanhang = sammanhangAv(frame, aggregat.mal);
    const delar = [...andrade.values(), ...andra.values()];
    const [foreAt, efterAt] = [fore.toISOString(), efter.toISOString()];
    const foreAggregat = aggregatFore(aggregat, delAv(delar, efterAt, sammanhang), {
      ...delAv(delar, foreAt, sammanhang),
      ...forbundetsDelar(aggregat),
    });
    if (!foreAggregat) return hela();
    return [{ aggregat: foreAggregat, frame: { ...frame, asOf: foreAt } }, efter_];
  }

  /**
   * The whole report as known at efter. When nothing the report reads was recorded after
   * efter (`inget_senare`), that is the report as known now, which reads only the current
   * versions (cheaper than picking each one's version valid then); that nothing was is checked
   * again once the report is read, as something may have come since (then it is read as of
   * efter after all).
   */
  private async helaEfter(
    query: Omit<StatistikQuery, 'asOf'>,
    efter: Date,
    forbund: { id: string; namn: string },
    ingetSenare: boolean,
  ): Promise<{ aggregat: Aggregat; frame: ReportFrame }> {
    if (ingetSenare) {
      const [nu] = await this.statistik.aggregatISammaSnapshot([{ query }], forbund);
      // Versions are only added and closed: if none began or ended after efter now, none had
      // in the snapshot the report read either.
      if (!(await this.ramen(query, efter, efter)).senare) {
        return { ...nu!, frame: { ...nu!.frame, asOf: efter.toISOString() } };
      }
    }
    const [da] = await this.statistik.aggregatISammaSnapshot(
      [{ query: { ...query, asOf: efter } }],
      forbund,
    );
    return da!;
  }

  /**
   * What else than the deltaganden's facts changed in (fore, efter] (recorded in it, or a
   * version that ended in it): an insats (its grupp, its order) or a goal of the förbund; the
   * förbund's volym, årsmål or ekonomi. And whether anything a report reads was recorded
   * after efter.
   */
  private async ramen(
    query: Omit<StatistikQuery, 'asOf'>,
    fore: Date,
    efter: Date,
  ): Promise<Ramen> {
    const versioner = (tabell: string, fran: string, till: string | null): string =>
      `EXISTS (SELECT 1 FROM ${tabell} WHERE forbund_id = $1 AND ((recorded_from > ${fran}${
        till ? ` AND recorded_from <= ${till}` : ''
      }) OR (recorded_to > ${fran}${till ? ` AND recorded_to <= ${till}` : ''})))`;
    const registrerat = (tabell: string, fran: string, till: string | null): string =>
      `EXISTS (SELECT 1 FROM ${tabell} WHERE forbund_id = $1 AND recorded_at > ${fran}${
        till ? ` AND recorded_at <= ${till}` : ''
      })`;
    const [rad] = (await this.dataSource.query(
      `SELECT ${versioner('insats_fakta', '$2', '$3')} OR ${versioner('mal_fakta', '$2', '$3')}
           AS "insatserEllerMal",
         ${registrerat('volym_fakta', '$2', '$3')} OR ${versioner('arsmal_fakta', '$2', '$3')}
           OR ${versioner('ekonomi_fakta', '$2', '$3')} AS forbundets,
         ${[
           versioner('deltagande_fakta', '$3', null),
           registrerat('uppfoljning_fakta', '$3', null),
           registrerat('volym_fakta', '$3', null),
           ...['insats_fakta', 'mal_fakta', 'arsmal_fakta', 'ekonomi_fakta'].map((tabell) =>
             versioner(tabell, '$3', null),
           ),
         ].join(' OR ')} AS senare`,
      [query.forbundId, fore.toISOString(), efter.toISOString()],
    )) as [Ramen];
    return rad;
  }

  /**
   * Every other deltagande, in the period and the insatser, of a registered person among the
   * changed ones (a person is counted once over all of theirs), with its versions valid at
   * some moment in [fore, efter]: none changed in between as a report of the period reads it
   * (else it would be a changed one), so they matter only to who is counted once.
   */
  private async sammaPerson(
    query: Omit<StatistikQuery, 'asOf'>,
    andrade: ReadonlyMap<string, Andrad>,
    fore: Date,
    efter: Date,
  ): Promise<Map<string, Andrad>> {
    const personer = new Set<string>();
    for (const [id, { versioner }] of andrade) {
      for (const v of versioner) if (v.personKey !== id) personer.add(v.personKey);
    }
    const andra = new Map<string, Andrad>();
    if (personer.size === 0) return andra;
    const rows = (await this.dataSource.query(
      `SELECT ${VERSION_KOLUMNER}
       FROM deltagande_fakta d
       WHERE d.forbund_id = $1 AND ($7::uuid[] IS NULL OR d.insats_id = ANY($7::uuid[]))
         AND d.remiss_datum <= $2::date AND d.slut_datum >= $3::date
         AND d.person_key = ANY($4::text[]) AND d.person_key <> d.deltagande_id::text
         AND d.recorded_from <= $6 AND (d.recorded_to IS NULL OR d.recorded_to > $5)`,
      [
        query.forbundId,
        query.till,
        `${query.fran.slice(0, 4)}-01-01`,
        [...personer],
        fore.toISOString(),
        efter.toISOString(),
        query.insatsIds ? [...query.insatsIds] : null,
      ],
    )) as AndradRad[];
    for (const row of rows) {
      if (andrade.has(row.deltagandeId)) continue;
      let andrad = andra.get(row.deltagandeId);
      if (!andrad) andra.set(row.deltagandeId, (andrad = { versioner: [], uppfoljningar: [] }));
      andrad.versioner.push(row);
    }
    return andra;
  }

  /** Each moved cell's deltaganden: those whose own part of the report moved it. */
  private orsaker(
    andrade: ReadonlyMap<string, Andrad>,
    efter: { aggregat: Aggregat; frame: ReportFrame },
    fore: string,
    moved: ReadonlySet<string>,
  ): Map<string, Orsak[]> {
    const { aggregat, frame } = efter;
    const sammanhang = sammanhangAv(frame, aggregat.mal);
    const overall = forbundetsDelar(aggregat);
    const efterAt = frame.asOf;
    const orsaker = new Map<string, Orsak[]>();
    for (const [deltagandeId, andrad] of andrade) {
      const { versioner, uppfoljningar } = andrad;
      const insatser = frame.insatser.filter((insats) =>
        versioner.some((v) => v.insatsId === insats.id),
      );
      if (insatser.length === 0) continue;
      const [ownFore, ownEfter] = [
        delVid(andrad, fore, sammanhang),
        delVid(andrad, efterAt, sammanhang),
      ];
      // Rows the report does not read changed (a date outside the period): nothing moved.
      if (sammaRader(ownFore, ownEfter)) continue;
      const changed = flyttadeCeller(
        { ...ownFore, ...overall },
        { ...ownEfter, ...overall },
        { ...frame, insatser },
      ).filter((key) => moved.has(key));
      if (changed.length === 0) continue;
      const tillfallen = [
        ...new Set(
          [
            ...versioner.flatMap((v) => [v.fran, v.till]),
            ...uppfoljningar.map((u) => u.fran),
          ].filter((at): at is string => at !== null && at > fore && at <= efterAt),
        ),
      ].sort();
      for (const key of changed) {
        const list = orsaker.get(key);
        if (list) list.push({ deltagandeId, tillfallen });
        else orsaker.set(key, [{ deltagandeId, tillfallen }]);
      }
    }
    return orsaker;
  }
}
