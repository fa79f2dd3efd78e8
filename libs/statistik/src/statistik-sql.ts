/**
 * One read-only statement per report: it takes no transaction id, so a long report never
 * holds back the event store's readers, and every table comes from one snapshot.
 *
 * Parameters: $1 förbund, $2 insatser (null = all), $3 fran, $4 till, $5 asOf (null = now),
 * $6 the calendar years of the period (for årsmål), $7 the avslutsorsaker that count as
 * arbete or studier, $8 the earliest date any table looks at (fran, or 1 January of the first
 * year), $9 the years whose måluppfyllelse window differs from the period.
 */
const valid = (alias: string, asOf: boolean, asOfParam = '$5'): string =>
  asOf
    ? `${alias}.recorded_from <= ${asOfParam} AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > ${asOfParam})`
    : `${alias}.recorded_to IS NULL`;

/**
 * The measures of DESIGN.md over columns i (inskrivning), a (avslut), remiss_datum and
 * aterremiss_datum, with $3 fran and $4 till: one definition for the report and for the
 * drill-down to the deltaganden behind a count.
 */
export const MATT_SQL = {
  aktuella: `(i <= $4::date AND (a IS NULL OR a >= $3::date))`,
  nya: `(i BETWEEN $3::date AND $4::date)`,
  overforda: `(i < $3::date AND (a IS NULL OR a >= $3::date))`,
  avslutade: `(a BETWEEN $3::date AND $4::date)`,
  pagaende: `(i <= $4::date AND (a IS NULL OR a > $4::date))`,
  mottagna: `(remiss_datum BETWEEN $3::date AND $4::date)`,
  aterremitterade: `(aterremiss_datum BETWEEN $3::date AND $4::date)`,
  vantande: `(remiss_datum <= $4::date AND (i IS NULL OR i > $4::date)
    AND (aterremiss_datum IS NULL OR aterremiss_datum > $4::date))`,
} as const;
export type Matt = keyof typeof MATT_SQL;
export const MATT = Object.keys(MATT_SQL) as Matt[];

/**
 * The deltaganden behind one count: ids and codes only. Parameters: $1 förbund, $2 insatser,
 * $3 fran, $4 till, $5 kön (null = all), and $6 asOf in the as-of variant.
 */
export const underlagSql = (asOf: boolean, matt: Matt): string => `
SELECT deltagande_id AS "deltagandeId", insats_id AS "insatsId", kon, fodelsear, kommun, remittent,
       remiss_datum AS "remissDatum", i AS "inskrivningDatum", a AS "avslutDatum", avslutsorsak
FROM (
  SELECT d.*, d.inskrivning_datum AS i, d.avslut_datum AS a
  FROM deltagande_fakta d
  WHERE d.forbund_id = $1 AND ($2::uuid[] IS NULL OR d.insats_id = ANY($2::uuid[]))
    AND d.remiss_datum <= $4::date AND d.slut_datum >= $3::date AND ${valid('d', asOf, '$6')}
    AND ($5::text IS NULL OR d.kon = $5::text)
) f
WHERE ${MATT_SQL[matt]}
ORDER BY remiss_datum, deltagande_id`;

/**
 * Everything but the medians and unika personer adds up over insatser, so the statement
 * groups per insats and the förbund's totals are summed from those rows.
 */
/**
 * Måluppfyllelse's result per calendar year, for the years ($9) whose window is not the
 * period itself; for a full-year report $9 is empty and the year's result is the period's.
 */
const YEARS_SQL = `  'ar', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, y.ar,
      count(*) FILTER (WHERE i <= y.till AND (a IS NULL OR a >= y.fran)) AS aktuella,
      count(*) FILTER (WHERE i BETWEEN y.fran AND y.till) AS nya,
      count(*) FILTER (WHERE a BETWEEN y.fran AND y.till) AS avslutade,
      count(*) FILTER (WHERE a BETWEEN y.fran AND y.till AND avslutsorsak = ANY($7::text[]))
        AS arbete_studier
    FROM f, (SELECT ar, make_date(ar, 1, 1) AS fran, least(make_date(ar, 12, 31), $4::date) AS till
             FROM unnest($9::int[]) AS ar) y
    GROUP BY insats_id, y.ar) x),
`;

export const statistikSql = (asOf: boolean): string => `
WITH f AS MATERIALIZED (
  SELECT d.insats_id, d.person_key, d.person_key <> d.deltagande_id::text AS registrerad, d.kon, d.kommun, d.remittent, d.remiss_datum,
         d.aterremiss_datum, d.inskrivning_datum AS i, d.avslut_datum AS a, d.avslutsorsak,
         d.forsorjning_in, d.forsorjning_ut,
         extract(year FROM d.inskrivning_datum)::int - d.fodelsear AS alder
  FROM deltagande_fakta d
  WHERE d.forbund_id = $1 AND ($2::uuid[] IS NULL OR d.insats_id = ANY($2::uuid[]))
    AND d.remiss_datum <= $4::date AND d.slut_datum >= $8::date AND ${valid('d', asOf)}
),
g AS NOT MATERIALIZED (
  SELECT f.*,
    ${MATT_SQL.aktuella} AS aktuell,
    ${MATT_SQL.nya} AS ny,
    ${MATT_SQL.overforda} AS overford,
    ${MATT_SQL.avslutade} AS avslutad,
    ${MATT_SQL.pagaende} AS pagaende,
    ${MATT_SQL.mottagna} AS mottagen,
    ${MATT_SQL.aterremitterade} AS aterremitterad,
    ${MATT_SQL.vantande} AS vantande
  FROM f
  WHERE remiss_datum <= $4::date AND (coalesce(a, aterremiss_datum, 'infinity'::date) >= $3::date)
)
SELECT json_build_object(
  'asOf', $5::timestamptz,
  'perKon', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, kon,
      count(*) FILTER (WHERE aktuell) AS aktuella, count(*) FILTER (WHERE ny) AS nya,
      count(*) FILTER (WHERE overford) AS overforda, count(*) FILTER (WHERE avslutad) AS avslutade,
      count(*) FILTER (WHERE pagaende) AS pagaende, count(*) FILTER (WHERE mottagen) AS mottagna,
      count(*) FILTER (WHERE aterremitterad) AS aterremitterade,
      count(*) FILTER (WHERE vantande) AS vantande,
      count(*) FILTER (WHERE aktuell AND NOT registrerad) AS egna_personer
    FROM g GROUP BY insats_id, kon) x),
  -- Distinct persons: a deltagande without a registered person is a person of its own, so
  -- only the few registered ones go through the (sorting) distinct count.
  'registrerade', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT kon, count(DISTINCT person_key) AS personer
    FROM g WHERE aktuell AND registrerad GROUP BY kon) x),
  'registreradeTotalt', (SELECT count(DISTINCT person_key) FROM g WHERE aktuell AND registrerad),
  'alder', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, kon, alder,
      count(*) FILTER (WHERE aktuell) AS aktuella, count(*) FILTER (WHERE ny) AS nya
    FROM g WHERE aktuell OR ny GROUP BY insats_id, kon, alder) x),
  'remittent', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, remittent, kon,
      count(*) FILTER (WHERE mottagen) AS mottagna, count(*) FILTER (WHERE ny) AS nya
    FROM g WHERE mottagen OR ny GROUP BY insats_id, remittent, kon) x),
  'kommun', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, kommun, kon, count(*) AS mottagna
    FROM g WHERE mottagen GROUP BY insats_id, kommun, kon) x),
  -- Day counts as histograms: mean and median come from them exactly, without sorting rows.
  'dagar', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, 'kotid' AS matt, i - remiss_datum AS dagar, count(*) AS antal
    FROM g WHERE ny GROUP BY insats_id, i - remiss_datum
    UNION ALL
    SELECT insats_id, 'tid' AS matt, a - i AS dagar, count(*) AS antal
    FROM g WHERE avslutad GROUP BY insats_id, a - i) x),
  'avslutsorsak', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, avslutsorsak, kon, count(*) AS antal
    FROM g WHERE avslutad GROUP BY insats_id, avslutsorsak, kon) x),
  -- Försörjning at inskrivning and at avslut, and the transitions, all come from the few
  -- distinct (before, after) combinations.
  'forsorjning', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, kon, forsorjning_in AS fore, forsorjning_ut AS efter, count(*) AS antal
    FROM g WHERE avslutad GROUP BY insats_id, kon, forsorjning_in, forsorjning_ut) x),
${YEARS_SQL}  'uppfoljning', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT u.insats_id, u.manader_efter_avslut, u.sysselsattning, d.kon, count(*) AS antal
    FROM uppfoljning_fakta u
    JOIN deltagande_fakta d ON d.deltagande_id = u.deltagande_id AND ${valid('d', asOf)}
    WHERE u.forbund_id = $1 AND ($2::uuid[] IS NULL OR u.insats_id = ANY($2::uuid[]))
      AND u.datum BETWEEN $3::date AND $4::date ${asOf ? 'AND u.recorded_at <= $5' : ''}
    GROUP BY u.insats_id, u.manader_efter_avslut, u.sysselsattning, d.kon) x),
  'volym', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT insats_id, sum(kvinnor) AS kvinnor, sum(man) AS man, sum(ej_angivet) AS ej_angivet
    FROM volym_fakta v
    WHERE v.forbund_id = $1 AND ($2::uuid[] IS NULL OR v.insats_id = ANY($2::uuid[]))
      AND v.datum BETWEEN $3::date AND $4::date ${asOf ? 'AND v.recorded_at <= $5' : ''}
    GROUP BY insats_id) x),
  'arsmal', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT m.insats_id, m.ar, m.deltagare, m.nya_deltagare, m.andel_arbete_studier
    FROM arsmal_fakta m
    WHERE m.forbund_id = $1 AND ($2::uuid[] IS NULL OR m.insats_id = ANY($2::uuid[]))
      AND m.ar = ANY($6::int[]) AND ${valid('m', asOf)}) x)
) AS aggregat`;
