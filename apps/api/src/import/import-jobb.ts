import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '#platform';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../http/application-errors.js';
import { ImportKorning, nyttLage, type ImportLage } from './import-korning.js';
import { xlsxFelrader } from './felfil.js';
import type { Radceller } from './import-rad.js';
import { kontrolleraFil } from './las-fil.js';
import { APP_CONFIG } from '../config/config.module.js';
import { stadaUppladdningar, taBortUppladdning } from './uppladdning.js';

export type ImportStatus = 'koad' | 'pagar' | 'klar' | 'misslyckad';

export interface ImportJobbStatus extends ImportLage {
  readonly id: string;
  readonly status: ImportStatus;
  readonly torrkorning: boolean;
  readonly allaEllerInget: boolean;
  /** Why a job failed as a whole (misslyckad). */
  readonly meddelande: string | null;
}

interface Jobb {
  readonly id: string;
  readonly forbundId: string;
  readonly userId: string;
  readonly torrkorning: boolean;
  readonly allaEllerInget: boolean;
  status: ImportStatus;
  lage: ImportLage;
  meddelande: string | null;
  /** The uploaded file under DATA_DIR, until the job has ended (then deleted). */
  fil: string | null;
  /** The cells of the rows with problems, to give back as a file to correct. */
  readonly felrader: Map<number, Radceller>;
}

/** Finished jobs kept for their status; older ones are forgotten first. */
const SPARADE_JOBB = 200;
export const IMPORT_SAKNAS = 'Importen finns inte';

/**
 * Import jobs of this process. The file is checked whole when it arrives (a file the import
 * cannot read is refused there, as a 400); the rows are then decided and written in the
 * background, one import at a time, while `status` reports the progress. The uploaded file
 * waits on disk (see uppladdning.ts) and is deleted when refused or when its job has ended.
 */
@Injectable()
export class ImportJobb implements OnModuleInit {
  private readonly logger = new Logger('Import');
  private readonly jobb = new Map<string, Jobb>();
  private ko: Promise<void> = Promise.resolve();

  constructor(
    private readonly korning: ImportKorning,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Files of jobs a stopped process never ran are deleted: nothing will ever read them. */
  async onModuleInit(): Promise<void> {
    const kvar = await stadaUppladdningar(this.config);
    if (kvar > 0)
      this.logger.warn(`Tog bort ${kvar} uppladdade importfiler som aldrig importerades`);
  }

  /** Takes over the uploaded file at `sokvag`: it is deleted when refused or when the job ends. */
  async starta(
    sokvag: string,
    uppdrag: { forbundId: string; userId: string; torrkorning: boolean; allaEllerInget: boolean },
  ): Promise<{ id: string }> {
    let rader: number;
    try {
      rader = await kontrolleraFil({ sokvag }, this.korning.filgranser);
    } catch (error) {
      await taBortUppladdning(sokvag);
      throw error;
    }
    const jobb: Jobb = {
      id: randomUUID(),
      ...uppdrag,
      status: 'koad',
      lage: { ...nyttLage(), rader },
      meddelande: null,
      fil: sokvag,
      felrader: new Map(),
    };
    this.jobb.set(jobb.id, jobb);
    this.glomGamla();
    this.ko = this.ko.then(() => this.kor(jobb));
    return { id: jobb.id };
  }

  /** The job's status, for callers in its förbund only (others: 404, as for every id). */
  status(id: string, forbundId: string): ImportJobbStatus {
    const jobb = this.hitta(id, forbundId);
    return {
      id: jobb.id,
      status: jobb.status,
      torrkorning: jobb.torrkorning,
      allaEllerInget: jobb.allaEllerInget,
      meddelande: jobb.meddelande,
      ...jobb.lage,
      fel: [...jobb.lage.fel],
    };
  }

  /** The rows with problems as an XLSX in the template's columns, to correct and upload again. */
  felfil(id: string, forbundId: string): Promise<Buffer> {
    const jobb = this.hitta(id, forbundId);
    return xlsxFelrader(jobb.felrader, jobb.lage.fel);
  }

  private hitta(id: string, forbundId: string): Jobb {
    const jobb = this.jobb.get(id);
    if (!jobb || jobb.forbundId !== forbundId) throw new NotFoundError(IMPORT_SAKNAS);
    return jobb;
  }

  /** Resolves when every job queued so far has finished (for tests and shutdown). */
  async klara(): Promise<void> {
    await this.ko;
  }

  private async kor(jobb: Jobb): Promise<void> {
    const sokvag = jobb.fil!;
    const rader = jobb.lage.rader;
    jobb.status = 'pagar';
    let status: ImportStatus;
    try {
      jobb.lage = await this.korning.kor(
        { sokvag },
        {
          importId: jobb.id,
          forbundId: jobb.forbundId,
          userId: jobb.userId,
          torrkorning: jobb.torrkorning,
          allaEllerInget: jobb.allaEllerInget,
        },
        (lage) => {
          // The count of rows is known from the upload's check; progress counts towards it.
          jobb.lage = { ...lage, rader };
        },
        jobb.felrader,
      );
      status = 'klar';
    } catch (error) {
      status = 'misslyckad';
      jobb.meddelande =
        error instanceof Error && error.name === 'ProjectionLagError'
          ? error.message
          : 'Importen avbröts av ett oväntat fel; de rader som hann skrivas hoppas över om filen importeras igen';
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    // Deleted before the job reports its end: a finished job has left nothing on disk.
    jobb.fil = null;
    await taBortUppladdning(sokvag).catch((error: unknown) =>
      this.logger.error(`Importfilen ${sokvag} kunde inte tas bort: ${String(error)}`),
    );
    jobb.status = status;
  }

  private glomGamla(): void {
    const klara = [...this.jobb.values()].filter(
      (j) => j.status === 'klar' || j.status === 'misslyckad',
    );
    for (const jobb of klara.slice(0, Math.max(0, klara.length - SPARADE_JOBB)))
      this.jobb.delete(jobb.id);
  }
}
