import {
  DELTAGANDE_STREAM_PREFIX,
  FORBUND_STREAM_PREFIX,
  idFromStream,
  INSATS_STREAM_PREFIX,
  parseAldersgrupper,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { ProjectionRunner } from '#projections';
import {
  skyddaReport,
  statistikHandelserEfter,
  StatistikService,
  type Jamfor,
  type StatistikReport,
} from '#statistik';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import {
  cursorTimestamp,
  decodeCursor,
  isTimestamp,
  isUuid,
  toPage,
  type Page,
} from '../http/paging.js';

/** The parameters an export was made with; asOf is the moment of the export when none was given. */
export interface RapportParametrar {
  readonly fran: string;
  readonly till: string;
  readonly insatser?: readonly string[];
  readonly asOf: string;
  readonly aldersgrupper?: string;
  readonly skydda: boolean;
  readonly format: string;
  readonly layout?: string;
  /**
   * The read models' checkpoint read before the report was made (`lasposition()`): its figures
   * are of the read models at that position or later. Absent: always compared by its report.
   */
  readonly lasposition?: number;
  /** Whether asOf was given (the report as known then) or is the moment of the export. */
  readonly asOfAngiven?: boolean;
  /** The comparison the export's figures include, if any. */
  readonly jamfor?: Jamfor;
}

export interface RapportRad {
  id: string;
  skapad: string;
  /** The user's id; admins also see the e-mail. */
  av: { id: string; email?: string };
  period: { fran: string; till: string };
  insatser: string[] | null;
  asOf: string;
  format: string;
  layout: string | null;
  skydda: boolean;
  andradSedan: boolean;
}

/** JSON with object keys sorted, so that equal figures give equal text whatever their order. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** sha256 of a report's figures: the report canonicalised, without the moment it was made as of. */
export const figurHash = (report: StatistikReport): string => {
  const { asOf: _asOf, ...figures } = report;
  return createHash('sha256').update(canonical(figures)).digest('hex');
};

interface RapportRow {
  id: string;
  skapad: string;
  user_id: string;
  email: string | null;
  fran: string;
  till: string;
  insatser: string[] | null;
  as_of: string;
  aldersgrupper: string | null;
  skydda: boolean;
  format: string;
  layout: string | null;
  hash: string;
  lasposition: string | null;
  as_of_angiven: boolean | null;
  jamfor: Jamfor | null;
  cursor: string;
}

/** An export as listed, without who made it (data quality names no users). */
export type RapportUtanAv = Omit<RapportRad, 'av'>;

const radUtanAv = (row: RapportRow, andradSedan: boolean): RapportUtanAv => ({
  id: row.id,
  skapad: new Date(row.skapad).toISOString(),
  period: { fran: row.fran, till: row.till },
  insatser: row.insatser,
  asOf: new Date(row.as_of).toISOString(),
  format: row.format,
  layout: row.layout,
  skydda: row.skydda,
  andradSedan,
});

const radAv = (row: RapportRow, user: AuthUser, andradSedan: boolean): RapportRad => ({
  ...radUtanAv(row, andradSedan),
  av:
    user.roll === 'admin' && row.email
      ? { id: row.user_id, email: row.email }
      : { id: row.user_id },
});

/** The columns every listing reads (with the user's e-mail from app_user u). */
const RAPPORT_KOLUMNER = `r.id, r.skapad, r.user_id, u.email, to_char(r.fran, 'YYYY-MM-DD') AS fran,
  to_char(r.till, 'YYYY-MM-DD') AS till, r.insatser, r.as_of, r.aldersgrupper, r.skydda,
  r.format, r.layout, r.hash, r.lasposition, r.as_of_angiven, r.jamfor`;

/**
 * What a report made now depends on: exports with equal keys are compared with one report. With
 * a comparison, each of the two reports is suppressed before they are put together, so such
 * an export's report depends on skydda too.
 */
const parameterKey = (row: RapportRow): string =>
  JSON.stringify([
    row.fran,
    row.till,
    row.insatser,
    row.aldersgrupper,
    row.jamfor,
    row.jamfor !== null && row.skydda,
  ]);

/** Records each export and lists them, each compared with the same report made now. */
@Injectable()
export class ReportRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistik: StatistikService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  /** The read models' checkpoint now: read before an export's report, recorded with it. */
  async lasposition(): Promise<number> {
    return (await this.runner.state()).position;
  }

  /** Called by the export once its report is built (as shown: suppressed when skydda). */
  async record(
    report: StatistikReport,
    user: AuthUser,
    parametrar: RapportParametrar,
  ): Promise<string> {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO rapport (id, forbund_id, user_id, skapad, fran, till, insatser, as_of,
         aldersgrupper, skydda, format, layout, hash, lasposition, as_of_angiven, jamfor)
       VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id,
        user.forbundId,
        user.id,
        parametrar.fran,
        parametrar.till,
        parametrar.insatser ? [...parametrar.insatser] : null,
        parametrar.asOf,
        parametrar.aldersgrupper ?? null,
        parametrar.skydda,
        parametrar.format,
        parametrar.layout ?? null,
        figurHash(report),
        parametrar.lasposition ?? null,
        parametrar.lasposition === undefined ? null : parametrar.asOfAngiven === true,
        parametrar.jamfor ?? null,
      ],
    );
    return id;
  }

  /** The förbund's exports, newest first, a page at a time. */
  async list(user: AuthUser, page: { limit: number; cursor?: string }): Promise<Page<RapportRad>> {
    const after = page.cursor ? decodeCursor(page.cursor, [isTimestamp, isUuid]) : null;
    const rows: RapportRow[] = await this.dataSource.query(
      `SELECT ${RAPPORT_KOLUMNER}, ${cursorTimestamp('r.skapad')} AS cursor
       FROM rapport r LEFT JOIN app_user u ON u.id = r.user_id
       WHERE r.forbund_id = $1
         AND ($2::timestamptz IS NULL OR (r.skapad, r.id) < ($2::timestamptz, $3::uuid))
       ORDER BY r.skapad DESC, r.id DESC
       LIMIT $4`,
      [user.forbundId, after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    const changed = await this.andradeSedan(user.forbundId, rows.slice(0, page.limit));
    return toPage(
      rows,
      page.limit,
      (row) => [row.cursor, row.id],
      (row) => radAv(row, user, changed.get(row.id) ?? false),
    );
  }

  /** One export of the förbund, compared with the same report made now; null if none. */
  async get(user: AuthUser, id: string): Promise<RapportRad | null> {
    const rows: RapportRow[] = await this.dataSource.query(
      `SELECT ${RAPPORT_KOLUMNER}
       FROM rapport r LEFT JOIN app_user u ON u.id = r.user_id
       WHERE r.forbund_id = $1 AND r.id = $2`,
      [user.forbundId, id],
    );
    const row = rows[0];
    if (!row) return null;
    const changed = await this.andradeSedan(user.forbundId, [row]);
    return radAv(row, user, changed.get(row.id) ?? false);
  }

  /**
   * The newest exports (at most `limit`) whose period overlaps [fran, till] and whose insatser
   * meet the given ones (an export of the whole förbund meets every insats), each with whether
   * the same report made now has other figures.
   */
  async compared(
    forbundId: string,
    period: { fran: string; till: string; insatsIds?: readonly string[] },
    limit: number,
  ): Promise<RapportUtanAv[]> {
    const rows: RapportRow[] = await this.dataSource.query(
      `SELECT ${RAPPORT_KOLUMNER}
       FROM rapport r LEFT JOIN app_user u ON u.id = r.user_id
       WHERE r.forbund_id = $1 AND r.fran <= $3::date AND r.till >= $2::date
         AND ($4::uuid[] IS NULL OR r.insatser IS NULL OR r.insatser && $4::uuid[])
       ORDER BY r.skapad DESC, r.id DESC
       LIMIT $5`,
      [forbundId, period.fran, period.till, period.insatsIds ?? null, limit],
    );
    const changed = await this.andradeSedan(forbundId, rows);
    return rows.map((row) => radUtanAv(row, changed.get(row.id) ?? false));
  }

  /**
   * For each export, whether the same report made now (as known now, same parameters) has
   * other figures. Decided without the report where that is exact (`ohanterade`); the rest
   * make it again, those with the same parameters (skydda aside) sharing one report: a förbund
   * exports one period in several formats, and each report costs as much as the export did.
   */
  private async andradeSedan(
    forbundId: string,
    rows: readonly RapportRow[],
  ): Promise<Map<string, boolean>> {
    const changed = await this.utanRapport(forbundId, rows);
    const rest = rows.filter((row) => !changed.has(row.id));
    if (rest.length === 0) return changed;
    const [forbund]: { id: string; namn: string }[] = await this.dataSource.query(
      'SELECT id, namn FROM forbund WHERE id = $1',
      [forbundId],
    );
    const reports = new Map<string, StatistikReport>();
    for (const row of rest) {
      const key = parameterKey(row);
      let report = reports.get(key);
      if (report === undefined) {
        report = await this.statistik.report(
          {
            forbundId,
            fran: row.fran,
            till: row.till,
            ...(row.insatser ? { insatsIds: row.insatser } : {}),
            ...(row.aldersgrupper ? { aldersgrupper: parseAldersgrupper(row.aldersgrupper) } : {}),
          },
          forbund!,
          row.jamfor ? { jamfor: row.jamfor, skydda: row.skydda } : {},
        );
        reports.set(key, report);
      }
      const shown = row.skydda && !row.jamfor ? skyddaReport(report) : report;
      changed.set(row.id, figurHash(shown) !== row.hash);
    }
    return changed;
  }

  /**
   * The exports whose answer is certain without their report. An export records the read
   * models' checkpoint C read before its report, so its figures are of the read models at C or
   * later; a timestamp could not say this, as events recorded before the export may be applied
   * only after it. When no event after C touches what the report reads (its förbund, insatser
   * and dates), the report's rows are the same now as when it was made. Then an export as of
   * its own moment is unchanged; one as of a given asOf is unchanged when nothing it reads was
   * recorded after asOf either, and changed when its totals by kön as of asOf and now differ
   * (shown unsuppressed as counted). Anything else, and exports recorded without C, are left
   * to the report.
   */
  private async utanRapport(
    forbundId: string,
    rows: readonly RapportRow[],
  ): Promise<Map<string, boolean>> {
    const decided = new Map<string, boolean>();
    const withPosition = rows.filter((row) => row.lasposition !== null);
    if (withPosition.length === 0) return decided;
    const senare = await this.senareHandelser(withPosition.map((row) => Number(row.lasposition)));
    if (senare.size === 0) return decided;
    const [rorda, tidigast] = await Promise.all([
      this.rordaAv(forbundId, [...senare.values()].flat()),
      this.tidigastaDatum(forbundId),
    ]);
    for (const row of withPosition) {
      const events = senare.get(Number(row.lasposition));
      if (!events || events.some((event) => rorda(event, row, tidigast(row)))) continue;
      if (!row.as_of_angiven) {
        decided.set(row.id, false);
        continue;
      }
      const asOf = new Date(row.as_of);
      if (!(await this.senareAnAsOf(forbundId, row, asOf, tidigast(row)))) {
        decided.set(row.id, false);
      } else if (
        !row.skydda &&
        (await this.statistik.totalerSkiljer({
          forbundId,
          fran: row.fran,
          till: row.till,
          ...(row.insatser ? { insatsIds: row.insatser } : {}),
          asOf,
        }))
      ) {
        decided.set(row.id, true);
      }
    }
    return decided;
  }

  /**
   * The statistics events after each position, by position; a position with more than
   * MAX_SENARE_HANDELSER after it is left out (its exports make their report). One read from
   * the earliest position serves them all when it is complete; else each is read on its own,
   * latest first, until one has too many (so have all earlier ones).
   */
  private async senareHandelser(
    positions: readonly number[],
  ): Promise<Map<number, RecordedEvent[]>> {
    const distinct = [...new Set(positions)].sort((a, b) => a - b);
    const result = new Map<number, RecordedEvent[]>();
    const read = (after: number): Promise<RecordedEvent[] | undefined> =>
      statistikHandelserEfter(this.store, after, MAX_SENARE_HANDELSER);
    const all = await read(distinct[0]!);
    if (all) {
      for (const position of distinct) {
        result.set(
          position,
          all.filter((event) => event.position > position),
        );
      }
      return result;
    }
    for (const position of distinct.slice(1).reverse()) {
      const events = await read(position);
      if (!events) break;
      result.set(position, events);
    }
    return result;
  }

  /**
   * Whether an event touches what an export's report reads: a goal of its förbund, its
   * insatser (or any of the förbund's, for the whole förbund), a deltagande with a version in
   * them that reaches its dates (back to the earliest goal window or year window), or a
   * deltagande with an uppföljning in them in its period (the uppföljning is counted by the
   * deltagande's kön). An event of any other stream counts as touching it.
   */
  private async rordaAv(
    forbundId: string,
    events: readonly RecordedEvent[],
  ): Promise<(event: RecordedEvent, row: RapportRow, tidigast: string) => boolean> {
    const deltagandeIds = new Set<string>();
    const insatsIds = new Set<string>();
    for (const event of events) {
      const deltagande = idFromStream(event.streamId, DELTAGANDE_STREAM_PREFIX);
      const insats = idFromStream(event.streamId, INSATS_STREAM_PREFIX);
      if (deltagande) deltagandeIds.add(deltagande);
      else if (insats) insatsIds.add(insats);
    }
    const [versioner, uppfoljningar, insatser] = await Promise.all([
      deltagandeIds.size === 0
        ? []
        : (this.dataSource.query(
            `SELECT DISTINCT deltagande_id, forbund_id, insats_id,
               to_char(remiss_datum, 'YYYY-MM-DD') AS remiss,
               CASE WHEN slut_datum = 'infinity' THEN NULL
                 ELSE to_char(slut_datum, 'YYYY-MM-DD') END AS slut
             FROM deltagande_fakta WHERE deltagande_id = ANY($1::uuid[])`,
            [[...deltagandeIds]],
          ) as Promise<
            {
              deltagande_id: string;
              forbund_id: string;
              insats_id: string;
              remiss: string;
              slut: string | null;
            }[]
          >),
      deltagandeIds.size === 0
        ? []
        : (this.dataSource.query(
            `SELECT DISTINCT deltagande_id, forbund_id, insats_id,
               to_char(datum, 'YYYY-MM-DD') AS datum
             FROM uppfoljning_fakta WHERE deltagande_id = ANY($1::uuid[])`,
            [[...deltagandeIds]],
          ) as Promise<
            { deltagande_id: string; forbund_id: string; insats_id: string; datum: string }[]
          >),
      insatsIds.size === 0
        ? []
        : (this.dataSource.query('SELECT id, forbund_id FROM insats WHERE id = ANY($1::uuid[])', [
            [...insatsIds],
          ]) as Promise<{ id: string; forbund_id: string }[]>),
    ]);
    const versionerAv = groupBy(versioner, (v) => v.deltagande_id);
    const uppfoljningarAv = groupBy(uppfoljningar, (u) => u.deltagande_id);
    const forbundAv = new Map(insatser.map((i) => [i.id, i.forbund_id] as const));
    const inScope = (row: RapportRow, forbund: string, insats: string): boolean =>
      forbund === forbundId && (row.insatser === null || row.insatser.includes(insats));
    return (event, row, fran) => {
      const deltagande = idFromStream(event.streamId, DELTAGANDE_STREAM_PREFIX);
      if (deltagande) {
        return (
          (versionerAv.get(deltagande) ?? []).some(
            (v) =>
              inScope(row, v.forbund_id, v.insats_id) &&
              v.remiss <= row.till &&
              (v.slut === null || v.slut >= fran),
          ) ||
          (uppfoljningarAv.get(deltagande) ?? []).some(
            (u) =>
              inScope(row, u.forbund_id, u.insats_id) && u.datum >= row.fran && u.datum <= row.till,
          )
        );
      }
      const insats = idFromStream(event.streamId, INSATS_STREAM_PREFIX);
      if (insats) {
        const forbund = forbundAv.get(insats);
        // An insats not (yet) in the read model: its förbund is unknown here.
        return forbund === undefined || inScope(row, forbund, insats);
      }
      const forbund = idFromStream(event.streamId, FORBUND_STREAM_PREFIX);
      return forbund === undefined || forbund === forbundId;
    };
  }

  /**
   * Whether anything an export as of `asOf` reads was recorded after asOf (as the read models
   * stand now): a version of a deltagande (or an uppföljning's deltagande), an uppföljning,
   * volym, goal, årsmål, ekonomi or insats of its förbund and insatser. Each part is read
   * through an index on the recording moment.
   */
  private async senareAnAsOf(
    forbundId: string,
    row: RapportRow,
    asOf: Date,
    tidigast: string,
  ): Promise<boolean> {
    const scope = (alias: string) =>
      `(${alias}.forbund_id = $1 AND ($2::uuid[] IS NULL OR ${alias}.insats_id = ANY($2::uuid[])))`;
    const versioned = (table: string, alias: string, extra = '') =>
      `EXISTS (SELECT 1 FROM ${table} ${alias} WHERE ${scope(alias)}${extra}
         AND (${alias}.recorded_from > $5 OR ${alias}.recorded_to > $5))`;
    const [{ senare }]: [{ senare: boolean }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM deltagande_fakta d WHERE ${scope('d')}
           AND d.recorded_from > $5 AND d.remiss_datum <= $4::date AND d.slut_datum >= $6::date)
         OR EXISTS (SELECT 1 FROM deltagande_fakta d WHERE ${scope('d')}
           AND d.recorded_to > $5 AND d.remiss_datum <= $4::date AND d.slut_datum >= $6::date)
         OR EXISTS (SELECT 1 FROM uppfoljning_fakta u WHERE ${scope('u')}
           AND u.recorded_at > $5 AND u.datum BETWEEN $3::date AND $4::date)
         OR EXISTS (SELECT 1 FROM volym_fakta v WHERE ${scope('v')}
           AND v.recorded_at > $5 AND v.datum BETWEEN $3::date AND $4::date)
         OR EXISTS (SELECT 1 FROM mal_fakta g WHERE g.forbund_id = $1
           AND (g.insats_id IS NULL OR $2::uuid[] IS NULL OR g.insats_id = ANY($2::uuid[]))
           AND (g.recorded_from > $5 OR g.recorded_to > $5))
         OR ${versioned('arsmal_fakta', 'm')}
         OR ${versioned('ekonomi_fakta', 'e')}
         OR ${versioned('insats_fakta', 'i')}
         OR EXISTS (SELECT 1 FROM deltagande_fakta d
           JOIN uppfoljning_fakta u ON u.deltagande_id = d.deltagande_id
           WHERE d.forbund_id = $1 AND d.recorded_from > $5
             AND ${scope('u')} AND u.datum BETWEEN $3::date AND $4::date)
         OR EXISTS (SELECT 1 FROM deltagande_fakta d
           JOIN uppfoljning_fakta u ON u.deltagande_id = d.deltagande_id
           WHERE d.forbund_id = $1 AND d.recorded_to > $5
             AND ${scope('u')} AND u.datum BETWEEN $3::date AND $4::date) AS senare`,
      [forbundId, row.insatser, row.fran, row.till, asOf, tidigast],
    );
    return senare;
  }

  /**
   * The earliest date an export's report reads: 1 January of its first year, or the fran of a
   * goal (any version, of any of the förbund's insatser: never later than the report's own)
   * whose window overlaps its period. The goals are read once for all exports.
   */
  private async tidigastaDatum(forbundId: string): Promise<(row: RapportRow) => string> {
    const mal: { fran: string; till: string }[] = await this.dataSource.query(
      `SELECT DISTINCT to_char(fran, 'YYYY-MM-DD') AS fran, to_char(till, 'YYYY-MM-DD') AS till
       FROM mal_fakta WHERE forbund_id = $1`,
      [forbundId],
    );
    return (row) =>
      mal
        .filter((m) => m.fran <= row.till && m.till >= row.fran)
        .reduce((min, m) => (m.fran < min ? m.fran : min), `${row.fran.slice(0, 4)}-01-01`);
  }
}

/** Events after an export's position looked through before its report is made instead. */
const MAX_SENARE_HANDELSER = 2_000;

const groupBy = <R>(rows: readonly R[], key: (row: R) => string): Map<string, R[]> => {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
};
