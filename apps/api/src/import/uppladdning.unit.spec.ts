import { ServiceUnavailableException } from '@nestjs/common';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { firstValueFrom, throwError } from 'rxjs';
import type { AppConfig } from '#platform';
import { ImportFilFelInterceptor } from './starta/import-fil.interceptor.js';
import {
  arFullDisk,
  FULL_DISK_MEDDELANDE,
  importLagring,
  stadaUppladdningar,
  uppladdningsmapp,
  type SparadFil,
} from './uppladdning.js';

const fullDisk = (): Error =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

const spara = (
  dataDir: string,
  stream: Readable,
): Promise<{ error: Error | null; fil?: Partial<SparadFil> }> =>
  new Promise((resolve) =>
    importLagring({ dataDir })._handleFile({}, { stream }, (error, fil) => resolve({ error, fil })),
  );

describe('uploaded import files on disk', () => {
  it('writes the upload to a file of its own under DATA_DIR and says where, and how large', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'uppladdning-'));
    const { error, fil } = await spara(
      dataDir,
      Readable.from([Buffer.from('abc'), Buffer.from('de')]),
    );
    expect(error).toBeNull();
    expect(fil!.size).toBe(5);
    expect(fil!.path!.startsWith(join(dataDir, 'import-uppladdningar'))).toBe(true);
    expect(readFileSync(fil!.path!, 'utf8')).toBe('abcde');
  });

  it('deletes what it had written when the upload fails on the way (a full disk)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'uppladdning-'));
    const stream = new Readable({ read: () => undefined });
    const sparad = spara(dataDir, stream);
    stream.push(Buffer.from('halva filen'));
    setTimeout(() => stream.destroy(fullDisk()), 20);
    const { error } = await sparad;
    expect(arFullDisk(error)).toBe(true);
    expect(readdirSync(uppladdningsmapp({ dataDir }))).toEqual([]);
  });

  it('at start, deletes the files a stopped process left (none when there is no folder)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'uppladdning-'));
    expect(await stadaUppladdningar({ dataDir })).toBe(0);
    await spara(dataDir, Readable.from([Buffer.from('x')]));
    await spara(dataDir, Readable.from([Buffer.from('y')]));
    expect(await stadaUppladdningar({ dataDir })).toBe(2);
    expect(readdirSync(uppladdningsmapp({ dataDir }))).toEqual([]);
    expect(existsSync(uppladdningsmapp({ dataDir }))).toBe(true);
  });

  it('knows a full disk by its code, also as the cause of another error', () => {
    expect(arFullDisk(fullDisk())).toBe(true);
    expect(arFullDisk(Object.assign(new Error('quota'), { code: 'EDQUOT' }))).toBe(true);
    expect(arFullDisk(new Error('wrapped', { cause: fullDisk() }))).toBe(true);
    expect(arFullDisk(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBe(false);
    expect(arFullDisk('ENOSPC')).toBe(false);
  });

  it('answers a full disk while receiving the upload with a 503 in Swedish, not a 500', async () => {
    const interceptor = new ImportFilFelInterceptor({ importMaxBytes: 1024 ** 2 } as AppConfig);
    const error: unknown = await firstValueFrom(
      interceptor.intercept({} as never, { handle: () => throwError(fullDisk) }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect((error as ServiceUnavailableException).getStatus()).toBe(503);
    expect((error as ServiceUnavailableException).message).toBe(FULL_DISK_MEDDELANDE);
  });
});
