import {
  DELTAGANDE_STREAM_PREFIX,
  FORBUND_STREAM_PREFIX,
  idFromStream,
  INSATS_STREAM_PREFIX,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { STATISTIK_EVENT_TYPES } from '#projections';
import type { DataSource } from 'typeorm';
import type { Aggregat, ReportFrame } from './assemble-report.js';
import {
  ADDITIVA,
  aggregatFore,
  delAv,
  forbundetsDelar,
  HELA_FORBUNDETS,
  laggTill,
  radNyckel,
  sammanhangAv,
  type Andrad,
  type AndradRad,
  type Rad,
} from './forandringar.js';

/** The name of the read models' checkpoint row (ProjectionRunner's default). */
export const READ_MODELS_CHECKPOINT = 'read-models';

/** The read models' checkpoint, as a statement of its own or one of a snapshot's. */
export const CHECKPOINT_SQL = 'SELECT position FROM projection_checkpoint WHERE name = $1';

export interface AggregatCacheOptions {
  /** Where the statistics events after a position are read (the event store). */
  readonly events: Pick<EventStore, 'readAll'>;
  /** Reports kept, the least recently used going first (32 by default). */
  readonly entries?: number;
  /** Rows of aggregates kept in all (2,000,000 by default: a few hundred MB at most). */
  readonly rows?: number;
  /** Events after an entry's position looked through before the report is counted again. */
  readonly maxEvents?: number;
  /** The checkpoint row the read models are at (ProjectionRunner's name). */
  readonly checkpoint?: string;
}

/**
 * The statistics events (those the read models of a report are made of) after `after`, or
 * undefined when more than `max` events of any kind came after it: whoever asks then counts
 * the report again rather than look through them all.
 */
export const statistikHandelserEfter = async (
  store: Pick<EventStore, 'readAll'>,
  after: number,
  max: number,
): Promise<RecordedEvent[] | undefined> => {
  const events = await store.readAll({ after, limit: max + 1 });
  return events.length > max
    ? undefined
    : events.filter((event) => STATISTIK_EVENT_TYPES.has(event.type));
};

/** What a report's aggregates are keyed by: everything that shapes them. */
export interface CacheQuery {
  readonly forbundId: string;
  readonly fran: string;
  readonly till: string;
  readonly insatsIds?: readonly string[];
}

/** The frame as the aggregates shape it: without the moment, the förbund's name and the ages. */
export type CachedFrame = Omit<ReportFrame, 'asOf' | 'forbund' | 'aldersgrupper'>;

/** A report's aggregates exactly as the read models stood at `position`. */
export interface PositionedAggregat {
  readonly position: number;
  readonly aggregat: Aggregat;
  readonly frame: CachedFrame;
  /** The rows' places (see Tabell), when an update made them. */
  readonly index?: Index | null;
}

interface Entry extends PositionedAggregat {
  readonly rows: number;
  /** Each row's place, made at the entry's first update and carried on; null: cannot be. */
  index?: Index | null;
}

type Additiv = keyof typeof ADDITIVA;

/**
 * One table of kept aggregates with each row's place, so that an update touches only the rows
 * the changed deltaganden's parts make up: `rader` may hold rows whose counts all came to 0
 * (`nollor` of them; left out of the aggregates, `ut`, as the statements leave them out), and
 * a row keeps its place in `rader` for good. A `plats` map is never changed once an entry holds
 * it: an update that adds rows copies it.
 */
interface Tabell {
  readonly rader: readonly Rad[];
  readonly plats: ReadonlyMap<string, number>;
  readonly nollor: number;
  readonly ut: readonly Rad[];
}

export type Index = Readonly<Record<Additiv, Tabell>>;

const TABELLER = Object.keys(ADDITIVA) as Additiv[];

const noll = (rad: Rad, matt: readonly string[]): boolean => matt.every((m) => rad[m] === 0);

/** The tables' rows with their places; null when two rows of a table have one place. */
export const indexAv = (aggregat: Aggregat): Index | null => {
  const index: Partial<Record<Additiv, Tabell>> = {};
  for (const tabell of TABELLER) {
    const matt = ADDITIVA[tabell];
    const nyckel = radNyckel(matt);
    const rader = aggregat[tabell] as readonly Rad[];
    const plats = new Map<string, number>();
    let nollor = 0;
    for (let i = 0; i < rader.length; i++) {
      const key = nyckel(rader[i]!);
      if (plats.has(key)) return null;
      plats.set(key, i);
      if (noll(rader[i]!, matt)) nollor++;
    }
    const ut = nollor === 0 ? rader : rader.filter((rad) => !noll(rad, matt));
    index[tabell] = { rader, plats, nollor, ut };
  }
  return index as Index;
};

/**
 * What aggregatFore(hela, bort, till) gives, through the rows' places: only the rows whose
 * counts the parts change are made anew (a table the parts leave as it was is the same
 * array). Undefined when a count would come out below 0.
 */
export const uppdatera = (
  index: Index,
  hela: Aggregat,
  bort: Aggregat,
  till: Aggregat,
): { index: Index; aggregat: Aggregat } | undefined => {
  const nytt: Partial<Record<Additiv, Tabell>> = {};
  for (const tabell of TABELLER) {
    const matt = ADDITIVA[tabell];
    const t = index[tabell];
    const nyckel = radNyckel(matt);
    // The parts' rows summed by place: − at the kept position, + now.
    const skillnad = new Map<string, Rad>();
    laggTill(skillnad, bort[tabell] as Rad[], -1, matt, nyckel);
    laggTill(skillnad, till[tabell] as Rad[], 1, matt, nyckel);
    let rader: Rad[] | undefined;
    let plats: Map<string, number> | undefined;
    let nollor = t.nollor;
    for (const [key, sum] of skillnad) {
      if (noll(sum, matt)) continue;
      rader ??= t.rader.slice();
      const i = (plats ?? t.plats).get(key);
      if (i === undefined) {
        if (matt.some((m) => (sum[m] as number) < 0)) return undefined;
        plats ??= new Map(t.plats);
        plats.set(key, rader.length);
        rader.push(sum);
        continue;
      }
      const fore = rader[i]!;
      const efter = { ...fore };
      for (const m of matt) {
        const n = Number(fore[m]) + (sum[m] as number);
        if (n < 0) return undefined;
        efter[m] = n;
      }
      nollor += (noll(efter, matt) ? 1 : 0) - (noll(fore, matt) ? 1 : 0);
      rader[i] = efter;
    }
    nytt[tabell] = rader
      ? {
          rader,
          plats: plats ?? t.plats,
          nollor,
          ut: nollor === 0 ? rader : rader.filter((rad) => !noll(rad, matt)),
        }
      : t;
  }
  const registreradeTotalt =
    hela.registreradeTotalt - bort.registreradeTotalt + till.registreradeTotalt;
  if (registreradeTotalt < 0) return undefined;
  const aggregat = { registreradeTotalt } as Record<string, unknown>;
  for (const tabell of TABELLER) aggregat[tabell] = nytt[tabell]!.ut;
  for (const tabell of HELA_FORBUNDETS) aggregat[tabell] = hela[tabell];
  return { index: nytt as Index, aggregat: aggregat as unknown as Aggregat };
};

/** How a request was answered: for tests and benchmarks. */
export type CacheOutcome = 'miss' | 'same' | 'incremental' | 'full';

/** Positions as text that compares as the numbers do (delVid compares its moments as text). */
export const pad = (position: number | string): string => String(position).padStart(20, '0');

const rowsOf = (aggregat: Aggregat): number =>
  Object.values(aggregat).reduce<number>(
    (sum, value) => sum + (Array.isArray(value) ? value.length : 0),
    0,
  );

/**
 * The versions (from_position at most :p'), in the förbund and insatser, of the given
 * deltaganden and of every other deltagande of a registered person among them; each with the
 * position that closed it. A version closed by a successor before `to_position` existed has
 * none: the successor that began with the same event (recorded_from = recorded_to) gives it
 * (the migration gave the others the checkpoint then: see it). One closed without either (by a
 * projector of the code before the column, still running after the migration) gives none, and
 * `stangd` tells the caller to count the whole report instead. $1 deltaganden, $2 förbund,
 * $3 insatser (null: all), $4 p'.
 */
const VERSIONER_SQL = `
WITH personer AS (
  SELECT DISTINCT person_key FROM deltagande_fakta
  WHERE deltagande_id = ANY($1::uuid[]) AND forbund_id = $2 AND from_position <= $4
    AND person_key <> deltagande_id::text
),
-- Each person's deltaganden through the index on registered persons (a nested loop: as a
-- hash join the planner read every version of the förbund).
ids AS (
  SELECT unnest($1::uuid[]) AS deltagande_id
  UNION
  SELECT a.deltagande_id FROM personer p CROSS JOIN LATERAL (
    SELECT d.deltagande_id FROM deltagande_fakta d
    WHERE d.forbund_id = $2 AND d.person_key = p.person_key
      AND d.person_key <> d.deltagande_id::text
    OFFSET 0
  ) a
)
SELECT d.deltagande_id AS "deltagandeId", d.insats_id AS "insatsId", d.person_key AS "personKey",
  d.kon, d.fodelsear, d.kommun, d.remittent, d.remittent_enhet AS "remittentEnhet",
  d.remiss_datum::text AS "remissDatum", d.aterremiss_datum::text AS "aterremissDatum",
  d.inskrivning_datum::text AS "inskrivningDatum", d.avslut_datum::text AS "avslutDatum",
  d.avslutsorsak, d.forsorjning_in AS "forsorjningIn", d.forsorjning_ut AS "forsorjningUt",
  d.from_position::text AS fran,
  coalesce(d.to_position, (
    SELECT CASE WHEN n.recorded_from = d.recorded_to THEN n.from_position END
    FROM deltagande_fakta n
    WHERE n.deltagande_id = d.deltagande_id AND n.from_position > d.from_position
    ORDER BY n.from_position LIMIT 1))::text AS till,
  d.recorded_to IS NOT NULL AS stangd
-- Each deltagande's versions by its key (the primary key), as forandringar reads them.
FROM ids CROSS JOIN LATERAL (
  SELECT * FROM deltagande_fakta d
  WHERE d.deltagande_id = ids.deltagande_id AND d.forbund_id = $2
    AND ($3::uuid[] IS NULL OR d.insats_id = ANY($3::uuid[])) AND d.from_position <= $4
  OFFSET 0
) d`;

/** Their uppföljningar in the period applied by :p'. $5 fran, $6 till. */
const UPPFOLJNINGAR_SQL = `
SELECT u.deltagande_id AS "deltagandeId", u.insats_id AS "insatsId",
  u.manader_efter_avslut AS "manaderEfterAvslut", u.sysselsattning, u.position::text AS fran
FROM uppfoljning_fakta u
WHERE u.deltagande_id = ANY($1::uuid[]) AND u.forbund_id = $2
  AND ($3::uuid[] IS NULL OR u.insats_id = ANY($3::uuid[])) AND u.position <= $4
  AND u.datum BETWEEN $5::date AND $6::date`;

type VersionRad = Omit<AndradRad, 'slag' | 'manaderEfterAvslut' | 'sysselsattning'> & {
  stangd: boolean;
};

/**
 * Each recent report's aggregates (without asOf, of the whole förbund or some insatser) with
 * the read models' position they are exactly the state of, kept in this process; a request for
 * the same report brings them up to date with the deltaganden that changed since, instead of
 * counting every deltagande again.
 *
 * Exact by positions: the read models at a position p are what the events up to p made them
 * (every batch moves the checkpoint in the same transaction), and a version of a deltagande's
 * facts is in them at p exactly when from_position <= p < to_position. Timestamps could not
 * tell this, as an event recorded before a moment may be applied after it. So the aggregates
 * at p' are those at p, less the changed deltaganden's part as the read models stood at p,
 * plus their part at p' (aggregatFore, counted by delAv as the report's SQL counts them), when
 *
 * - the statistics events in (p, p'] (at most `maxEvents`) are all of deltagande streams or of
 *   other förbund: an insats's grupp, a goal, volym, årsmål or ekonomi of this förbund shapes
 *   the report otherwise than per deltagande, so any of them makes the whole report be read;
 * - the parts hold every deltagande of each registered person among the changed ones (a
 *   person is counted once over all of theirs: as forandringar's `sammaPerson`);
 * - each version's closing position is known (see VERSIONER_SQL), and no count comes out
 *   below 0 (aggregatFore: a part that does not belong to the whole).
 *
 * Anything else, and a checkpoint that went back (p' < p), reads the whole report, which then
 * becomes the entry. The read models must not be changed other than by the projections while
 * the process runs (a migration rewriting them is run before the API starts).
 */
export class AggregatCache {
  private readonly entries = new Map<string, Entry>();
  private rows = 0;
  private readonly maxEntries: number;
  private readonly maxRows: number;
  private readonly maxEvents: number;
  readonly checkpoint: string;
  /** How many requests were answered each way, for tests and benchmarks. */
  readonly outcomes: Record<CacheOutcome, number> = { miss: 0, same: 0, incremental: 0, full: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: AggregatCacheOptions,
  ) {
    this.maxEntries = options.entries ?? 32;
    this.maxRows = options.rows ?? 2_000_000;
    this.maxEvents = options.maxEvents ?? 2_000;
    this.checkpoint = options.checkpoint ?? READ_MODELS_CHECKPOINT;
  }

  /**
   * The report's aggregates now: from the entry, brought up to date, or from `full` (the whole
   * report with the position it was read at, in its snapshot), which becomes the entry.
   */
  async aggregat(
    query: CacheQuery,
    full: () => Promise<PositionedAggregat>,
  ): Promise<PositionedAggregat> {
    const key = JSON.stringify([
      query.forbundId,
      query.fran,
      query.till,
      query.insatsIds ? [...query.insatsIds] : null,
    ]);
    const entry = this.entries.get(key);
    const keep = (result: PositionedAggregat, outcome: CacheOutcome): PositionedAggregat => {
      this.outcomes[outcome]++;
      this.put(key, result);
      return result;
    };
    if (!entry) return keep(await full(), 'miss');
    const now = await this.position();
    if (now === entry.position) return keep(entry, 'same');
    const updated = now > entry.position ? await this.upToDate(entry, query, now) : undefined;
    return updated ? keep(updated, 'incremental') : keep(await full(), 'full');
  }

  /** The read models' checkpoint now. */
  async position(): Promise<number> {
    const rows = (await this.dataSource.query(CHECKPOINT_SQL, [this.checkpoint])) as {
      position: string | number;
    }[];
    return Number(rows[0]?.position ?? 0);
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear();
    this.rows = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private put(key: string, result: PositionedAggregat): void {
    // Whatever position it is of, an entry is exactly the read models' state then: a slower
    // request that puts back an older one only makes the next update read more events.
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.rows -= old.rows;
    }
    const rows =
      old?.aggregat === result.aggregat
        ? old.rows
        : result.index
          ? TABELLER.reduce((sum, tabell) => sum + result.index![tabell].rader.length, 0)
          : rowsOf(result.aggregat);
    if (rows > this.maxRows) return;
    this.entries.set(key, { ...result, rows });
    this.rows += rows;
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.rows <= this.maxRows) break;
      this.entries.delete(oldest);
      this.rows -= value.rows;
    }
  }

  /** The entry's aggregates at `now` (> its position), or undefined: read the whole report. */
  private async upToDate(
    entry: Entry,
    query: CacheQuery,
    now: number,
  ): Promise<PositionedAggregat | undefined> {
    const events = await statistikHandelserEfter(
      this.options.events,
      entry.position,
      this.maxEvents,
    );
    if (!events) return undefined;
    const deltaganden = new Set<string>();
    const insatser = new Set<string>();
    for (const event of events) {
      // Applied after the read models' position read: the next update's.
      if (event.position > now) continue;
      const deltagande = idFromStream(event.streamId, DELTAGANDE_STREAM_PREFIX);
      if (deltagande) {
        deltaganden.add(deltagande);
        continue;
      }
      const insats = idFromStream(event.streamId, INSATS_STREAM_PREFIX);
      if (insats) {
        insatser.add(insats);
        continue;
      }
      const forbund = idFromStream(event.streamId, FORBUND_STREAM_PREFIX);
      if (forbund === undefined || forbund === query.forbundId) return undefined;
    }
    if (insatser.size > 0) {
      const rows = (await this.dataSource.query(
        'SELECT id, forbund_id FROM insats WHERE id = ANY($1::uuid[])',
        [[...insatser]],
      )) as { id: string; forbund_id: string }[];
      // An insats of this förbund, or one whose förbund is not known here.
      if (rows.length < insatser.size || rows.some((row) => row.forbund_id === query.forbundId)) {
        return undefined;
      }
    }
    if (deltaganden.size === 0) return { ...entry, position: now };
    const andrade = await this.andrade(query, [...deltaganden], now);
    if (!andrade) return undefined;
    const { aggregat, frame } = entry;
    const sammanhang = sammanhangAv(frame, aggregat.mal);
    const delar = [...andrade.values()];
    const [bort, till] = [
      delAv(delar, pad(entry.position), sammanhang),
      delAv(delar, pad(now), sammanhang),
    ];
    if (entry.index === undefined) entry.index = indexAv(aggregat);
    if (entry.index === null) {
      // Rows that share a place (none the statements make): summed whole, as forandringar does.
      const updated = aggregatFore(aggregat, bort, { ...till, ...forbundetsDelar(aggregat) });
      return updated && { position: now, aggregat: updated, frame };
    }
    const updated = uppdatera(entry.index, aggregat, bort, till);
    return updated && { position: now, ...updated, frame };
  }

  /**
   * The changed deltaganden and every other deltagande of a registered person among them, each
   * with its versions and uppföljningar up to `now`, their moments as padded positions.
   * Undefined when a version's closing position is not known.
   */
  private async andrade(
    query: CacheQuery,
    deltaganden: string[],
    now: number,
  ): Promise<Map<string, Andrad> | undefined> {
    const insatser = query.insatsIds ? [...query.insatsIds] : null;
    const versioner = (await this.dataSource.query(VERSIONER_SQL, [
      deltaganden,
      query.forbundId,
      insatser,
      now,
    ])) as VersionRad[];
    const andrade = new Map<string, Andrad>();
    for (const { stangd, ...v } of versioner) {
      if (stangd && v.till === null) return undefined;
      let andrad = andrade.get(v.deltagandeId);
      if (!andrad) andrade.set(v.deltagandeId, (andrad = { versioner: [], uppfoljningar: [] }));
      andrad.versioner.push({
        ...v,
        slag: 'v',
        manaderEfterAvslut: null,
        sysselsattning: null,
        fran: pad(v.fran),
        till: v.till === null ? null : pad(v.till),
      });
    }
    if (andrade.size === 0) return andrade;
    const uppfoljningar = (await this.dataSource.query(UPPFOLJNINGAR_SQL, [
      [...andrade.keys()],
      query.forbundId,
      insatser,
      now,
      query.fran,
      query.till,
    ])) as Pick<
      AndradRad,
      'deltagandeId' | 'insatsId' | 'manaderEfterAvslut' | 'sysselsattning' | 'fran'
    >[];
    for (const u of uppfoljningar) {
      andrade.get(u.deltagandeId)!.uppfoljningar.push({
        ...(u as unknown as AndradRad),
        slag: 'u',
        fran: pad(u.fran),
        till: null,
      });
    }
    return andrade;
  }
}
