import type { AppConfig } from '#platform';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded import files wait for their job: a folder of DATA_DIR, never memory. Each
 * file is deleted when its job has ended or it was refused; what a stopped process left is
 * deleted at the next start.
 */
export const uppladdningsmapp = (config: Pick<AppConfig, 'dataDir'>): string =>
  join(config.dataDir, 'import-uppladdningar');

/** What the storage hands multer for the uploaded file (and the controller receives). */
export interface SparadFil {
  readonly path: string;
  readonly size: number;
}

type Klar = (error: Error | null, fil?: Partial<SparadFil>) => void;

/**
 * A multer storage engine writing the upload to the upload folder as it arrives (the folder is
 * made on the first upload, not at start). A write that fails (a full disk) deletes what it
 * had written; multer deletes a file it refuses afterwards (over the size limit) through
 * `_removeFile`.
 */
export const importLagring = (config: Pick<AppConfig, 'dataDir'>) => {
  const mapp = uppladdningsmapp(config);
  return {
    _handleFile(_req: unknown, file: { stream: Readable }, klar: Klar): void {
      const sokvag = join(mapp, randomUUID());
      // Nothing reads the upload before the pipe does (a data listener would start it flowing
      // early), but an upload that fails before (the client gone) must not crash the process:
      // the pipe then fails with it.
      file.stream.on('error', () => undefined);
      mkdir(mapp, { recursive: true, mode: 0o700 })
        .then(async () => {
          const ut = createWriteStream(sokvag, { mode: 0o600 });
          await pipeline(file.stream, ut);
          return ut.bytesWritten;
        })
        .then(
          (size) => klar(null, { path: sokvag, size }),
          (error: Error) => {
            void taBortUppladdning(sokvag).finally(() => klar(error));
          },
        );
    },
    _removeFile(
      _req: unknown,
      file: Partial<SparadFil>,
      klar: (error: Error | null) => void,
    ): void {
      if (!file.path) return klar(null);
      taBortUppladdning(file.path).then(
        () => klar(null),
        (error: Error) => klar(error),
      );
    },
  };
};

/** Deletes an uploaded file; one already gone is no error. */
export const taBortUppladdning = (sokvag: string): Promise<void> => rm(sokvag, { force: true });

/** Deletes every file left in the upload folder (at start, before any upload is taken). */
export const stadaUppladdningar = async (config: Pick<AppConfig, 'dataDir'>): Promise<number> => {
  const mapp = uppladdningsmapp(config);
  const filer = await readdir(mapp).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  await Promise.all(filer.map((fil) => rm(join(mapp, fil), { force: true, recursive: true })));
  return filer.length;
};

/** Error codes of a disk (or quota) that has no room left. */
const FULL_DISK = new Set(['ENOSPC', 'EDQUOT']);

/** Whether the error, or one it was caused by, says the disk is full. */
export const arFullDisk = (error: unknown): boolean => {
  for (let e: unknown = error, djup = 0; e instanceof Error && djup < 5; djup++) {
    if (FULL_DISK.has((e as NodeJS.ErrnoException).code ?? '')) return true;
    e = e.cause;
  }
  return false;
};

export const FULL_DISK_MEDDELANDE =
  'Servern har inte utrymme att ta emot filen just nu; försök igen senare eller be förvaltaren frigöra diskutrymme';
