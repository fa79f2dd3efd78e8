import {
  AVSLUTSORSAK,
  DEFAULT_ALDERSGRUPPER,
  KON,
  UTFALL_FOR_AVSLUTSORSAK,
  yearOf,
  type Aldersgrupp,
  type Kon,
} from '#domain';
import type { DataSource } from 'typeorm';
import { assembleReport, type Aggregat, type ReportFrame } from './assemble-report.js';
import { jamforelsePeriod, medOversikt, type Jamfor } from './oversikt.js';
import type { StatistikReport } from './report.js';
import { skyddaReport } from './skydda.js';
import { inOneSnapshot, type BoundQuery, type SnapshotOptions } from './in-one-snapshot.js';
import { AggregatCache, CHECKPOINT_SQL, type AggregatCacheOptions } from './aggregat-cache.js';
import {
  MAX_UNDERLAG_RADER,
  ReportPeriodError,
  reportPeriodProblem,
  UnderlagTooLargeError,
} from './report-limits.js';
import {
  insatserSql,
  MATT,
  statistikSql,
  totalerSedanSql,
  underlagSql,
  type Matt,
} from './statistik-sql.js';

interface AggregatRow {
  aggregat: Partial<Aggregat>;
}

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

const checkPeriod = ({ fran, till }: Pick<StatistikQuery, 'fran' | 'till'>): void => {
  const problem = reportPeriodProblem(fran, till);
  if (problem) throw new ReportPeriodError(problem);
};

export interface StatistikServiceOptions extends SnapshotOptions {
  /**
   * Keep recent reports' aggregates in this process and bring them up to date by the
   * deltaganden that changed since (aggregat-cache.ts); absent: every report is counted whole.
   */
  readonly cache?: AggregatCacheOptions;
}

/** Period statistics over the read models (never by folding streams). */
export class StatistikService {
  /** The reports' aggregates kept in this process, when the options ask for it. */
  readonly cache: AggregatCache | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: StatistikServiceOptions = {},
  ) {
    this.cache = options.cache ? new AggregatCache(dataSource, options.cache) : undefined;
  }

  /**
   * The report with its overview. `skydda`: suppressed for publication. `jamfor`: with the
   * same report over the comparison period (same asOf and insatser) as `jamforelse`; each of
   * the two is suppressed on its own before they are put together.
   */
  async report(
    query: StatistikQuery,
    forbund: { id: string; namn: string },
    options: { jamfor?: Jamfor; skydda?: boolean } = {},
  ): Promise<StatistikReport> {
    const { jamfor, skydda = false } = options;
    const earlier = jamfor ? { ...query, ...jamforelsePeriod(jamfor, query) } : undefined;
    if (earlier) checkPeriod(earlier);
    const shown = (report: StatistikReport): StatistikReport =>
      skydda ? skyddaReport(report) : report;
    const [report, tidigare] = await Promise.all([
      this.assembled(query, forbund),
      earlier ? this.assembled(earlier, forbund) : undefined,
    ]);
    if (!tidigare) return shown(report);
    return medOversikt(shown(report), { typ: jamfor!, report: shown(tidigare) });
  }

  private async assembled(
    query: StatistikQuery,
    forbund: { id: string; namn: string },
  ): Promise<StatistikReport> {
    const { aggregat, frame } = await this.aggregat(query, forbund);
    return assembleReport(aggregat, frame);
  }

  /**
   * The report's aggregates and frame, before they are shaped: for parts of the report built
   * from them (a grupp's goals, `malFor`) and for tests of those parts.
   */
  async aggregat(
    query: StatistikQuery,
    forbund: { id: string; namn: string },
  ): Promise<{ aggregat: Aggregat; frame: ReportFrame }> {
    const cache = this.cache;
    if (!cache || query.asOf) {
      const [result] = await this.aggregatISammaSnapshot([{ query }], forbund);
      return result!;
    }
    checkPeriod(query);
    const { aggregat, frame } = await cache.aggregat(query, async () => {
      const { groups, finish } = this.prepare(query, forbund, undefined, cache.checkpoint);
      return finish(await inOneSnapshot(this.dataSource, groups, this.options));
    });
    // The frame as prepare makes it, as of now: the aggregates are the read models' now.
    return {
      aggregat,
      frame: {
        ...frame,
        forbund,
        asOf: new Date().toISOString(),
        aldersgrupper: query.aldersgrupper ?? DEFAULT_ALDERSGRUPPER,
      },
    };
  }

  /**
   * Several reports' aggregates read in one snapshot, each on three connections of its own (as many as the snapshots' share of the pool allows).
   * `deltaganden`: only those deltaganden count in that one (their part of the report); its
   * goals, volym, årsmål and ekonomi are still the whole förbund's.
   */
  async aggregatISammaSnapshot(
    requests: readonly { query: StatistikQuery; deltaganden?: readonly string[] }[],
    forbund: { id: string; namn: string },
  ): Promise<{ aggregat: Aggregat; frame: ReportFrame }[]> {
    const prepared = requests.map(({ query, deltaganden }) =>
      this.prepare(query, forbund, deltaganden),
    );
    const results = await inOneSnapshot(
      this.dataSource,
      prepared.flatMap((p) => p.groups),
      this.options,
    );
    const size = prepared[0]?.groups.length ?? 0;
    return prepared.map((p, index) => {
      const { aggregat, frame } = p.finish(results.slice(size * index, size * (index + 1)));
      return { aggregat, frame };
    });
  }

  /** One report's statements, three groups side by side, and how their rows become aggregates. */
  private prepare(
    query: StatistikQuery,
    forbund: { id: string; namn: string },
    deltaganden: readonly string[] | undefined,
    checkpoint?: string,
  ): {
    groups: BoundQuery[][];
    finish: (rows: unknown[][][]) => { aggregat: Aggregat; frame: ReportFrame } & {
      position: number;
    };
  } {
    checkPeriod(query);
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
    // Ekonomi's window is the calendar year within the period: for one year, the period; for
    // the others but a first year starting after 1 January, måluppfyllelse's window.
    const ekonomiAr = years.length > 1 && query.fran !== `${years[0]}-01-01` ? years[0]! : null;

    const values = {
      forbund: query.forbundId,
      insatser: insatsIds,
      fran: query.fran,
      till: query.till,
      asOf,
      ar: years,
      arbeteStudier: ARBETE_ELLER_STUDIER,
      tidigast: earliest,
      egnaFonster: ownWindow,
      ekonomiAr,
      ...(deltaganden ? { deltaganden: [...deltaganden] } : {}),
    };
    const [deltagareSql, utfallSql, malUtfallSql] = statistikSql(
      asOf !== null,
      deltaganden !== undefined,
    );
    const groups = [
      [
        this.bind(insatserSql(asOf !== null), values),
        this.bind(deltagareSql, values),
        // The read models' position, in the same snapshot: the aggregates are their state then.
        ...(checkpoint === undefined ? [] : [{ text: CHECKPOINT_SQL, params: [checkpoint] }]),
      ],
      [this.bind(utfallSql, values)],
      [this.bind(malUtfallSql, values)],
    ];
    const finish = ([[insatser, deltagare, position], [utfall], [malUtfall]]: unknown[][][]) => {
      const aggregat = {
        ...(deltagare as AggregatRow[])[0]!.aggregat,
        ...(utfall as AggregatRow[])[0]!.aggregat,
        ...(malUtfall as AggregatRow[])[0]!.aggregat,
      } as Aggregat;
      const frame: ReportFrame = {
        forbund,
        fran: query.fran,
        till: query.till,
        asOf: (asOf ?? new Date()).toISOString(),
        insatser: insatser as ReportFrame['insatser'],
        aldersgrupper: query.aldersgrupper ?? DEFAULT_ALDERSGRUPPER,
        ar: years,
        arMedEgetFonster: ownWindow,
        ekonomiFonster: Object.fromEntries(
          years.map((ar) => [
            ar,
            years.length === 1 ? 'period' : ar === ekonomiAr ? 'ekonomi' : 'ar',
          ]),
        ),
      };
      const [checkpointRow] = (position ?? []) as { position: string | number }[];
      return { aggregat, frame, position: Number(checkpointRow?.position ?? 0) };
    };
    return { groups, finish };
  }

  /**
   * True when the report's `totalt` deltagare or remisser counts (any kön) as of `asOf` differ
   * from those made now: then the two reports differ (unsuppressed, as those counts are shown
   * as they are). False says nothing about the report's other figures.
   */
  async totalerSkiljer(query: StatistikQuery & { readonly asOf: Date }): Promise<boolean> {
    checkPeriod(query);
    const values = {
      forbund: query.forbundId,
      insatser: query.insatsIds ? [...query.insatsIds] : null,
      fran: query.fran,
      till: query.till,
      asOf: query.asOf,
    };
    // The two parts side by side, in one snapshot, under the report's settings.
    const [[tillagda], [borttagna]] = await inOneSnapshot(
      this.dataSource,
      [
        [this.bind(totalerSedanSql('tillagda'), values)],
        [this.bind(totalerSedanSql('borttagna'), values)],
      ],
      this.options,
    );
    type Rad = { kon: string } & Record<Matt, number>;
    const key = (row: Rad, matt: Matt): string => `${row.kon} ${matt}`;
    const skillnad = new Map<string, number>();
    for (const [rows, sign] of [
      [tillagda as Rad[], 1],
      [borttagna as Rad[], -1],
    ] as const) {
      for (const row of rows) {
        // A kön the report has no column for shows only in the total, where two could cancel.
        if (!(KON as readonly string[]).includes(row.kon)) continue;
        for (const matt of MATT) {
          skillnad.set(key(row, matt), (skillnad.get(key(row, matt)) ?? 0) + sign * row[matt]);
        }
      }
    }
    return [...skillnad.values()].some((n) => n !== 0);
  }

  /** The deltaganden behind one count of the report: ids and codes, no personal data. */
  async underlag(query: StatistikQuery, matt: Matt, kon?: Kon): Promise<UnderlagRow[]> {
    checkPeriod(query);
    const bound = this.bind(underlagSql(query.asOf !== undefined, matt), {
      forbund: query.forbundId,
      insatser: query.insatsIds ? [...query.insatsIds] : null,
      fran: query.fran,
      till: query.till,
      kon: kon ?? null,
      asOf: query.asOf ?? null,
      radgrans: MAX_UNDERLAG_RADER + 1,
    });
    // One group: a read-only transaction of its own, under the same statement timeout.
    const [[rows]] = await inOneSnapshot(this.dataSource, [[bound]], this.options);
    if (rows!.length > MAX_UNDERLAG_RADER) throw new UnderlagTooLargeError();
    return rows as UnderlagRow[];
  }

  /** `:name` placeholders to PostgreSQL's positional ones, by TypeORM's driver. */
  private bind(sql: string, values: Record<string, unknown>): BoundQuery {
    const [text, params] = this.dataSource.driver.escapeQueryWithParameters(sql, values);
    return { text, params };
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
