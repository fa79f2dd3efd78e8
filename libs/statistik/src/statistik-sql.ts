/**
 * The report's SQL: three read-only statements that together give every table. The service
 * runs them side by side on three connections under one exported snapshot, so a report uses
 * both cores of a small machine and still reads one consistent state; none takes a
 * transaction id, so a long report never holds back the event store's readers.
 *
 * Named parameters (bound by TypeORM's driver): :forbund, :insatser (null = all), :fran,
 * :till, :asOf (null = now), :ar (the calendar years of the period, for årsmål),
 * :arbeteStudier (the avslutsorsaker that count as arbete or studier), :tidigast (the earliest
 * date any table looks at: fran, or 1 January of the first year), :egnaFonster (the years
 * whose måluppfyllelse window differs from the period), :ekonomiAr (the first year, when its
 * window for ekonomi — the calendar year within the period — is neither the period nor its
 * måluppfyllelse window; else null). With `urval`, only the deltaganden :deltaganden (uuid[])
 * count: the part of a report that some deltaganden make up (`forandringar`); goals, volym,
 * årsmål and ekonomi are still the whole förbund's.
 */
const valid = (alias: string, asOf: boolean): string =>
  asOf
    ? `${alias}.recorded_from <= :asOf AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > :asOf)`
    : `${alias}.recorded_to IS NULL`;

/**
 * The versions of deltagande facts valid at :asOf, as a table: the current ones recorded by
 * then and the superseded ones still valid then, apart. Each part is read by an index-only
 * scan of a covering partial index (`deltagande_fakta_period_nu` on the current versions,
 * `deltagande_fakta_period_fore`, keyed by recorded_to, on the superseded ones); as one
 * condition with OR the planner could use neither and read every version's heap page (at
 * full scale the asOf report's slowest part). Only the columns the indexes hold (a `SELECT *`
 * part is no index-only scan). Without asOf, the current versions (add `recorded_to IS NULL`).
 */
const FAKTA_KOLUMNER = `forbund_id, insats_id, deltagande_id, person_key, kon, fodelsear, kommun,
  remittent, remittent_enhet, remiss_datum, aterremiss_datum, inskrivning_datum, avslut_datum,
  avslutsorsak, forsorjning_in, forsorjning_ut, slut_datum`;
const deltagandeFakta = (asOf: boolean): string =>
  asOf
    ? `(SELECT ${FAKTA_KOLUMNER} FROM deltagande_fakta
        WHERE recorded_to IS NULL AND recorded_from <= :asOf
        UNION ALL
        SELECT ${FAKTA_KOLUMNER} FROM deltagande_fakta
        WHERE recorded_to > :asOf AND recorded_from <= :asOf)`
    : 'deltagande_fakta';

/** The condition that completes `deltagandeFakta` (alias d). */
const aktuellVersion = (asOf: boolean): string => (asOf ? 'TRUE' : 'd.recorded_to IS NULL');

/**
 * The measures of DESIGN.md over columns i (inskrivning), a (avslut), remiss_datum and
 * aterremiss_datum, between the dates `fran` and `till` (SQL expressions): one definition
 * for the report, the drill-down to the deltaganden behind a count, and a goal's own period.
 */
const mattOver = (fran: string, till: string) =>
  ({
    aktuella: `(i <= ${till} AND (a IS NULL OR a >= ${fran}))`,
    nya: `(i BETWEEN ${fran} AND ${till})`,
    overforda: `(i < ${fran} AND (a IS NULL OR a >= ${fran}))`,
    avslutade: `(a BETWEEN ${fran} AND ${till})`,
    pagaende: `(i <= ${till} AND (a IS NULL OR a > ${till}))`,
    mottagna: `(remiss_datum BETWEEN ${fran} AND ${till})`,
    aterremitterade: `(aterremiss_datum BETWEEN ${fran} AND ${till})`,
    vantande: `(remiss_datum <= ${till} AND (i IS NULL OR i > ${till})
    AND (aterremiss_datum IS NULL OR aterremiss_datum > ${till}))`,
  }) as const;

/** The measures over the report's period, :fran and :till. */
export const MATT_SQL = mattOver(':fran::date', ':till::date');
export type Matt = keyof typeof MATT_SQL;
export const MATT = Object.keys(MATT_SQL) as Matt[];

/** Only the deltaganden :deltaganden, when `urval` (see above). */
const urvalAv = (alias: string, urval: boolean): string =>
  urval ? ` AND ${alias}.deltagande_id = ANY(:deltaganden::uuid[])` : '';

/** The deltaganden of the förbund (and insatser) that touch [from, :till], as valid then. */
const fakta = (
  asOf: boolean,
  from: string,
  urval = false,
): string => `FROM ${deltagandeFakta(asOf)} d
  WHERE d.forbund_id = :forbund AND (:insatser::uuid[] IS NULL OR d.insats_id = ANY(:insatser::uuid[]))
    AND d.remiss_datum <= :till::date AND d.slut_datum >= ${from}::date AND ${aktuellVersion(asOf)}${urvalAv('d', urval)}`;

/**
 * The deltaganden behind one count: ids and codes only. Parameters as the report's,
 * :kon (null = all) and :radgrans (the most rows to return).
 */
export const underlagSql = (asOf: boolean, matt: Matt): string => `
SELECT deltagande_id AS "deltagandeId", insats_id AS "insatsId", kon, fodelsear, kommun, remittent,
       remiss_datum AS "remissDatum", i AS "inskrivningDatum", a AS "avslutDatum", avslutsorsak
FROM (
  SELECT d.*, d.inskrivning_datum AS i, d.avslut_datum AS a
  ${fakta(asOf, ':fran')} AND (:kon::text IS NULL OR d.kon = :kon::text)
) f
WHERE ${MATT_SQL[matt]}
ORDER BY remiss_datum, deltagande_id
LIMIT :radgrans::int`;

/** A remiss mottagen in the period that led to an inskrivning by the period's end. */
const KOMMUN_INSKRIVNA_SQL = `(${MATT_SQL.mottagna} AND i <= :till::date)`;

const json = (select: string): string => `(SELECT coalesce(json_agg(x), '[]') FROM (${select}) x)`;

/**
 * The flow: deltagare by kön and ålder, unika personer, remisser by remittent and kommun,
 * the kommun table and nya by remittent and enhet.
 * Everything but unika personer adds up over insatser, so the statement groups per insats
 * and the förbund's totals are summed from those rows. One pass counts every measure by
 * insats, kön and ålder; the per-kön table sums it and the age table reads it.
 */
const deltagareSql = (asOf: boolean, urval: boolean): string => `
WITH f AS MATERIALIZED (
  SELECT d.insats_id, d.person_key, d.person_key <> d.deltagande_id::text AS registrerad, d.kon,
         d.kommun, d.remittent, d.remittent_enhet, d.remiss_datum, d.aterremiss_datum,
         d.inskrivning_datum AS i, d.avslut_datum AS a,
         extract(year FROM d.inskrivning_datum)::int - d.fodelsear AS alder
  ${fakta(asOf, ':fran', urval)}
),
ka AS MATERIALIZED (
  SELECT insats_id, kon, alder,
    count(*) FILTER (WHERE ${MATT_SQL.aktuella}) AS aktuella,
    count(*) FILTER (WHERE ${MATT_SQL.nya}) AS nya,
    count(*) FILTER (WHERE ${MATT_SQL.overforda}) AS overforda,
    count(*) FILTER (WHERE ${MATT_SQL.avslutade}) AS avslutade,
    count(*) FILTER (WHERE ${MATT_SQL.pagaende}) AS pagaende,
    count(*) FILTER (WHERE ${MATT_SQL.mottagna}) AS mottagna,
    count(*) FILTER (WHERE ${MATT_SQL.aterremitterade}) AS aterremitterade,
    count(*) FILTER (WHERE ${MATT_SQL.vantande}) AS vantande,
    count(*) FILTER (WHERE ${MATT_SQL.aktuella} AND NOT registrerad) AS egna_personer
  FROM f GROUP BY insats_id, kon, alder
),
-- The insatser's grupp as known then: a grupp's unika personer are counted in the same pass.
g AS (
  SELECT gi.insats_id, gi.grupp FROM insats_fakta gi
  WHERE gi.forbund_id = :forbund AND gi.grupp IS NOT NULL AND ${valid('gi', asOf)}
),
-- Distinct persons: a deltagande without a registered person is a person of its own, so
-- only the few registered ones go through the (sorting) distinct count, by kön and in all,
-- for the förbund and for each grupp.
reg AS MATERIALIZED (
  SELECT f.kon, g.grupp, grouping(f.kon) AS alla, grouping(g.grupp) AS forbund,
         count(DISTINCT f.person_key) AS personer
  FROM f LEFT JOIN g ON g.insats_id = f.insats_id
  WHERE ${MATT_SQL.aktuella} AND f.registrerad
  GROUP BY GROUPING SETS ((f.kon), (), (g.grupp, f.kon), (g.grupp))
),
-- Remisser and deltagare by remittent, its enhet and kommun, in one pass: by remittent the
-- mottagna and nya, by kommun the mottagna (for the remisser table) and the kommun table, by
-- enhet the nya. Per kommun, inskrivna are the mottagna inskrivna by the period's end.
rk AS MATERIALIZED (
  SELECT insats_id, kon, remittent, remittent_enhet, kommun,
    count(*) FILTER (WHERE ${MATT_SQL.mottagna}) AS mottagna,
    count(*) FILTER (WHERE ${MATT_SQL.aterremitterade}) AS aterremitterade,
    count(*) FILTER (WHERE ${KOMMUN_INSKRIVNA_SQL}) AS inskrivna,
    count(*) FILTER (WHERE ${MATT_SQL.aktuella}) AS aktuella,
    count(*) FILTER (WHERE ${MATT_SQL.nya}) AS nya
  FROM f WHERE ${MATT_SQL.mottagna} OR ${MATT_SQL.aterremitterade} OR ${MATT_SQL.aktuella}
  GROUP BY insats_id, kon, remittent, remittent_enhet, kommun
)
SELECT json_build_object(
  'perKon', ${json(`SELECT insats_id, kon, sum(aktuella)::bigint AS aktuella, sum(nya)::bigint AS nya,
      sum(overforda)::bigint AS overforda, sum(avslutade)::bigint AS avslutade,
      sum(pagaende)::bigint AS pagaende, sum(mottagna)::bigint AS mottagna,
      sum(aterremitterade)::bigint AS aterremitterade, sum(vantande)::bigint AS vantande,
      sum(egna_personer)::bigint AS egna_personer
    FROM ka GROUP BY insats_id, kon`)},
  'alder', ${json(`SELECT insats_id, kon, alder, aktuella, nya
    FROM ka WHERE alder IS NOT NULL AND (aktuella > 0 OR nya > 0)`)},
  'registrerade', ${json(`SELECT kon, personer FROM reg WHERE alla = 0 AND forbund = 1`)},
  'registreradeTotalt', coalesce((SELECT personer FROM reg WHERE alla = 1 AND forbund = 1), 0),
  'registreradePerGrupp', ${json(`SELECT grupp, CASE WHEN alla = 0 THEN kon END AS kon, personer
    FROM reg WHERE forbund = 0 AND grupp IS NOT NULL`)},
  'remittent', ${json(`SELECT insats_id, remittent, kon, sum(mottagna)::bigint AS mottagna,
      sum(nya)::bigint AS nya
    FROM rk GROUP BY insats_id, remittent, kon`)},
  'kommun', ${json(`SELECT insats_id, kommun, kon, sum(mottagna)::bigint AS mottagna
    FROM rk GROUP BY insats_id, kommun, kon HAVING sum(mottagna) > 0`)},
  'kommuner', ${json(`SELECT insats_id, kommun, kon, sum(mottagna)::bigint AS mottagna,
      sum(aterremitterade)::bigint AS aterremitterade, sum(inskrivna)::bigint AS inskrivna,
      sum(aktuella)::bigint AS aktuella, sum(nya)::bigint AS nya
    FROM rk GROUP BY insats_id, kommun, kon`)},
  -- The enhet as written; the assembly folds case, where Unicode's rules apply to å, ä and ö.
  'enhet', ${json(`SELECT insats_id, remittent, remittent_enhet AS enhet, sum(nya)::bigint AS nya
    FROM rk GROUP BY insats_id, remittent, remittent_enhet HAVING sum(nya) > 0`)}
) AS aggregat`;

/**
 * Måluppfyllelse's result per calendar year, for the years (:egnaFonster) whose window is not
 * the period itself; for a full-year report it is empty and the year's result is the period's.
 * A deltagande is paired only with the windows it is aktuell in (so every count is of the
 * pairs): a join with the few windows, each pair tested in the join itself. Pairing it through
 * a generate_series of its years per row (a function call and a subquery per deltagande) was
 * half of the comparison period's statement at full scale (jamfor=foregaende of a leap year:
 * two calendar years); pairing it with every year and filtering in the counts made 4 million
 * pairs for a ten-year period.
 * Ekonomi divides by the calendar year within the period: the same window but for a first
 * year starting after 1 January (:ekonomiAr), counted as `slag` 'ekonomi'.
 */
const arSql = `SELECT insats_id, y.ar, y.slag,
      count(*) AS aktuella,
      count(*) FILTER (WHERE i BETWEEN y.fran AND y.till) AS nya,
      count(*) FILTER (WHERE a BETWEEN y.fran AND y.till) AS avslutade,
      count(*) FILTER (WHERE a BETWEEN y.fran AND y.till AND avslutsorsak = ANY(:arbeteStudier::text[]))
        AS arbete_studier
    FROM f JOIN (
      SELECT ar, 'ar' AS slag, make_date(ar, 1, 1) AS fran,
             least(make_date(ar, 12, 31), :till::date) AS till
      FROM unnest(:egnaFonster::int[]) AS ar
      UNION ALL
      SELECT :ekonomiAr::int, 'ekonomi', :fran::date, make_date(:ekonomiAr::int, 12, 31)
      WHERE :ekonomiAr::int IS NOT NULL) y
    ON f.i <= y.till AND (f.a IS NULL OR f.a >= y.fran)
    -- Without such windows (a report within one calendar year) no row is paired at all.
    WHERE cardinality(:egnaFonster::int[]) > 0 OR :ekonomiAr::int IS NOT NULL
    GROUP BY insats_id, y.ar, y.slag`;

/**
 * The goals (mål) whose period overlaps the report's, of its insatser, grupper and the
 * förbund as a whole, as known at asOf; and the distinct windows over which their utfall is
 * counted: from the goal's fran to its till or the report's, whichever comes first. A window
 * that is the report's period takes the period's own counts; `alla` marks a window of a
 * grupp's or the förbund's goal (every insats counts), else only the insatser listed.
 */
const malSql = (asOf: boolean): string => `mal AS MATERIALIZED (
  SELECT g.mal_id, g.insats_id, g.grupp, g.matt, g.fran, g.till, g.varde
  FROM mal_fakta g
  WHERE g.forbund_id = :forbund
    AND (g.insats_id IS NULL OR :insatser::uuid[] IS NULL OR g.insats_id = ANY(:insatser::uuid[]))
    AND g.fran <= :till::date AND g.till >= :fran::date AND ${valid('g', asOf)}
),
fonster AS MATERIALIZED (
  SELECT fran, least(till, :till::date) AS till, bool_or(insats_id IS NULL) AS alla,
         array_agg(insats_id) FILTER (WHERE insats_id IS NOT NULL) AS insatser
  FROM mal GROUP BY fran, least(till, :till::date)
  HAVING NOT (fran = :fran::date AND least(till, :till::date) = :till::date)
)`;

/**
 * The goal windows' boundaries: every window's fran and the day after its till, in order.
 * A date's place among them (width_bucket: how many boundaries are at or before it) tells on
 * which side of every window's ends it lies, so the deltaganden can be counted by their
 * places instead of one by one against each window.
 */
const MAL_GRANSER_SQL = `mal_granser AS MATERIALIZED (
  SELECT array_agg(dag ORDER BY dag) AS granser
  FROM (SELECT fran AS dag FROM fonster UNION SELECT till + 1 FROM fonster) x
)`;

/**
 * The deltaganden any goal window counts, read once (one index range scan from the earliest
 * window's fran to the latest's till) and counted by insats, avslutsorsak and the places of
 * their remiss, slut, inskrivning and avslut among the windows' boundaries: a few hundred
 * groups where there were about 138,000 deltaganden at full scale, each of which was joined
 * to every window and tested there. Only inskrivna of the insatser some window counts, unless
 * one counts every insats. A report with no goal beyond its period has no window and reads
 * nothing.
 */
const malDeltagandenSql = (
  asOf: boolean,
  urval: boolean,
): string => `mal_deltaganden AS MATERIALIZED (
  SELECT d.insats_id, d.avslutsorsak,
         width_bucket(d.remiss_datum, g.granser) AS br, width_bucket(d.slut_datum, g.granser) AS bs,
         width_bucket(d.inskrivning_datum, g.granser) AS bi,
         width_bucket(d.avslut_datum, g.granser) AS ba, count(*) AS antal
  FROM ${deltagandeFakta(asOf)} d, mal_granser g
  WHERE d.forbund_id = :forbund
    AND (:insatser::uuid[] IS NULL OR d.insats_id = ANY(:insatser::uuid[]))
    AND d.remiss_datum <= (SELECT max(till) FROM fonster)
    AND d.slut_datum >= (SELECT min(fran) FROM fonster) AND ${aktuellVersion(asOf)}${urvalAv('d', urval)}
    AND d.inskrivning_datum IS NOT NULL
    AND ((SELECT bool_or(alla) FROM fonster)
      OR d.insats_id = ANY(ARRAY(SELECT unnest(insatser) FROM fonster)))
  GROUP BY 1, 2, 3, 4, 5, 6
)`;

/**
 * Each goal window's aktuella, nya and avslutade (by avslutsorsak) per insats, with the
 * report's own measures over the window's dates, read from the deltaganden's places among
 * the boundaries: with pf the place of the window's fran and pt that of the day after its
 * till, a date is at or after fran when its place is at least pf, and at or before till when
 * its place is below pt (a missing avslut has no place: NULL, as the measures treat it).
 */
const MAL_UTFALL_SQL = `SELECT w.fran, w.till, d.insats_id,
      CASE WHEN d.ba >= w.pf AND d.ba < w.pt THEN d.avslutsorsak END AS avslutsorsak,
      sum(d.antal)::bigint AS aktuella,
      coalesce(sum(d.antal) FILTER (WHERE d.bi >= w.pf AND d.bi < w.pt), 0)::bigint AS nya,
      coalesce(sum(d.antal) FILTER (WHERE d.ba >= w.pf AND d.ba < w.pt), 0)::bigint AS avslutade
    FROM mal_deltaganden d
    JOIN (SELECT f.*, array_position(g.granser, f.fran) AS pf,
                 array_position(g.granser, f.till + 1) AS pt
          FROM fonster f, mal_granser g) w
      ON d.br < w.pt AND d.bs >= w.pf AND (w.alla OR d.insats_id = ANY(w.insatser))
    WHERE d.bi < w.pt AND (d.ba IS NULL OR d.ba >= w.pf)
    GROUP BY w.fran, w.till, d.insats_id, 4`;

/**
 * The outcomes: kötid and tid i insats, avslutsorsak, försörjning, måluppfyllelse per year,
 * uppföljning, volym and årsmål. The avslutade are set apart once for the three tables that
 * read only them.
 */
const utfallSql = (asOf: boolean, urval: boolean): string => `
WITH f AS MATERIALIZED (
  SELECT d.insats_id, d.kon, d.remiss_datum, d.inskrivning_datum AS i, d.avslut_datum AS a,
         d.slut_datum AS slut, d.avslutsorsak, d.forsorjning_in, d.forsorjning_ut
  ${fakta(asOf, ':tidigast', urval)}
    -- Without years of their own (:egnaFonster), only the nya and avslutade count here.
    AND (cardinality(:egnaFonster::int[]) > 0
      OR d.inskrivning_datum BETWEEN :fran::date AND :till::date
      OR d.avslut_datum BETWEEN :fran::date AND :till::date)
),
avslutade AS MATERIALIZED (
  SELECT insats_id, kon, a - i AS tid, avslutsorsak, forsorjning_in, forsorjning_ut
  FROM f WHERE slut >= :fran::date AND ${MATT_SQL.avslutade}
),
-- Försörjning at inskrivning and at avslut, and the transitions, all come from the few
-- distinct (before, after) combinations.
fore_efter AS MATERIALIZED (
  SELECT insats_id, kon, forsorjning_in AS fore, forsorjning_ut AS efter, count(*) AS antal
  FROM avslutade GROUP BY insats_id, kon, forsorjning_in, forsorjning_ut
),
${malSql(asOf)}
SELECT json_build_object(
  'mal', ${json(`SELECT mal_id, insats_id, grupp, matt, fran, till, varde FROM mal`)},
  -- Day counts as histograms: mean and median come from them exactly, without sorting rows.
  'dagar', ${json(`SELECT insats_id, 'kotid' AS matt, i - remiss_datum AS dagar, count(*) AS antal
    FROM f WHERE slut >= :fran::date AND ${MATT_SQL.nya} GROUP BY insats_id, i - remiss_datum
    UNION ALL
    SELECT insats_id, 'tid' AS matt, tid AS dagar, count(*) AS antal
    FROM avslutade GROUP BY insats_id, tid`)},
  'avslutsorsak', ${json(`SELECT insats_id, avslutsorsak, kon, count(*) AS antal
    FROM avslutade GROUP BY insats_id, avslutsorsak, kon`)},
  'forsorjning', ${json(`SELECT insats_id, kon, 'inskrivning' AS vid, kod, sum(antal)::bigint AS antal
    FROM fore_efter, unnest(fore) AS kod GROUP BY insats_id, kon, kod
    UNION ALL
    SELECT insats_id, kon, 'avslut' AS vid, kod, sum(antal)::bigint AS antal
    FROM fore_efter, unnest(efter) AS kod GROUP BY insats_id, kon, kod`)},
  -- Each pair of codes before and after, once per deltagande.
  'overgangar', ${json(`SELECT insats_id, fran, till, sum(antal)::bigint AS antal
    FROM fore_efter, unnest(fore) AS fran, unnest(efter) AS till GROUP BY insats_id, fran, till`)},
  'ar', ${json(arSql)},
  'uppfoljning', ${json(`SELECT u.insats_id, u.manader_efter_avslut, u.sysselsattning, d.kon, count(*) AS antal
    FROM uppfoljning_fakta u
    JOIN deltagande_fakta d ON d.deltagande_id = u.deltagande_id AND ${valid('d', asOf)}
    WHERE u.forbund_id = :forbund AND (:insatser::uuid[] IS NULL OR u.insats_id = ANY(:insatser::uuid[]))
      AND u.datum BETWEEN :fran::date AND :till::date ${asOf ? 'AND u.recorded_at <= :asOf' : ''}${urvalAv('u', urval)}
    GROUP BY u.insats_id, u.manader_efter_avslut, u.sysselsattning, d.kon`)},
  'volym', ${json(`SELECT insats_id, sum(kvinnor) AS kvinnor, sum(man) AS man, sum(ej_angivet) AS ej_angivet
    FROM volym_fakta v
    WHERE v.forbund_id = :forbund AND (:insatser::uuid[] IS NULL OR v.insats_id = ANY(:insatser::uuid[]))
      AND v.datum BETWEEN :fran::date AND :till::date ${asOf ? 'AND v.recorded_at <= :asOf' : ''}
    GROUP BY insats_id`)},
  'arsmal', ${json(`SELECT m.insats_id, m.ar, m.deltagare, m.nya_deltagare, m.andel_arbete_studier
    FROM arsmal_fakta m
    WHERE m.forbund_id = :forbund AND (:insatser::uuid[] IS NULL OR m.insats_id = ANY(:insatser::uuid[]))
      AND m.ar = ANY(:ar::int[]) AND ${valid('m', asOf)}`)},
  'ekonomi', ${json(`SELECT e.insats_id, e.ar, e.budget, e.kostnad
    FROM ekonomi_fakta e
    WHERE e.forbund_id = :forbund AND (:insatser::uuid[] IS NULL OR e.insats_id = ANY(:insatser::uuid[]))
      AND e.ar = ANY(:ar::int[]) AND ${valid('e', asOf)}`)}
) AS aggregat`;

/**
 * The goal windows' utfall (malUtfall), a statement of its own so that it runs on a third
 * connection beside the other two: at full scale it read and joined about 138,000 deltaganden
 * (a third of the outcomes statement), which ran after the rest of that statement.
 */
const malUtfallStatementSql = (asOf: boolean, urval: boolean): string => `
WITH ${malSql(asOf)},
${MAL_GRANSER_SQL},
${malDeltagandenSql(asOf, urval)}
SELECT json_build_object('malUtfall', ${json(MAL_UTFALL_SQL)}) AS aggregat`;

/** The insatser of the report with namn, grupp and ordning as known then, in the förbund's order. */
export const insatserSql = (
  asOf: boolean,
): string => `SELECT i.insats_id AS id, i.namn, i.grupp, i.ordning
  FROM insats_fakta i
  WHERE i.forbund_id = :forbund AND (:insatser::uuid[] IS NULL OR i.insats_id = ANY(:insatser::uuid[]))
    AND ${valid('i', asOf)}
  ORDER BY i.ordning NULLS LAST, i.namn, i.insats_id`;

/**
 * The report's three statements (flow, outcomes, goal windows), run side by side; each returns
 * one row with one JSON column, `aggregat`. With `urval`, only the deltaganden :deltaganden
 * count (see above).
 */
export const statistikSql = (asOf: boolean, urval = false): readonly [string, string, string] => [
  deltagareSql(asOf, urval),
  utfallSql(asOf, urval),
  malUtfallStatementSql(asOf, urval),
];

/**
 * The report's `totalt` deltagare and remisser counts by kön (as `deltagareSql` counts them)
 * of some of the förbund's versions: `tillagda`, the current versions recorded after :asOf;
 * `borttagna`, the superseded ones valid at :asOf. Versions valid both then and now count the
 * same on both sides, so the counts as of :asOf and now differ exactly where these two do.
 * Each is read through its covering index. Parameters as the report's, :asOf required.
 */
export const totalerSedanSql = (del: 'tillagda' | 'borttagna'): string => `
SELECT kon, ${MATT.map((matt) => `count(*) FILTER (WHERE ${MATT_SQL[matt]})::int AS ${matt}`).join(', ')}
FROM (
  SELECT d.kon, d.remiss_datum, d.aterremiss_datum, d.inskrivning_datum AS i, d.avslut_datum AS a
  FROM deltagande_fakta d
  WHERE d.forbund_id = :forbund AND ${
    del === 'tillagda'
      ? 'd.recorded_to IS NULL AND d.recorded_from > :asOf'
      : 'd.recorded_to > :asOf AND d.recorded_from <= :asOf'
  }
    AND (:insatser::uuid[] IS NULL OR d.insats_id = ANY(:insatser::uuid[]))
    AND d.remiss_datum <= :till::date AND d.slut_datum >= :fran::date
) x
GROUP BY kon`;
