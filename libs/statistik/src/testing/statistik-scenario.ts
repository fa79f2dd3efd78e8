import { deltagandeStream, forbundStream, insatsStream, type Mal } from '#domain';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { ProjectionRunner, READ_MODEL_ENTITIES, readModelProjections } from '#projections';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { Aggregat, ReportFrame } from '../assemble-report.js';
import type { Jamfor } from '../oversikt.js';
import type { StatistikReport } from '../report.js';
import { StatistikService, type StatistikQuery } from '../statistik-service.js';

export const FORBUND = { id: randomUUID(), namn: 'Samordningsförbundet Test' };

interface PersonInput {
  kon?: 'kvinna' | 'man' | 'ej-angivet';
  fodelsear?: number;
  kommun?: string;
  personId?: string | null;
}

/**
 * Statistics tests: append events as the API would (one append per command), let the real
 * projections run, and ask the real service. Builders take only what a test is about.
 */
export class StatistikScenario {
  private constructor(
    readonly db: TestDatabase,
    readonly store: PostgresEventStore,
    readonly dataSource: DataSource,
    private readonly runner: ProjectionRunner,
    readonly forbund: { id: string; namn: string } = FORBUND,
  ) {}

  /**
   * The same database with another förbund: for property tests that write a population per
   * run without a database per run (every report is of one förbund). Close only the original.
   */
  iForbund(forbund: { id: string; namn: string }): StatistikScenario {
    return new StatistikScenario(this.db, this.store, this.dataSource, this.runner, forbund);
  }

  static async start(): Promise<StatistikScenario> {
    const db = await createTestDatabase();
    const store = await PostgresEventStore.create({ connectionString: db.url });
    const dataSource = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: READ_MODEL_ENTITIES,
    });
    await dataSource.initialize();
    return new StatistikScenario(
      db,
      store,
      dataSource,
      new ProjectionRunner(store, dataSource, readModelProjections()),
    );
  }

  async close(): Promise<void> {
    await this.dataSource.destroy();
    await this.store.close();
    await this.db.drop();
  }

  private async append(
    streamId: string,
    events: [string, Record<string, unknown>][],
  ): Promise<void> {
    const existing = await this.store.readStream(streamId);
    const causationId = randomUUID();
    const newEvents: NewEvent[] = events.map(([type, data]) => ({
      type,
      data,
      metadata: { userId: 'test', correlationId: causationId, causationId },
    }));
    await this.store.appendToStream(streamId, newEvents, {
      expectedRevision: existing.length === 0 ? 'no-stream' : existing.length - 1,
    });
  }

  async insats(
    namn: string,
    matmetod: 'individ' | 'volym' = 'individ',
    plats: { grupp?: string | null; ordning?: number | null } = {},
  ): Promise<string> {
    const insatsId = randomUUID();
    // Without a place, as stored before grupp and ordning existed: the fields are absent.
    const grupp = 'grupp' in plats ? { grupp: plats.grupp } : {};
    const ordning = 'ordning' in plats ? { ordning: plats.ordning } : {};
    await this.append(insatsStream(insatsId), [
      [
        'InsatsSkapad',
        {
          insatsId,
          forbundId: this.forbund.id,
          namn,
          inriktning: 'individinriktad',
          matmetod,
          startdatum: '2020-01-01',
          slutdatum: null,
          utforare: null,
          malgrupp: null,
          ...grupp,
          ...ordning,
        },
      ],
    ]);
    return insatsId;
  }

  /** InsatsAndrad: only the fields given change. */
  async andraInsats(
    insatsId: string,
    data: { namn?: string; grupp?: string | null; ordning?: number | null; utforare?: string },
  ): Promise<void> {
    await this.append(insatsStream(insatsId), [['InsatsAndrad', data]]);
  }

  /** EkonomiSatt: the parts given; the other keeps its earlier value. */
  async ekonomi(
    insatsId: string,
    ar: number,
    parts: { budget?: number; kostnad?: number },
  ): Promise<void> {
    await this.append(insatsStream(insatsId), [['EkonomiSatt', { ar, ...parts }]]);
  }

  /** `antal` deltaganden enrolled directly on `datum` (kvinnor, no registered person). */
  async inskrivna(insatsId: string, antal: number, datum: string): Promise<void> {
    for (let i = 0; i < antal; i++) await this.remiss(insatsId, datum, 'af', {}, ['a-kassa']);
  }

  async arsmal(
    insatsId: string,
    ar: number,
    deltagare: number,
    nyaDeltagare: number,
    andel: number,
  ): Promise<void> {
    await this.append(insatsStream(insatsId), [
      ['ArsmalSatt', { ar, deltagare, nyaDeltagare, andelArbeteStudier: andel }],
    ]);
  }

  /** Some parts of an årsmål (ArsmalSatt): the others keep what they were. */
  async arsmalDelar(
    insatsId: string,
    ar: number,
    delar: { deltagare?: number; nyaDeltagare?: number; andelArbeteStudier?: number },
  ): Promise<void> {
    await this.append(insatsStream(insatsId), [['ArsmalSatt', { ar, ...delar }]]);
  }

  /** Sets (or, with the same malId, replaces) an insats's goal; returns its malId. */
  async mal(insatsId: string, mal: Mal, malId: string = randomUUID()): Promise<string> {
    await this.append(insatsStream(insatsId), [['MalSatt', { malId, ...mal }]]);
    return malId;
  }

  /** A goal of a grupp, or of the whole förbund (grupp null), on the förbund's stream. */
  async forbundsmal(grupp: string | null, mal: Mal, malId: string = randomUUID()): Promise<string> {
    await this.append(forbundStream(this.forbund.id), [['MalSatt', { malId, grupp, ...mal }]]);
    return malId;
  }

  /** Removes a goal of an insats, or of the förbund's stream (insatsId null). */
  async taBortMal(insatsId: string | null, malId: string): Promise<void> {
    await this.append(insatsId ? insatsStream(insatsId) : forbundStream(this.forbund.id), [
      ['MalBorttaget', { malId }],
    ]);
  }

  /**
   * `antal` deltaganden remitted and enrolled on `inskriven` (one command each), avslutade
   * on `avslut` when given: for populations whose counts are all that matter.
   */
  async deltaganden(
    insatsId: string,
    antal: number,
    inskriven: string,
    avslut?: { datum: string; avslutsorsak: string },
  ): Promise<void> {
    const en = async (): Promise<void> => {
      const id = randomUUID();
      await this.append(deltagandeStream(id), [
        [
          'RemissMottagen',
          {
            deltagandeId: id,
            insatsId,
            datum: inskriven,
            remittent: 'af',
            remittentEnhet: null,
            person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138', personId: null },
          },
        ],
        ['DeltagareInskriven', inskrivning(inskriven, ['a-kassa'])],
        ...(avslut
          ? [
              [
                'DeltagareAvslutad',
                { datum: avslut.datum, avslutsorsak: avslut.avslutsorsak, forsorjning: ['lon'] },
              ] as [string, Record<string, unknown>],
            ]
          : []),
      ]);
    };
    // A few at a time: each is a stream of its own.
    for (let i = 0; i < antal; i += 8) {
      await Promise.all(Array.from({ length: Math.min(8, antal - i) }, en));
    }
  }

  async volym(
    insatsId: string,
    datum: string,
    kvinnor: number,
    man: number,
    ejAngivet = 0,
    kommun?: string,
  ): Promise<void> {
    // Without a kommun, the event as stored before VolymRegistrerad had one.
    await this.append(insatsStream(insatsId), [
      [
        'VolymRegistrerad',
        { datum, kvinnor, man, ejAngivet, aktivitet: null, ...(kommun ? { kommun } : {}) },
      ],
    ]);
  }

  /** A remiss, with a direct inskrivning when `direkt` gives its försörjning. */
  async remiss(
    insatsId: string,
    datum: string,
    remittent: string,
    person: PersonInput = {},
    direkt?: string[],
    remittentEnhet: string | null = null,
  ): Promise<string> {
    const id = randomUUID();
    const remiss: [string, Record<string, unknown>] = [
      'RemissMottagen',
      {
        deltagandeId: id,
        insatsId,
        datum,
        remittent,
        remittentEnhet,
        person: {
          kon: person.kon ?? 'kvinna',
          fodelsear: person.fodelsear ?? 1990,
          kommun: person.kommun ?? '0138',
          personId: person.personId ?? null,
        },
      },
    ];
    await this.append(
      deltagandeStream(id),
      direkt ? [remiss, ['DeltagareInskriven', inskrivning(datum, direkt)]] : [remiss],
    );
    return id;
  }

  async inskriv(id: string, datum: string, forsorjning: string[]): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['DeltagareInskriven', inskrivning(datum, forsorjning)],
    ]);
  }

  async avsluta(
    id: string,
    datum: string,
    avslutsorsak: string,
    forsorjning: string[],
  ): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['DeltagareAvslutad', { datum, avslutsorsak, forsorjning }],
    ]);
  }

  async aterremittera(id: string, datum: string): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['RemissAterremitterad', { datum, orsak: 'Annan målgrupp' }],
    ]);
  }

  async uppfoljning(
    id: string,
    datum: string,
    manader: 6 | 12,
    sysselsattning: string,
  ): Promise<void> {
    await this.append(deltagandeStream(id), [
      [
        'UppfoljningRegistrerad',
        { datum, manaderEfterAvslut: manader, sysselsattning, forsorjning: ['okand'] },
      ],
    ]);
  }

  async korrigeraRemittentEnhet(id: string, remittentEnhet: string | null): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['RemissKorrigerad', { orsak: 'Fel enhet', remittentEnhet }],
    ]);
  }

  /** RemissKorrigerad: only the fields given change. */
  async korrigeraRemiss(
    id: string,
    data: { datum?: string; remittent?: string; remittentEnhet?: string | null },
  ): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['RemissKorrigerad', { orsak: 'Fel uppgift', ...data }],
    ]);
  }

  async korrigeraInskrivningsdatum(id: string, datum: string): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['InskrivningKorrigerad', { orsak: 'Fel datum', datum }],
    ]);
  }

  /** Completes the inskrivning's utbildningsnivå: a correction no statistics table reads. */
  async kompletteraUtbildningsniva(id: string): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['InskrivningKorrigerad', { orsak: 'Komplettering', utbildningsniva: 'eftergymnasial' }],
    ]);
  }

  /** AvslutKorrigerad: only the fields given change. */
  async korrigeraAvslut(
    id: string,
    data: { datum?: string; avslutsorsak?: string; forsorjning?: string[] },
  ): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['AvslutKorrigerad', { orsak: 'Fel uppgift', ...data }],
    ]);
  }

  /** PersonuppgifterKorrigerade: only the fields given change. */
  async korrigeraPersonuppgifter(
    id: string,
    data: { kon?: string; fodelsear?: number; kommun?: string },
  ): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['PersonuppgifterKorrigerade', { orsak: 'Fel uppgift', ...data }],
    ]);
  }

  async aterkallaAvslut(id: string): Promise<void> {
    await this.append(deltagandeStream(id), [['AvslutAterkallat', { orsak: 'Av misstag' }]]);
  }

  async makulera(id: string): Promise<void> {
    await this.append(deltagandeStream(id), [
      ['DeltagandeMakulerat', { orsak: 'Dubbelregistrerad' }],
    ]);
  }

  /** Applies the events appended so far to the read models (reports do this themselves). */
  async catchUp(): Promise<void> {
    await this.runner.catchUp();
  }

  /** The database's clock now, between two appends: a moment to ask "as known then". */
  async now(): Promise<Date> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [row] = await this.dataSource.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    await new Promise((resolve) => setTimeout(resolve, 5));
    return row!.now;
  }

  /** The report's aggregates and frame, for the parts built from them (a grupp's goals). */
  async aggregat(
    query: Omit<StatistikQuery, 'forbundId'>,
  ): Promise<{ aggregat: Aggregat; frame: ReportFrame }> {
    await this.runner.catchUp();
    return new StatistikService(this.dataSource).aggregat(
      { forbundId: this.forbund.id, ...query },
      this.forbund,
    );
  }

  async report(
    query: Omit<StatistikQuery, 'forbundId'>,
    options: { jamfor?: Jamfor; skydda?: boolean } = {},
  ): Promise<StatistikReport> {
    await this.runner.catchUp();
    return new StatistikService(this.dataSource).report(
      { forbundId: this.forbund.id, ...query },
      this.forbund,
      options,
    );
  }
}

const inskrivning = (datum: string, forsorjning: string[]): Record<string, unknown> => ({
  datum,
  forsorjning,
  utbildningsniva: 'gymnasial',
  tidIOffentligForsorjning: '1-2-ar',
});

export { kon } from './report-builders.js';
