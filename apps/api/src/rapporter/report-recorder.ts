import { parseAldersgrupper } from '#domain';
import { skyddaReport, StatistikService, type StatistikReport } from '#statistik';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
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
  r.format, r.layout, r.hash`;

/** What a report made now depends on: exports with equal keys are compared with one report. */
const parameterKey = (row: RapportRow): string =>
  JSON.stringify([row.fran, row.till, row.insatser, row.aldersgrupper]);

/** Records each export and lists them, each compared with the same report made now. */
@Injectable()
export class ReportRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistik: StatistikService,
  ) {}

  /** Called by the export once its report is built (as shown: suppressed when skydda). */
  async record(
    report: StatistikReport,
    user: AuthUser,
    parametrar: RapportParametrar,
  ): Promise<string> {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO rapport (id, forbund_id, user_id, skapad, fran, till, insatser, as_of,
         aldersgrupper, skydda, format, layout, hash)
       VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
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
   * other figures. Exports with the same parameters (skydda aside) share one report: a förbund exports one
   * period in several formats, and each report costs as much as the export did.
   */
  private async andradeSedan(
    forbundId: string,
    rows: readonly RapportRow[],
  ): Promise<Map<string, boolean>> {
    const changed = new Map<string, boolean>();
    if (rows.length === 0) return changed;
    const [forbund]: { id: string; namn: string }[] = await this.dataSource.query(
      'SELECT id, namn FROM forbund WHERE id = $1',
      [forbundId],
    );
    const reports = new Map<string, StatistikReport>();
    for (const row of rows) {
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
        );
        reports.set(key, report);
      }
      changed.set(row.id, figurHash(row.skydda ? skyddaReport(report) : report) !== row.hash);
    }
    return changed;
  }
}
