import {
  AVSLUTSORSAK,
  DEFAULT_ALDERSGRUPPER,
  UTFALL_FOR_AVSLUTSORSAK,
  yearOf,
  type Aldersgrupp,
  type Kon,
} from '#domain';
import type { DataSource } from 'typeorm';
import { assembleReport, type Aggregat } from './assemble-report.js';
import type { StatistikReport } from './report.js';
import { statistikSql, underlagSql, type Matt } from './statistik-sql.js';

export interface StatistikQuery {
  readonly forbundId: string;
  readonly fran: string;
  readonly till: string;
  /** Only these insatser; all of the förbund's when absent. */
  readonly insatsIds?: readonly string[];
  /** Only events recorded at or before this moment count. */
  readonly asOf?: Date;
  readonly aldersgrupper?: readonly Aldersgrupp[];
}

const ARBETE_ELLER_STUDIER = AVSLUTSORSAK.filter((code) =>
  ['arbete', 'studier'].includes(UTFALL_FOR_AVSLUTSORSAK[code]),
);

/** Period statistics over the read models (never by folding streams). */
export class StatistikService {
  constructor(private readonly dataSource: DataSource) {}

  async report(
    query: StatistikQuery,
    forbund: { id: string; namn: string },
  ): Promise<StatistikReport> {
    const asOf = query.asOf ?? null;
    const years: number[] = [];
    for (let ar = yearOf(query.fran); ar <= yearOf(query.till); ar++) years.push(ar);
    const earliest = `${years[0]}-01-01` < query.fran ? `${years[0]}-01-01` : query.fran;
    const insatsIds = query.insatsIds ? [...query.insatsIds] : null;
    // A year whose window [1 January, min(31 December, till)] is the period itself takes the
    // period's result; only the others need a pass of their own.
    const ownWindow = years.filter(
      (ar) => !(query.fran === `${ar}-01-01` && query.till <= `${ar}-12-31`),
    );

    const [insatser, rows] = await Promise.all([
      this.dataSource.query<{ id: string; namn: string }[]>(
        `SELECT id, namn FROM insats
         WHERE forbund_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
           AND ($3::timestamptz IS NULL OR skapad <= $3)
         ORDER BY namn, id`,
        [query.forbundId, insatsIds, asOf],
      ),
      this.dataSource.query<{ aggregat: Aggregat & { asOf: string | null } }[]>(
        statistikSql(asOf !== null),
        [
          query.forbundId,
          insatsIds,
          query.fran,
          query.till,
          asOf,
          years,
          ARBETE_ELLER_STUDIER,
          earliest,
          ownWindow,
        ],
      ),
    ]);
    return assembleReport(rows[0]!.aggregat, {
      forbund,
      fran: query.fran,
      till: query.till,
      asOf: (asOf ?? new Date()).toISOString(),
      insatser,
      aldersgrupper: query.aldersgrupper ?? DEFAULT_ALDERSGRUPPER,
      ar: years,
      arMedEgetFonster: ownWindow,
    });
  }

  /** The deltaganden behind one count of the report: ids and codes, no personal data. */
  async underlag(query: StatistikQuery, matt: Matt, kon?: Kon): Promise<UnderlagRow[]> {
    const params: unknown[] = [
      query.forbundId,
      query.insatsIds ? [...query.insatsIds] : null,
      query.fran,
      query.till,
      kon ?? null,
    ];
    if (query.asOf) params.push(query.asOf);
    return this.dataSource.query(underlagSql(query.asOf !== undefined, matt), params);
  }
}

export interface UnderlagRow {
  deltagandeId: string;
  insatsId: string;
  kon: Kon;
  fodelsear: number;
  kommun: string;
  remittent: string;
  remissDatum: string;
  inskrivningDatum: string | null;
  avslutDatum: string | null;
  avslutsorsak: string | null;
}
