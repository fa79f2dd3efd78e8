import type { DataSource } from 'typeorm';
import type { StatistikReport } from './report.js';
import { ReportLimitError } from './report-limits.js';
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

/** A cell that moved between two as-of moments, with the recording moments that moved it. */
export interface Forandring extends CellChange {
  /** ISO timestamps, ascending: the moments in (fore, efter] at which this cell changed. */
  readonly tillfallen: string[];
}

/** A moment in (fore, efter] at which the report's facts changed, and whose deltaganden. */
export interface Andringstillfalle {
  readonly at: string;
  readonly deltagandeIds: string[];
}

/**
 * The most recording moments one explanation replays: each costs a report. A month of a large
 * förbund has more; the client narrows the interval or the insatser.
 */
export const MAX_ANDRINGSTILLFALLEN = 200;

export class ForandringarTooManyError extends ReportLimitError {
  constructor() {
    super(
      `Siffrorna ändrades vid fler än ${MAX_ANDRINGSTILLFALLEN} tillfällen mellan fore och efter; välj ett kortare intervall eller färre insatser`,
    );
    this.name = 'ForandringarTooManyError';
  }
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

type Json = CellValue | Json[] | { [key: string]: Json | undefined };

const isPrimitive = (value: unknown): value is CellValue =>
  value === null || ['number', 'string', 'boolean'].includes(typeof value);

/** Every figure of a report's tables, keyed by where it stands. */
const walkTables = (
  tables: object,
  scope: Pick<Cell, 'insatsId' | 'grupp'>,
  emit: (cell: Cell, value: CellValue) => void,
): void => {
  const walk = (tabell: string, value: Json | undefined, path: string[]): void => {
    if (value === undefined) return;
    if (isPrimitive(value)) {
      const rad = path.slice(0, -1).join('.');
      emit({ tabell, rad: rad || tabell, kolumn: path.at(-1) ?? tabell, ...scope }, value);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((element, index) => {
        if (isPrimitive(element) || Array.isArray(element)) {
          walk(tabell, element, [...path, String(index)]);
          return;
        }
        const key = Object.entries(element)
          .filter(([field, v]) => KEY_FIELDS.has(field) && isPrimitive(v))
          .map(([, v]) => (v === null ? '–' : String(v)))
          .join(' ');
        const rest = Object.fromEntries(
          Object.entries(element).filter(
            ([field, v]) => !(KEY_FIELDS.has(field) && isPrimitive(v)),
          ),
        );
        walk(tabell, rest, [...path, key || String(index)]);
      });
      return;
    }
    for (const [field, inner] of Object.entries(value)) walk(tabell, inner, [...path, field]);
  };
  for (const [tabell, value] of Object.entries(tables)) walk(tabell, value as Json, []);
};

const cellKey = (cell: Cell): string =>
  JSON.stringify([cell.insatsId ?? null, cell.grupp ?? null, cell.tabell, cell.rad, cell.kolumn]);

/**
 * The figures of a report: each insats's tables, each grupp's subtotal and the förbund's total.
 * Labels (namn, ordning, the grupp an insats belongs to) and the report's frame are not
 * figures; the overview repeats figures of the tables and is left out.
 */
export const reportCells = (report: StatistikReport): Map<string, Cell & { value: CellValue }> => {
  const cells = new Map<string, Cell & { value: CellValue }>();
  const emit = (cell: Cell, value: CellValue): void => {
    cells.set(cellKey(cell), { ...cell, value });
  };
  for (const insats of report.insatser) {
    const { insatsId, namn: _namn, grupp: _grupp, ordning: _ordning, ...tables } = insats;
    walkTables(tables, { insatsId }, emit);
  }
  for (const grupp of report.grupper) {
    const { grupp: namn, insatsIds: _insatsIds, ...tables } = grupp;
    walkTables(tables, { grupp: namn }, emit);
  }
  walkTables(report.totalt, {}, emit);
  return cells;
};

/** A row present in only one report (a kommun that came) counts 0 where the other has a count. */
const absentAs = (other: CellValue): CellValue => (typeof other === 'number' ? 0 : null);

/** Every cell whose value differs between two reports of the same period and insatser. */
export const diffReports = (fore: StatistikReport, efter: StatistikReport): CellChange[] => {
  const before = reportCells(fore);
  const after = reportCells(efter);
  const changes: CellChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    const foreValue = a ? a.value : absentAs(b!.value);
    const efterValue = b ? b.value : absentAs(a!.value);
    if (foreValue === efterValue) continue;
    const { value: _value, ...cell } = (b ?? a)!;
    changes.push({ ...cell, fore: foreValue, efter: efterValue });
  }
  return changes;
};

/**
 * The moments in (fore, efter] at which anything a report of the förbund (and insatser) reads
 * was recorded: a deltagande's facts got a new version or lost theirs (a makulering), a
 * follow-up, volym, a goal, ekonomi or an insats's namn or grupp. Between two such moments
 * every report as of any moment is the same.
 */
const TILLFALLEN_SQL = `
WITH t AS (
  SELECT d.recorded_from AS at, d.deltagande_id FROM deltagande_fakta d
  WHERE d.forbund_id = $1 AND ($2::uuid[] IS NULL OR d.insats_id = ANY($2::uuid[]))
    AND d.remiss_datum <= $4::date AND d.recorded_from > $5 AND d.recorded_from <= $6
  UNION ALL
  SELECT d.recorded_to, d.deltagande_id FROM deltagande_fakta d
  WHERE d.forbund_id = $1 AND ($2::uuid[] IS NULL OR d.insats_id = ANY($2::uuid[]))
    AND d.remiss_datum <= $4::date AND d.recorded_to > $5 AND d.recorded_to <= $6
  UNION ALL
  SELECT u.recorded_at, u.deltagande_id FROM uppfoljning_fakta u
  WHERE u.forbund_id = $1 AND ($2::uuid[] IS NULL OR u.insats_id = ANY($2::uuid[]))
    AND u.datum BETWEEN $3::date AND $4::date AND u.recorded_at > $5 AND u.recorded_at <= $6
  UNION ALL
  SELECT v.recorded_at, NULL FROM volym_fakta v
  WHERE v.forbund_id = $1 AND ($2::uuid[] IS NULL OR v.insats_id = ANY($2::uuid[]))
    AND v.datum BETWEEN $3::date AND $4::date AND v.recorded_at > $5 AND v.recorded_at <= $6
  UNION ALL
  SELECT unnest(ARRAY[x.recorded_from, x.recorded_to]), NULL FROM (
    SELECT recorded_from, recorded_to FROM arsmal_fakta WHERE forbund_id = $1
    UNION ALL SELECT recorded_from, recorded_to FROM ekonomi_fakta WHERE forbund_id = $1
    UNION ALL SELECT recorded_from, recorded_to FROM insats_fakta WHERE forbund_id = $1
    UNION ALL SELECT recorded_from, recorded_to FROM mal_fakta WHERE forbund_id = $1
  ) x
)
SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       coalesce(array_agg(DISTINCT deltagande_id) FILTER (WHERE deltagande_id IS NOT NULL), '{}')
         AS "deltagandeIds"
FROM t WHERE at > $5 AND at <= $6
GROUP BY 1 ORDER BY 1
LIMIT ${MAX_ANDRINGSTILLFALLEN + 1}`;

/**
 * What moved between the report as known at `fore` and as known at `efter`, and when.
 *
 * Attribution replays the recording: the report is built as of `fore`, then as of each moment
 * in (fore, efter] at which its facts changed, in order. The cells that differ between the
 * report just before a moment and at it are the cells the events recorded at that moment
 * moved. A cell is listed when it differs between `fore` and `efter`, with every moment that
 * changed it on the way. This uses the report itself, so every table (shares, medians, unika
 * personer, goals) is explained by the same definitions that made it; it costs one report per
 * moment, bounded by MAX_ANDRINGSTILLFALLEN.
 */
export class ForandringarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistik: StatistikService,
  ) {}

  async tillfallen(query: StatistikQuery, fore: Date, efter: Date): Promise<Andringstillfalle[]> {
    const rows: Andringstillfalle[] = await this.dataSource.query(TILLFALLEN_SQL, [
      query.forbundId,
      query.insatsIds ? [...query.insatsIds] : null,
      query.fran,
      query.till,
      fore.toISOString(),
      efter.toISOString(),
    ]);
    if (rows.length > MAX_ANDRINGSTILLFALLEN) throw new ForandringarTooManyError();
    return rows;
  }

  async forandringar(
    query: Omit<StatistikQuery, 'asOf'>,
    fore: Date,
    efter: Date,
    forbund: { id: string; namn: string },
  ): Promise<{ forandringar: Forandring[]; tillfallen: Andringstillfalle[] }> {
    const tillfallen = await this.tillfallen(query, fore, efter);
    const at = (asOf: Date): Promise<StatistikReport> =>
      this.statistik.report({ ...query, asOf }, forbund);
    const first = await at(fore);
    let previous = first;
    const moved = new Map<string, string[]>();
    for (const tillfalle of tillfallen) {
      const next = await at(new Date(tillfalle.at));
      for (const change of diffReports(previous, next)) {
        const key = cellKey(change);
        moved.set(key, [...(moved.get(key) ?? []), tillfalle.at]);
      }
      previous = next;
    }
    // Nothing is recorded between the last moment and efter, so the last report is efter's.
    const forandringar = diffReports(first, previous).map((change) => ({
      ...change,
      tillfallen: moved.get(cellKey(change)) ?? [],
    }));
    return { forandringar, tillfallen };
  }
}
