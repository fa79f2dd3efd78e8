import {
  decodeDeltagandeEvent,
  decodeInsatsEvent,
  evolveDeltagande,
  idFromStream,
  initialDeltagande,
  FORBUND_STREAM_PREFIX,
  INSATS_STREAM_PREFIX,
  decodeForbundEvent,
  type ForbundEvent,
  type MalBorttaget,
  type MalSatt,
  type Deltagande,
  type InsatsEvent,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';
import {
  DELTAGANDE_EVENT_TYPES,
  deltagandeId,
  deltagandenBefore,
  forbundOfDeltaganden,
} from '../deltagande/deltagande.projection.js';
import type { BatchScope, Projection } from '../runner/projection.js';

/** One version of a deltagande's statistical facts, valid from recordedFrom (until closed). */
interface FaktaVersion {
  deltagande_id: string;
  from_position: number;
  forbund_id: string;
  insats_id: string;
  person_key: string;
  kon: string;
  fodelsear: number;
  kommun: string;
  remiss_datum: string;
  remittent: string;
  /** As written (trimmed); the report groups it case-folded. */
  remittent_enhet: string | null;
  aterremiss_datum: string | null;
  inskrivning_datum: string | null;
  forsorjning_in: string[] | null;
  avslut_datum: string | null;
  avslutsorsak: string | null;
  forsorjning_ut: string[] | null;
  recorded_from: string;
  recorded_to: string | null;
  /** The position of the event that closed it (with recorded_to), null while open. */
  to_position: number | null;
}

/** The events the statistics read models are made of: no other event changes a report. */
export const STATISTIK_EVENT_TYPES: ReadonlySet<string> = new Set([
  ...DELTAGANDE_EVENT_TYPES,
  'VolymRegistrerad',
  'ArsmalSatt',
  'InsatsSkapad',
  'InsatsAndrad',
  'EkonomiSatt',
  // On an insats's stream and on the förbund's (a grupp's or the whole förbund's goals).
  'MalSatt',
  'MalBorttaget',
]);

/** Registrations, with the business date whose eftersläpning the data-quality view shows. */
const REGISTRERING_TYPES: ReadonlySet<string> = new Set([
  'RemissMottagen',
  'DeltagareInskriven',
  'RemissAterremitterad',
  'DeltagareAvslutad',
  'UppfoljningRegistrerad',
  'VolymRegistrerad',
]);

interface Registrering {
  position: number;
  forbund_id: string;
  insats_id: string;
  deltagande_id: string | null;
  typ: string;
  datum: string;
  recorded_at: string;
  user_id: string;
}

const registreringOf = (
  event: RecordedEvent,
  forbundId: string,
  insatsId: string,
  deltagandeId: string | null,
  recordedAt: string,
): Registrering | undefined => {
  const { datum } = event.data as { datum?: unknown };
  if (!REGISTRERING_TYPES.has(event.type) || typeof datum !== 'string') return undefined;
  return {
    position: event.position,
    forbund_id: forbundId,
    insats_id: insatsId,
    deltagande_id: deltagandeId,
    typ: event.type,
    datum,
    recorded_at: recordedAt,
    user_id: String(event.metadata.userId),
  };
};

/**
 * The migration that made the table may have filled it already from the same events. A typed
 * array per column, as for the versions: at national scale a million rows, which as a JSON
 * document cost the process its text and the server its parsing.
 */
const insertRegistreringar = async (tx: EntityManager, rows: Registrering[]): Promise<void> => {
  if (rows.length === 0) return;
  const column = <K extends keyof Registrering>(key: K): Registrering[K][] =>
    rows.map((row) => row[key]);
  await tx.query(
    `INSERT INTO registrering_fakta (position, forbund_id, insats_id, deltagande_id, typ, datum,
       recorded_at, user_id)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[],
       $6::date[], $7::timestamptz[], $8::text[])
     ON CONFLICT DO NOTHING`,
    [
      column('position'),
      column('forbund_id'),
      column('insats_id'),
      column('deltagande_id'),
      column('typ'),
      column('datum'),
      column('recorded_at'),
      column('user_id'),
    ],
  );
};

interface Uppfoljning {
  position: number;
  deltagande_id: string;
  forbund_id: string;
  insats_id: string | null;
  datum: string;
  manader_efter_avslut: number;
  sysselsattning: string;
  recorded_at: string;
}

const insertUppfoljningar = async (tx: EntityManager, rows: Uppfoljning[]): Promise<void> => {
  if (rows.length === 0) return;
  const column = <K extends keyof Uppfoljning>(key: K): Uppfoljning[K][] =>
    rows.map((row) => row[key]);
  await tx.query(
    `INSERT INTO uppfoljning_fakta (position, deltagande_id, forbund_id, insats_id, datum,
       manader_efter_avslut, sysselsattning, recorded_at)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[],
       $6::integer[], $7::text[], $8::timestamptz[])`,
    [
      column('position'),
      column('deltagande_id'),
      column('forbund_id'),
      column('insats_id'),
      column('datum'),
      column('manader_efter_avslut'),
      column('sysselsattning'),
      column('recorded_at'),
    ],
  );
};

/** What a report shows of an insats besides its numbers: one version per change. */
interface InsatsFakta {
  namn: string;
  grupp: string | null;
  ordning: number | null;
}

/** A version's statistical facts: all it holds besides when it was recorded. */
type Fakta = Omit<FaktaVersion, 'from_position' | 'recorded_from' | 'recorded_to' | 'to_position'>;

const faktaOf = (id: string, forbundId: string, state: Deltagande): Fakta | undefined => {
  // A makulerad deltagande counts nowhere; återremitterade count only as remisser.
  if (state.status === 'makulerad' || !state.person || !state.remiss || !state.insatsId) {
    return undefined;
  }
  return {
    deltagande_id: id,
    forbund_id: forbundId,
    insats_id: state.insatsId,
    person_key: state.person.personId ?? id,
    kon: state.person.kon,
    fodelsear: state.person.fodelsear,
    kommun: state.person.kommun,
    remiss_datum: state.remiss.datum,
    remittent: state.remiss.remittent,
    // Blank or missing is none: the report groups the nya by enhet.
    remittent_enhet: state.remiss.remittentEnhet?.trim() || null,
    aterremiss_datum: state.aterremiss?.datum ?? null,
    inskrivning_datum: state.inskrivning?.datum ?? null,
    forsorjning_in: state.inskrivning?.forsorjning ?? null,
    avslut_datum: state.avslut?.datum ?? null,
    avslutsorsak: state.avslut?.avslutsorsak ?? null,
    forsorjning_ut: state.avslut?.forsorjning ?? null,
  };
};

/**
 * A new open version, every property written in one literal: a spread of the facts followed by
 * three more properties made objects the engine keeps as dictionaries, and reading them back
 * column by column was a tenth of the process's catch-up time.
 */
const versionOf = (fakta: Fakta, fromPosition: number, recordedFrom: string): FaktaVersion => ({
  deltagande_id: fakta.deltagande_id,
  from_position: fromPosition,
  forbund_id: fakta.forbund_id,
  insats_id: fakta.insats_id,
  person_key: fakta.person_key,
  kon: fakta.kon,
  fodelsear: fakta.fodelsear,
  kommun: fakta.kommun,
  remiss_datum: fakta.remiss_datum,
  remittent: fakta.remittent,
  remittent_enhet: fakta.remittent_enhet,
  aterremiss_datum: fakta.aterremiss_datum,
  inskrivning_datum: fakta.inskrivning_datum,
  forsorjning_in: fakta.forsorjning_in,
  avslut_datum: fakta.avslut_datum,
  avslutsorsak: fakta.avslutsorsak,
  forsorjning_ut: fakta.forsorjning_ut,
  recorded_from: recordedFrom,
  recorded_to: null,
  to_position: null,
});

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((value, i) => value === b[i])
    : a === b;

/**
 * Whether two versions hold the same facts (flat values and arrays of codes). Called once per
 * command in catch-up, where node:util's isDeepStrictEqual costs four times as much (1.4 µs
 * against 0.4 µs a call): a national-scale catch-up took 89 s with it, 83 s with this.
 */
const sameFakta = (a: Fakta | undefined, b: Fakta | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : (Object.keys(a) as (keyof Fakta)[]).every((key) => sameValue(a[key], b[key]));

/**
 * The facts behind the period statistics, versioned by recording time so that a report can
 * be made "as known at" any moment. Reads each deltagande's state as it was before the batch
 * from the `deltagande` read model (once per batch, shared with DeltagandeProjection), so it
 * must run before DeltagandeProjection in the same transaction (readModelProjections orders
 * them).
 */
export class StatistikProjection implements Projection {
  readonly name = 'statistik';
  readonly handles: ReadonlySet<string> = STATISTIK_EVENT_TYPES;
  readonly tables = [
    'deltagande_fakta',
    'uppfoljning_fakta',
    'volym_fakta',
    'arsmal_fakta',
    'insats_fakta',
    'ekonomi_fakta',
    'mal_fakta',
    'registrering_fakta',
  ];

  async apply(
    events: readonly RecordedEvent[],
    tx: EntityManager,
    batch: BatchScope,
  ): Promise<void> {
    const deltagandeEvents = events.filter((e) => DELTAGANDE_EVENT_TYPES.has(e.type));
    if (deltagandeEvents.length > 0) await this.applyDeltagande(deltagandeEvents, tx, batch);
    const insatsEvents = events.filter((e) => e.streamId.startsWith(INSATS_STREAM_PREFIX));
    if (insatsEvents.length > 0) await this.applyInsats(insatsEvents, tx);
    for (const event of events) {
      const forbundId = idFromStream(event.streamId, FORBUND_STREAM_PREFIX);
      if (forbundId)
        await applyMal(tx, event, decodeForbundEvent(event), { forbundId, insatsId: null });
    }
  }

  private async applyDeltagande(
    events: readonly RecordedEvent[],
    tx: EntityManager,
    batch: BatchScope,
  ): Promise<void> {
    const before = await deltagandenBefore(tx, batch);
    const forbund = await forbundOfDeltaganden(tx, batch);
    /** Each deltagande's state as folded so far in this batch. */
    const states = new Map<string, Deltagande>();

    /** Versions in the database to close: deltagande id → when, and by which event. */
    const closings = new Map<string, { at: string; position: number }>();
    /** New versions; the last one per deltagande stays open. */
    const versions: FaktaVersion[] = [];
    const open = new Map<string, FaktaVersion>();
    const uppfoljningar: Uppfoljning[] = [];
    const registreringar: Registrering[] = [];

    /** The facts of each deltagande's open version (undefined: none open). */
    const openFakta = new Map<string, Fakta | undefined>();

    events.forEach((event, index) => {
      const id = deltagandeId(event);
      const prior = before.get(id);
      if (!openFakta.has(id)) {
        const forbundId = forbund.get(id);
        openFakta.set(id, forbundId && prior ? faktaOf(id, forbundId, prior.state) : undefined);
      }
      const decoded = decodeDeltagandeEvent(event);
      const state = evolveDeltagande(
        states.get(id) ?? prior?.state ?? initialDeltagande(),
        decoded,
      );
      states.set(id, state);
      const forbundId = forbund.get(id);
      if (!forbundId) return;
      const recordedAt = event.recordedAt.toISOString();
      const registrering = state.insatsId
        ? registreringOf(event, forbundId, state.insatsId, id, recordedAt)
        : undefined;
      if (registrering) registreringar.push(registrering);
      if (decoded.type === 'UppfoljningRegistrerad') {
        const { data } = decoded;
        uppfoljningar.push({
          position: event.position,
          deltagande_id: id,
          forbund_id: forbundId,
          insats_id: state.insatsId,
          datum: data.datum,
          manader_efter_avslut: data.manaderEfterAvslut,
          sysselsattning: data.sysselsattning,
          recorded_at: recordedAt,
        });
        return;
      }
      // The events of one command (e.g. remiss + direct inskrivning) become one version.
      const next = events[index + 1];
      if (
        next &&
        deltagandeId(next) === id &&
        next.metadata.causationId === event.metadata.causationId &&
        next.type !== 'UppfoljningRegistrerad'
      ) {
        return;
      }
      // A command that changes no fact a report reads (an utbildningsnivå completed later)
      // leaves the open version as it is: every report, as of any moment, reads the same facts
      // either way.
      const fakta = faktaOf(id, forbundId, state);
      const openBefore = openFakta.get(id);
      if (sameFakta(fakta, openBefore)) return;
      openFakta.set(id, fakta);
      const previous = open.get(id);
      if (previous) {
        previous.recorded_to = recordedAt;
        previous.to_position = event.position;
      } else if (openBefore) closings.set(id, { at: recordedAt, position: event.position });
      if (fakta) {
        const version = versionOf(fakta, event.position, recordedAt);
        versions.push(version);
        open.set(id, version);
      } else {
        open.delete(id);
      }
    });

    if (closings.size > 0) {
      await tx.query(
        `UPDATE deltagande_fakta f SET recorded_to = c.recorded_to, to_position = c.to_position
         FROM unnest($1::uuid[], $2::timestamptz[], $3::bigint[])
           AS c(deltagande_id, recorded_to, to_position)
         WHERE f.deltagande_id = c.deltagande_id AND f.recorded_to IS NULL`,
        [
          [...closings.keys()],
          [...closings.values()].map((c) => c.at),
          [...closings.values()].map((c) => c.position),
        ],
      );
    }
    if (versions.length > 0) await insertVersions(tx, versions);
    await insertRegistreringar(tx, registreringar);
    await insertUppfoljningar(tx, uppfoljningar);
  }

  private async applyInsats(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const idOf = (event: RecordedEvent): string =>
      idFromStream(event.streamId, INSATS_STREAM_PREFIX)!;
    const rows: { id: string; forbund_id: string }[] = await tx.query(
      'SELECT id, forbund_id FROM insats WHERE id = ANY($1::uuid[])',
      [[...new Set(events.map(idOf))]],
    );
    const forbund = new Map(rows.map((row) => [row.id, row.forbund_id] as const));
    /** Volym rows depend on nothing else: all of the batch's go in at the end, in one statement. */
    const volymer: {
      position: number;
      forbundId: string;
      insatsId: string;
      datum: string;
      kvinnor: number;
      man: number;
      ejAngivet: number;
      kommun: string | null;
      recordedAt: string;
    }[] = [];
    const registreringar: Registrering[] = [];
    for (const event of events) {
      const insatsId = idOf(event);
      const forbundId = forbund.get(insatsId);
      if (!forbundId) continue;
      const recordedAt = event.recordedAt.toISOString();
      const registrering = registreringOf(event, forbundId, insatsId, null, recordedAt);
      if (registrering) registreringar.push(registrering);
      const decoded = decodeInsatsEvent(event);
      if (decoded.type === 'InsatsSkapad' || decoded.type === 'InsatsAndrad') {
        await this.applyInsatsFakta(decoded, event, insatsId, forbundId, tx);
      } else if (decoded.type === 'EkonomiSatt') {
        const { data } = decoded;
        // A part not given keeps its value: the new version starts from the one it closes.
        const [closed] = (await tx.query(
          `UPDATE ekonomi_fakta SET recorded_to = $3
           WHERE insats_id = $1 AND ar = $2 AND recorded_to IS NULL
           RETURNING budget::float8 AS budget, kostnad::float8 AS kostnad`,
          [insatsId, data.ar, recordedAt],
        )) as [{ budget: number | null; kostnad: number | null }[], number];
        const earlier = closed[0];
        await tx.query(
          `INSERT INTO ekonomi_fakta (insats_id, ar, from_position, forbund_id, budget, kostnad,
             recorded_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            insatsId,
            data.ar,
            event.position,
            forbundId,
            data.budget ?? earlier?.budget ?? null,
            data.kostnad ?? earlier?.kostnad ?? null,
            recordedAt,
          ],
        );
      } else if (decoded.type === 'VolymRegistrerad') {
        const { data } = decoded;
        volymer.push({
          position: event.position,
          forbundId,
          insatsId,
          datum: data.datum,
          kvinnor: data.kvinnor,
          man: data.man,
          ejAngivet: data.ejAngivet,
          kommun: data.kommun,
          recordedAt,
        });
      } else if (decoded.type === 'ArsmalSatt') {
        const { data } = decoded;
        // Parts are set one at a time: the new version keeps the parts the event leaves out.
        await tx.query(
          `WITH forra AS (
             UPDATE arsmal_fakta SET recorded_to = $8
             WHERE insats_id = $1 AND ar = $2 AND recorded_to IS NULL
             RETURNING deltagare, nya_deltagare, andel_arbete_studier)
           INSERT INTO arsmal_fakta (insats_id, ar, from_position, forbund_id, deltagare,
             nya_deltagare, andel_arbete_studier, recorded_from)
           SELECT $1, $2, $3, $4, coalesce($5::integer, forra.deltagare),
             coalesce($6::integer, forra.nya_deltagare),
             coalesce($7::double precision, forra.andel_arbete_studier), $8
           FROM (SELECT 1) AS en LEFT JOIN forra ON true`,
          [
            insatsId,
            data.ar,
            event.position,
            forbundId,
            data.deltagare ?? null,
            data.nyaDeltagare ?? null,
            data.andelArbeteStudier ?? null,
            recordedAt,
          ],
        );
      } else if (decoded.type === 'MalSatt' || decoded.type === 'MalBorttaget') {
        await applyMal(tx, event, decoded, { forbundId, insatsId });
      }
    }
    if (volymer.length > 0) {
      const column = <K extends keyof (typeof volymer)[number]>(key: K) =>
        volymer.map((volym) => volym[key]);
      await tx.query(
        `INSERT INTO volym_fakta (position, forbund_id, insats_id, datum, kvinnor, man,
           ej_angivet, kommun, recorded_at)
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::date[], $5::integer[],
           $6::integer[], $7::integer[], $8::text[], $9::timestamptz[])`,
        [
          column('position'),
          column('forbundId'),
          column('insatsId'),
          column('datum'),
          column('kvinnor'),
          column('man'),
          column('ejAngivet'),
          column('kommun'),
          column('recordedAt'),
        ],
      );
    }
    await insertRegistreringar(tx, registreringar);
  }

  /** A new version of the insats's namn, grupp and ordning when one of them changes. */
  private async applyInsatsFakta(
    decoded: Extract<InsatsEvent, { type: 'InsatsSkapad' | 'InsatsAndrad' }>,
    event: RecordedEvent,
    insatsId: string,
    forbundId: string,
    tx: EntityManager,
  ): Promise<void> {
    const [open] = (await tx.query(
      `SELECT namn, grupp, ordning FROM insats_fakta WHERE insats_id = $1 AND recorded_to IS NULL`,
      [insatsId],
    )) as (InsatsFakta | undefined)[];
    let next: InsatsFakta;
    if (decoded.type === 'InsatsSkapad') {
      const { namn, grupp, ordning } = decoded.data;
      next = { namn, grupp, ordning };
    } else {
      if (!open) return;
      const { data } = decoded;
      next = {
        namn: data.namn ?? open.namn,
        grupp: data.grupp === undefined ? open.grupp : data.grupp,
        ordning: data.ordning === undefined ? open.ordning : data.ordning,
      };
    }
    if (
      open &&
      open.namn === next.namn &&
      open.grupp === next.grupp &&
      open.ordning === next.ordning
    ) {
      return;
    }
    const recordedAt = event.recordedAt.toISOString();
    if (open) {
      await tx.query(
        `UPDATE insats_fakta SET recorded_to = $2 WHERE insats_id = $1 AND recorded_to IS NULL`,
        [insatsId, recordedAt],
      );
    }
    await tx.query(
      `INSERT INTO insats_fakta (insats_id, from_position, forbund_id, namn, grupp, ordning,
         recorded_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [insatsId, event.position, forbundId, next.namn, next.grupp, next.ordning, recordedAt],
    );
  }
}

/** A text[] value as an array literal, so that a column of them can travel as one text[]. */
const arrayLiteral = (values: readonly string[] | null): string | null =>
  values === null
    ? null
    : `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/**
 * All of a batch's new versions in one statement, a typed array per column: cheaper for the
 * server to read than a JSON document of records (no jsonb to build and take apart again).
 */
const insertVersions = async (tx: EntityManager, versions: readonly FaktaVersion[]) => {
  const column = <K extends keyof FaktaVersion>(key: K): FaktaVersion[K][] =>
    versions.map((version) => version[key]);
  await tx.query(
    `INSERT INTO deltagande_fakta (deltagande_id, from_position, forbund_id, insats_id,
       person_key, kon, fodelsear, kommun, remiss_datum, remittent, remittent_enhet,
       aterremiss_datum, inskrivning_datum, forsorjning_in, avslut_datum, avslutsorsak,
       forsorjning_ut, recorded_from, recorded_to, to_position)
     SELECT deltagande_id, from_position, forbund_id, insats_id, person_key, kon, fodelsear,
       kommun, remiss_datum, remittent, remittent_enhet, aterremiss_datum, inskrivning_datum,
       forsorjning_in::text[], avslut_datum, avslutsorsak, forsorjning_ut::text[],
       recorded_from, recorded_to, to_position
     FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::uuid[], $5::text[], $6::text[],
       $7::integer[], $8::text[], $9::date[], $10::text[], $11::text[], $12::date[],
       $13::date[], $14::text[], $15::date[], $16::text[], $17::text[], $18::timestamptz[],
       $19::timestamptz[], $20::bigint[]) AS v(deltagande_id, from_position, forbund_id,
       insats_id, person_key, kon, fodelsear, kommun, remiss_datum, remittent, remittent_enhet,
       aterremiss_datum, inskrivning_datum, forsorjning_in, avslut_datum, avslutsorsak,
       forsorjning_ut, recorded_from, recorded_to, to_position)`,
    [
      column('deltagande_id'),
      column('from_position'),
      column('forbund_id'),
      column('insats_id'),
      column('person_key'),
      column('kon'),
      column('fodelsear'),
      column('kommun'),
      column('remiss_datum'),
      column('remittent'),
      column('remittent_enhet'),
      column('aterremiss_datum'),
      column('inskrivning_datum'),
      versions.map((version) => arrayLiteral(version.forsorjning_in)),
      column('avslut_datum'),
      column('avslutsorsak'),
      versions.map((version) => arrayLiteral(version.forsorjning_ut)),
      column('recorded_from'),
      column('recorded_to'),
      column('to_position'),
    ],
  );
};

/**
 * A goal's new version (MalSatt) or its end (MalBorttaget): the open version of the same goal
 * of the same owner, an insats or the förbund's own stream, is closed when the event is recorded.
 */
const applyMal = async (
  tx: EntityManager,
  event: RecordedEvent,
  decoded: MalSatt | MalBorttaget | ForbundEvent,
  owner: { forbundId: string; insatsId: string | null },
): Promise<void> => {
  const { malId } = decoded.data;
  const recordedAt = event.recordedAt.toISOString();
  await tx.query(
    `UPDATE mal_fakta SET recorded_to = $4
     WHERE mal_id = $1 AND forbund_id = $2 AND insats_id IS NOT DISTINCT FROM $3::uuid
       AND recorded_to IS NULL`,
    [malId, owner.forbundId, owner.insatsId, recordedAt],
  );
  if (decoded.type !== 'MalSatt') return;
  const { data } = decoded;
  await tx.query(
    `INSERT INTO mal_fakta (mal_id, from_position, forbund_id, insats_id, grupp, matt, fran,
       till, varde, recorded_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      malId,
      event.position,
      owner.forbundId,
      owner.insatsId,
      owner.insatsId === null && 'grupp' in data ? data.grupp : null,
      data.matt,
      data.fran,
      data.till,
      data.varde,
      recordedAt,
    ],
  );
};
