import { deltagandeStream, type DeltagandeContext } from '#domain';
import {
  ConcurrencyError,
  MAX_EVENTS_PER_APPEND,
  type EventStore,
  type NewEvent,
  type StreamAppend,
} from '#event-store';
import { ProjectionRunner } from '#projections';
import type { AppConfig } from '#platform';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import { DeltagandeCommands } from '../deltaganden/deltagande-commands.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ProjectionLagError } from '../http/application-errors.js';
import { importeratDeltagandeId } from './importerat-id.js';
import { SeddaRader } from './sedda-rader.js';
import { beslutaRad, lasRad, type ImportRad, type RadFel, type Radceller } from './import-rad.js';
import { normaliseradText, RUBRIK } from './kolumner.js';
import { lasDatarader, type Filgranser, type Importfil } from './las-fil.js';

/** What an import is asked to do, and on whose behalf. */
export interface ImportUppdrag {
  readonly importId: string;
  readonly forbundId: string;
  readonly userId: string;
  /** Decide every row, write nothing. */
  readonly torrkorning: boolean;
  /** Write nothing unless every row can be written. */
  readonly allaEllerInget: boolean;
}

/** Where an import stands; the job reports it as it goes. */
export interface ImportLage {
  /** Data rows read so far. */
  rader: number;
  /** Rows decided (written, passed over or refused) so far. */
  klara: number;
  /** Deltaganden written (in a dry run: none). */
  skrivna: number;
  /** Rows already imported earlier (same externt id and insats): nothing written for them. */
  hoppadeOver: number;
  /** Events written, or in a dry run the events that would be. */
  handelser: number;
  /** The problems, by row and column; at most MAX_FEL of them are listed. */
  fel: RadFel[];
  /** Every problem found, also those beyond the list. */
  felTotalt: number;
  /** Rows with at least one problem (a row may have several). */
  raderMedFel: number;
}

export const MAX_FEL = 10_000;
/**
 * Rows decided and written together: one transaction of new streams, each at `no-stream`.
 * A row writes at most three events, so a batch stays within one append.
 */
const RADER_PER_TRANSAKTION = Math.floor(MAX_EVENTS_PER_APPEND / 3);
/** Write transactions in flight at once; the event store's pool has connections to spare. */
const SKRIVNINGAR_SAMTIDIGT = 4;
/**
 * How long the import waits for the read models that say which rows are already imported to
 * make any progress at all.
 */
const VANTA_PA_LASMODELLER_MS = 60_000;

interface Beslutad {
  readonly rad: ImportRad;
  readonly celler: Radceller;
  readonly insatsId: string;
  readonly deltagandeId: string;
}

export const nyttLage = (): ImportLage => ({
  rader: 0,
  klara: 0,
  skrivna: 0,
  hoppadeOver: 0,
  handelser: 0,
  fel: [],
  felTotalt: 0,
  raderMedFel: 0,
});

/**
 * Reads an import file row by row and runs every row through the deltagande decider, as the
 * API would. A real run writes each new deltagande's events with metadata `{kalla: "import",
 * importId, externtId}`, many new streams per transaction; a row whose externt id and insats
 * were imported before is passed over, so the same file imported twice writes nothing new.
 */
@Injectable()
export class ImportKorning {
  private readonly granser: Filgranser;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    private readonly deltaganden: DeltagandeCommands,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.granser = {
      maxRader: config.importMaxRader,
      // Worksheets compress some 5–15 times; far beyond that the file is built to blow up.
      maxOkomprimerat: config.importMaxBytes * 20,
    };
  }

  get filgranser(): Filgranser {
    return this.granser;
  }

  async kor(
    fil: Importfil,
    uppdrag: ImportUppdrag,
    rapportera: (lage: ImportLage) => void = () => undefined,
    /** Receives the cells of each row with a problem (at most MAX_FEL rows), to offer back. */
    felrader: Map<number, Radceller> = new Map(),
  ): Promise<ImportLage> {
    if (uppdrag.allaEllerInget && !uppdrag.torrkorning) {
      const prov = await this.genomgang(
        fil,
        { ...uppdrag, torrkorning: true },
        rapportera,
        felrader,
      );
      if (prov.felTotalt > 0) return prov;
      felrader.clear();
    }
    return this.genomgang(fil, uppdrag, rapportera, felrader);
  }

  private async genomgang(
    fil: Importfil,
    uppdrag: ImportUppdrag,
    rapportera: (lage: ImportLage) => void,
    felrader: Map<number, Radceller>,
  ): Promise<ImportLage> {
    // Which rows were imported before is read from the read model, so it must include every
    // event written so far; concurrent imports of the same rows are caught at the append.
    await this.vantaPaLasmodeller(await this.store.headPosition());
    // A real run writes with the projections of this process out of its way: they catch up
    // after it, and the read models say meanwhile that they lag (not that they have stalled).
    return uppdrag.torrkorning
      ? this.lasOchBesluta(fil, uppdrag, rapportera, felrader)
      : this.runner.makeWayFor(() => this.lasOchBesluta(fil, uppdrag, rapportera, felrader));
  }

  /**
   * Waits for the read models to include `head`, as long as they make progress towards it
   * (after an earlier import they may have much to catch up); fails when they stall or stand
   * still for VANTA_PA_LASMODELLER_MS.
   */
  private async vantaPaLasmodeller(head: number): Promise<void> {
    for (let fore = (await this.runner.state()).position; ;) {
      if (await this.runner.waitUntil(head, VANTA_PA_LASMODELLER_MS)) return;
      const { position, stall } = await this.runner.state();
      if (stall || position <= fore) throw new ProjectionLagError();
      fore = position;
    }
  }

  private async lasOchBesluta(
    fil: Importfil,
    uppdrag: ImportUppdrag,
    rapportera: (lage: ImportLage) => void,
    felrader: Map<number, Radceller>,
  ): Promise<ImportLage> {
    const lage = nyttLage();
    const insatser = await this.insatser(uppdrag.forbundId);
    const kontexter = new Map<string, Promise<DeltagandeContext>>();
    const kontext = (insatsId: string): Promise<DeltagandeContext> => {
      let found = kontexter.get(insatsId);
      if (!found) {
        found = this.deltaganden.insatsContext(insatsId, uppdrag.forbundId);
        kontexter.set(insatsId, found);
      }
      return found;
    };
    const fel = (problem: RadFel): void => {
      lage.felTotalt++;
      if (lage.fel.length < MAX_FEL) lage.fel.push(problem);
    };
    const feligRad = (rad: number, celler: Radceller): void => {
      lage.raderMedFel++;
      if (felrader.size < MAX_FEL) felrader.set(rad, celler);
    };
    /** Row of the first occurrence of each (insats, externt id), by its deltagande id. */
    const sedda = new SeddaRader();
    let batch: Beslutad[] = [];

    // Batches are written in parallel transactions (each commit waits for its fsync; several
    // waits overlap) while the next batch is read and decided. At most SKRIVNINGAR_SAMTIDIGT
    // are in flight, so the rows held in memory stay bounded whatever the file's size.
    const skrivningar = new Set<Promise<void>>();
    let misslyckad: { error: unknown } | undefined;
    const behandla = async (): Promise<void> => {
      const rader = batch;
      batch = [];
      const appends = await this.besluta(rader, uppdrag, lage, kontext, (problem, celler) => {
        fel(problem);
        feligRad(problem.rad, celler);
      });
      while (skrivningar.size >= SKRIVNINGAR_SAMTIDIGT) await Promise.race(skrivningar);
      if (misslyckad) throw misslyckad.error;
      const skrivning = (async () => {
        if (!uppdrag.torrkorning && appends.length > 0) {
          const skrivna = await this.skriv(appends, lage);
          lage.skrivna += skrivna;
        }
        lage.klara += rader.length;
        rapportera(lage);
      })().then(
        () => void skrivningar.delete(skrivning),
        (error: unknown) => {
          misslyckad ??= { error };
          skrivningar.delete(skrivning);
        },
      );
      skrivningar.add(skrivning);
    };
    const skrivet = async (): Promise<void> => {
      await Promise.all(skrivningar);
      if (misslyckad) throw misslyckad.error;
    };

    try {
      for await (const { rad, celler } of lasDatarader(fil, this.granser)) {
        lage.rader++;
        const last = lasRad(rad, celler);
        if (last.fel) {
          last.fel.forEach(fel);
          feligRad(rad, celler);
          lage.klara++;
          continue;
        }
        const insatsId = insatser.hitta(last.rad.insats);
        if (typeof insatsId !== 'string') {
          fel({ rad, kolumn: RUBRIK.insats, meddelande: insatsId.fel });
          feligRad(rad, celler);
          lage.klara++;
          continue;
        }
        const deltagandeId = importeratDeltagandeId(insatsId, last.rad.externtId);
        const forsta = sedda.forstaEllerLagg(deltagandeId, rad);
        if (forsta !== undefined) {
          fel({
            rad,
            kolumn: RUBRIK.externtId,
            meddelande: `Externt id "${last.rad.externtId}" finns redan på rad ${forsta} för samma insats`,
          });
          feligRad(rad, celler);
          lage.klara++;
          continue;
        }
        batch.push({ rad: last.rad, celler, insatsId, deltagandeId });
        if (batch.length >= RADER_PER_TRANSAKTION) await behandla();
      }
      await behandla();
    } finally {
      // A failed import still lets its other transactions end before it reports.
      await Promise.allSettled(skrivningar);
    }
    await skrivet();
    // Rule errors are found a batch after the rows' own: listed in the file's order.
    lage.fel.sort((a, b) => a.rad - b.rad);
    return lage;
  }

  /** Decides a batch of rows: the new deltaganden's streams to write, in one transaction. */
  private async besluta(
    batch: readonly Beslutad[],
    uppdrag: ImportUppdrag,
    lage: ImportLage,
    kontext: (insatsId: string) => Promise<DeltagandeContext>,
    fel: (problem: RadFel, celler: Radceller) => void,
  ): Promise<StreamAppend[]> {
    if (batch.length === 0) return [];
    const befintliga = await this.redanImporterade(batch.map((b) => b.deltagandeId));
    const appends: StreamAppend[] = [];
    for (const { rad, celler, insatsId, deltagandeId } of batch) {
      if (befintliga.has(deltagandeId)) {
        lage.hoppadeOver++;
        continue;
      }
      const beslut = beslutaRad(rad, deltagandeId, await kontext(insatsId));
      if (beslut.fel) {
        fel(beslut.fel, celler);
        continue;
      }
      const events: NewEvent[] = beslut.handelser.flatMap((kommandots) => {
        // Each command's events share a causation id, as the API's would.
        const causationId = randomUUID();
        return kommandots.map((event) => ({
          type: event.type,
          data: event.data as Record<string, unknown>,
          metadata: {
            userId: uppdrag.userId,
            correlationId: uppdrag.importId,
            causationId,
            kalla: 'import' as const,
            importId: uppdrag.importId,
            externtId: rad.externtId,
          },
        }));
      });
      lage.handelser += events.length;
      appends.push({
        streamId: deltagandeStream(deltagandeId),
        events,
        expectedRevision: 'no-stream',
      });
    }
    return appends;
  }

  /**
   * Writes the new streams in one transaction. A stream another import created meanwhile
   * (the same row imported concurrently) fails the transaction: it is passed over, and the
   * rest written again.
   */
  private async skriv(appends: StreamAppend[], lage: ImportLage): Promise<number> {
    let kvar = appends;
    while (kvar.length > 0) {
      try {
        await this.store.appendToStreams(kvar);
        return kvar.length;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        const upptagen = kvar.find((a) => a.streamId === error.streamId);
        if (!upptagen) throw error;
        lage.hoppadeOver++;
        lage.handelser -= upptagen.events.length;
        kvar = kvar.filter((a) => a !== upptagen);
      }
    }
    return 0;
  }

  private async redanImporterade(ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM deltagande WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The förbund's insatser by id and by name (as normalised for labels). */
  private async insatser(forbundId: string): Promise<{
    hitta(text: string): string | { fel: string };
  }> {
    const rows: { id: string; namn: string }[] = await this.dataSource.query(
      'SELECT id, namn FROM insats WHERE forbund_id = $1',
      [forbundId],
    );
    const ids = new Set(rows.map((row) => row.id));
    const byNamn = new Map<string, string[]>();
    for (const row of rows) {
      const nyckel = normaliseradText(row.namn);
      byNamn.set(nyckel, [...(byNamn.get(nyckel) ?? []), row.id]);
    }
    return {
      hitta: (text) => {
        const id = text.toLowerCase();
        if (ids.has(id)) return id;
        const traffar = byNamn.get(normaliseradText(text)) ?? [];
        if (traffar.length === 1) return traffar[0]!;
        if (traffar.length > 1)
          return { fel: `Flera insatser heter "${text}"; ange insatsens id i stället` };
        return {
          fel: `Okänd insats "${text}"; ange namnet eller id:t på en av förbundets insatser`,
        };
      },
    };
  }
}
