import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../http/application-errors.js';
import { ImportKorning, nyttLage, type ImportLage } from './import-korning.js';
import { xlsxFelrader } from './felfil.js';
import type { Radceller } from './import-rad.js';
import { kontrolleraFil } from './las-fil.js';

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
  fil: Buffer | null;
  /** The cells of the rows with problems, to give back as a file to correct. */
  readonly felrader: Map<number, Radceller>;
}

/** Finished jobs kept for their status; older ones are forgotten first. */
const SPARADE_JOBB = 200;
export const IMPORT_SAKNAS = 'Importen finns inte';

/**
 * Import jobs of this process. The file is checked whole when it arrives (a file the import
 * cannot read is refused there, as a 400); the rows are then decided and written in the
 * background, one import at a time, while `status` reports the progress.
 */
@Injectable()
export class ImportJobb {
  private readonly logger = new Logger('Import');
  private readonly jobb = new Map<string, Jobb>();
  private ko: Promise<void> = Promise.resolve();

  constructor(private readonly korning: ImportKorning) {}

  async starta(
    fil: Buffer,
    uppdrag: { forbundId: string; userId: string; torrkorning: boolean; allaEllerInget: boolean },
  ): Promise<{ id: string }> {
    const rader = await kontrolleraFil(fil, this.korning.filgranser);
    const jobb: Jobb = {
      id: randomUUID(),
      ...uppdrag,
      status: 'koad',
      lage: { ...nyttLage(), rader },
      meddelande: null,
      fil,
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
    const fil = jobb.fil!;
    const rader = jobb.lage.rader;
    jobb.status = 'pagar';
    try {
      jobb.lage = await this.korning.kor(
        fil,
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
      jobb.status = 'klar';
    } catch (error) {
      jobb.status = 'misslyckad';
      jobb.meddelande =
        error instanceof Error && error.name === 'ProjectionLagError'
          ? error.message
          : 'Importen avbröts av ett oväntat fel; de rader som hann skrivas hoppas över om filen importeras igen';
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    } finally {
      jobb.fil = null;
    }
  }

  private glomGamla(): void {
    const klara = [...this.jobb.values()].filter(
      (j) => j.status === 'klar' || j.status === 'misslyckad',
    );
    for (const jobb of klara.slice(0, Math.max(0, klara.length - SPARADE_JOBB)))
      this.jobb.delete(jobb.id);
  }
}
