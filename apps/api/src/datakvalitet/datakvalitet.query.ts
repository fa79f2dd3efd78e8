import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../commands/clock.js';
import { ForbiddenError } from '../http/application-errors.js';
import { ReportRecorder } from '../rapporter/report-recorder.js';
import { InsatsScope } from '../statistik/insats-scope.js';
import { ReportGate } from '../statistik/report-gate.js';
import {
  GRANSKADE_RAPPORTER,
  type AnvandarEfterslapningDto,
  type DatakvalitetDto,
  type DatakvalitetQueryDto,
  type DeltagandeUrvalDto,
  type EfterslapningDto,
  type InsatsKvalitetDto,
} from './datakvalitet.dto.js';

export class DatakvalitetQuery extends Query<DatakvalitetDto> {
  constructor(
    readonly params: DatakvalitetQueryDto,
    readonly user: AuthUser,
  ) {
    super();
  }
}

/** A remiss waits too long after this many days; an inskriven is inactive after these months. */
export const VANTAR_DAGAR = 60;
export const INAKTIV_MANADER = 12;
export const SEN_DAGAR = 30;

interface EfterslapningRow {
  insats_id: string;
  user_id: string | null;
  per_user: boolean;
  antal: number;
  median: number | null;
  p90: number | null;
  over30: number;
}

/** The insatser in the request's scope: `insatsIds` null means every insats of the förbund. */
interface Scope {
  readonly forbundId: string;
  readonly insatsIds: string[] | null;
  readonly fran: string;
  readonly till: string;
  readonly referensdatum: string;
}

const efterslapning = (row: EfterslapningRow | undefined): EfterslapningDto =>
  row
    ? {
        antal: row.antal,
        medianDagar: row.median,
        p90Dagar: row.p90,
        antalOver30: row.over30,
        andelOver30: row.over30 / row.antal,
      }
    : { antal: 0, medianDagar: null, p90Dagar: null, antalOver30: 0, andelOver30: null };

const urval = (ids: string[] | undefined): DeltagandeUrvalDto => ({
  antal: ids?.length ?? 0,
  deltagandeIds: ids ?? [],
});

/** Rows grouped by a key, in their order (one array per key, appended to, never copied). */
const groupBy = <R, V>(
  rows: readonly R[],
  key: (row: R) => string,
  value: (row: R) => V,
): Map<string, V[]> => {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
};

const groupIds = (rows: { insats_id: string; deltagande_id: string }[]): Map<string, string[]> =>
  groupBy(
    rows,
    (row) => row.insats_id,
    (row) => row.deltagande_id,
  );

/**
 * The data-quality view: plain SQL over the statistics read models (current fact versions,
 * volym and registreringar), one statement per figure, each reading only the förbund's rows
 * through its index.
 */
@QueryHandler(DatakvalitetQuery)
export class DatakvalitetHandler implements IQueryHandler<DatakvalitetQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: InsatsScope,
    private readonly gate: ReportGate,
    private readonly recorder: ReportRecorder,
    private readonly clock: Clock,
  ) {}

  execute(query: DatakvalitetQuery): Promise<DatakvalitetDto> {
    return this.gate.run(() => this.datakvalitet(query));
  }

  private async insatsIdsFor(
    params: DatakvalitetQueryDto,
    user: AuthUser,
  ): Promise<string[] | null> {
    const named = await this.scope.resolve(params.insats, user.forbundId);
    if (user.roll !== 'personal') return named ?? null;
    // Personal staff see their own insatser only.
    if (named?.some((id) => !user.insatser.includes(id))) throw new ForbiddenError();
    return named ?? [...user.insatser];
  }

  private async datakvalitet({ params, user }: DatakvalitetQuery): Promise<DatakvalitetDto> {
    const today = this.clock.today();
    const scope: Scope = {
      forbundId: user.forbundId,
      insatsIds: await this.insatsIdsFor(params, user),
      fran: params.fran,
      till: params.till,
      referensdatum: params.till < today ? params.till : today,
    };
    // The figures' statements and the recorded reports' comparison (a report made now) side
    // by side: each reads the förbund's rows once, and one after the other they left a core
    // idle.
    const [insatser, lagRows, vantandeRows, inaktivaRows, saknade, konfliktRows, emails, compared] =
      await Promise.all([
        this.dataSource.query(
          `SELECT id, namn, matmetod FROM insats
           WHERE forbund_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
           ORDER BY ordning NULLS LAST, namn, id`,
          [scope.forbundId, scope.insatsIds],
        ) as Promise<{ id: string; namn: string; matmetod: string }[]>,
        this.efterslapning(scope),
        this.vantandeRemisser(scope),
        this.inaktivaInskrivna(scope),
        this.saknadeVolymManader(scope),
        this.personkonflikter(scope),
        user.roll === 'admin' ? this.emails(user.forbundId) : undefined,
        user.roll === 'personal'
          ? undefined
          : this.recorder.compared(
              scope.forbundId,
              {
                fran: scope.fran,
                till: scope.till,
                ...(scope.insatsIds ? { insatsIds: scope.insatsIds } : {}),
              },
              GRANSKADE_RAPPORTER,
            ),
      ]);
    const lag = groupBy(
      lagRows,
      (row) => row.insats_id,
      (row) => row,
    );
    const vantande = groupIds(vantandeRows);
    const inaktiva = groupIds(inaktivaRows);
    const konflikter = groupIds(konfliktRows);

    const rows: InsatsKvalitetDto[] = insatser.map((insats) => {
      const own = lag.get(insats.id) ?? [];
      const perAnvandare: AnvandarEfterslapningDto[] | undefined = emails
        ? own
            .filter((row) => row.per_user)
            .map((row) => ({
              anvandareId: row.user_id!,
              email: emails.get(row.user_id!) ?? null,
              ...efterslapning(row),
            }))
            .sort((a, b) => (a.email ?? '\uffff').localeCompare(b.email ?? '\uffff', 'sv'))
        : undefined;
      return {
        insatsId: insats.id,
        namn: insats.namn,
        matmetod: insats.matmetod,
        efterslapning: efterslapning(own.find((row) => !row.per_user)),
        ...(perAnvandare ? { perAnvandare } : {}),
        vantandeRemisser: urval(vantande.get(insats.id)),
        inaktivaInskrivna: urval(inaktiva.get(insats.id)),
        saknadeVolymManader: insats.matmetod === 'volym' ? (saknade.get(insats.id) ?? []) : null,
        personkonflikter: urval(konflikter.get(insats.id)),
      };
    });
    const result: DatakvalitetDto = {
      fran: scope.fran,
      till: scope.till,
      referensdatum: scope.referensdatum,
      insatser: rows,
    };
    if (!compared) return result;
    return {
      ...result,
      granskadeRapporter: compared.length,
      andradeRapporter: compared
        .filter((row) => row.andradSedan)
        .map((row) => ({
          id: row.id,
          skapad: row.skapad,
          fran: row.period.fran,
          till: row.period.till,
          insatser: row.insatser,
          asOf: row.asOf,
          format: row.format,
          lank: `/rapporter/${row.id}/andringar`,
        })),
    };
  }

  /** Days from business date to recording (Swedish calendar), per insats and per user too. */
  private efterslapning(scope: Scope): Promise<EfterslapningRow[]> {
    return this.dataSource.query(
      `SELECT insats_id, user_id, GROUPING(user_id) = 0 AS per_user, count(*)::int AS antal,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY dagar)::numeric, 1)::float8 AS median,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY dagar)::numeric, 1)::float8 AS p90,
         count(*) FILTER (WHERE dagar > ${SEN_DAGAR})::int AS over30
       FROM (SELECT insats_id, user_id,
               (recorded_at AT TIME ZONE 'Europe/Stockholm')::date - datum AS dagar
             FROM registrering_fakta
             WHERE forbund_id = $1 AND datum BETWEEN $2::date AND $3::date
               AND ($4::uuid[] IS NULL OR insats_id = ANY($4::uuid[]))) r
       GROUP BY GROUPING SETS ((insats_id), (insats_id, user_id))`,
      [scope.forbundId, scope.fran, scope.till, scope.insatsIds],
    );
  }

  /** Remisser that at the reference date have waited over 60 days for inskrivning or återremiss. */
  private vantandeRemisser(scope: Scope): Promise<{ insats_id: string; deltagande_id: string }[]> {
    return this.dataSource.query(
      `SELECT insats_id, deltagande_id FROM deltagande_fakta
       WHERE forbund_id = $1 AND recorded_to IS NULL AND slut_datum > $2::date
         AND remiss_datum < $2::date - ${VANTAR_DAGAR}
         AND (inskrivning_datum IS NULL OR inskrivning_datum > $2::date)
         AND ($3::uuid[] IS NULL OR insats_id = ANY($3::uuid[]))
       ORDER BY remiss_datum, deltagande_id`,
      [scope.forbundId, scope.referensdatum, scope.insatsIds],
    );
  }

  /**
   * Inskrivna at the reference date whose latest dated event (the inskrivning: an open
   * deltagande has no later one) lies more than 12 months back.
   */
  private inaktivaInskrivna(scope: Scope): Promise<{ insats_id: string; deltagande_id: string }[]> {
    return this.dataSource.query(
      `SELECT insats_id, deltagande_id FROM deltagande_fakta
       WHERE forbund_id = $1 AND recorded_to IS NULL AND slut_datum > $2::date
         AND inskrivning_datum < ($2::date - interval '${INAKTIV_MANADER} months')::date
         AND ($3::uuid[] IS NULL OR insats_id = ANY($3::uuid[]))
       ORDER BY inskrivning_datum, deltagande_id`,
      [scope.forbundId, scope.referensdatum, scope.insatsIds],
    );
  }

  /** Per volym insats, the months of the period it ran (up to the reference date) with no registration. */
  private async saknadeVolymManader(scope: Scope): Promise<Map<string, string[]>> {
    const rows: { insats_id: string; manad: string }[] = await this.dataSource.query(
      `SELECT i.id AS insats_id, to_char(m, 'YYYY-MM') AS manad
       FROM insats i
       CROSS JOIN LATERAL generate_series(
         date_trunc('month', greatest($2::date, i.startdatum::date)),
         date_trunc('month', least($3::date, coalesce(i.slutdatum::date, 'infinity'::date))),
         interval '1 month') AS m
       WHERE i.forbund_id = $1 AND i.matmetod = 'volym'
         AND ($4::uuid[] IS NULL OR i.id = ANY($4::uuid[]))
         AND NOT EXISTS (SELECT 1 FROM volym_fakta v
           WHERE v.forbund_id = $1 AND v.insats_id = i.id
             AND v.datum >= m::date AND v.datum < (m + interval '1 month')::date)
       ORDER BY i.id, m`,
      [scope.forbundId, scope.fran, scope.referensdatum, scope.insatsIds],
    );
    return groupBy(
      rows,
      (row) => row.insats_id,
      (row) => row.manad,
    );
  }

  /**
   * Deltaganden of a registered person (personId) whose kön or födelseår differs between them.
   * Both sides read only registered persons' versions (the partial index of them), as only
   * they can share a person: joined over every current version, the planner hashed all of them.
   */
  private personkonflikter(scope: Scope): Promise<{ insats_id: string; deltagande_id: string }[]> {
    return this.dataSource.query(
      `WITH konflikt AS (
         SELECT person_key FROM deltagande_fakta
         WHERE forbund_id = $1 AND recorded_to IS NULL AND person_key <> deltagande_id::text
         GROUP BY person_key
         HAVING count(DISTINCT kon) > 1 OR count(DISTINCT fodelsear) > 1)
       SELECT f.insats_id, f.deltagande_id FROM deltagande_fakta f JOIN konflikt k USING (person_key)
       WHERE f.forbund_id = $1 AND f.recorded_to IS NULL AND f.person_key <> f.deltagande_id::text
         AND ($2::uuid[] IS NULL OR f.insats_id = ANY($2::uuid[]))
       ORDER BY f.remiss_datum, f.deltagande_id`,
      [scope.forbundId, scope.insatsIds],
    );
  }

  private async emails(forbundId: string): Promise<Map<string, string>> {
    const rows: { id: string; email: string }[] = await this.dataSource.query(
      'SELECT id::text, email FROM app_user WHERE forbund_id = $1',
      [forbundId],
    );
    return new Map(rows.map((row) => [row.id, row.email]));
  }
}
