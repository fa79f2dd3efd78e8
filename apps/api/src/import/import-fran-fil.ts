import type { AppConfig } from '#platform';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { access, constants } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import { SYSTEM_USER_ID } from '../personer/gallring.js';
import { ImportKorning, type ImportLage } from './import-korning.js';
import { kontrolleraFil } from './las-fil.js';

export interface ImportFranFilOptions {
  readonly fil: string;
  /** Needed only when the database holds more than one förbund. */
  readonly forbundId?: string;
  readonly torrkorning: boolean;
  readonly allaEllerInget: boolean;
}

/** Problems printed after the summary; the rest are counted. */
const VISADE_FEL = 50;

const tal = (n: number): string => n.toLocaleString('sv-SE');

/**
 * `npm run cli -- import FIL`: the same import as POST /import, run in this process with the
 * application's own services (and its projections, so passed-over rows are known), with a
 * progress line on stderr. Returns the summary.
 */
export const importFranFil = async (
  config: AppConfig,
  databaseUrl: string,
  options: ImportFranFilOptions,
  framsteg: (rad: string) => void,
): Promise<string> => {
  // Read from disk on every pass, never held whole: the file's size does not grow the process.
  await access(options.fil, constants.R_OK);
  const fil = { sokvag: options.fil };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, databaseUrl), {
    logger: ['error', 'warn'],
  });
  try {
    const korning = app.get(ImportKorning);
    const forbund: { id: string; namn: string }[] = await app
      .get(DataSource)
      .query('SELECT id, namn FROM forbund WHERE $1::uuid IS NULL OR id = $1::uuid ORDER BY namn', [
        options.forbundId ?? null,
      ]);
    if (forbund.length !== 1)
      throw new Error(
        forbund.length === 0
          ? 'Förbundet finns inte'
          : `Databasen har ${forbund.length} förbund; ange --forbund <id>: ${forbund.map((f) => `${f.id} ${f.namn}`).join(', ')}`,
      );
    const rader = await kontrolleraFil(fil, korning.filgranser);
    const importId = randomUUID();
    const started = Date.now();
    const lage = await korning.kor(
      fil,
      {
        importId,
        forbundId: forbund[0]!.id,
        userId: SYSTEM_USER_ID,
        torrkorning: options.torrkorning,
        allaEllerInget: options.allaEllerInget,
      },
      (nu) => framsteg(framstegsrad(nu, rader)),
    );
    const sekunder = (Date.now() - started) / 1000;
    return sammanfattning(lage, { importId, forbund: forbund[0]!.namn, sekunder, ...options });
  } finally {
    await app.close();
  }
};

const framstegsrad = (lage: ImportLage, rader: number): string =>
  `${tal(lage.klara)} av ${tal(rader)} rader (${Math.floor((lage.klara / Math.max(rader, 1)) * 100)} %), ${tal(lage.skrivna)} skrivna, ${tal(lage.hoppadeOver)} hoppade över, ${tal(lage.felTotalt)} fel`;

const sammanfattning = (
  lage: ImportLage,
  om: { importId: string; forbund: string; sekunder: number; torrkorning: boolean },
): string => {
  const rader = [
    `${om.torrkorning ? 'Provkörning' : 'Import'} ${om.importId} för ${om.forbund}: ${tal(lage.rader)} rader, ${tal(lage.skrivna)} deltaganden skrivna (${tal(om.torrkorning ? 0 : lage.handelser)} händelser), ${tal(lage.hoppadeOver)} hoppade över (redan importerade), ${tal(lage.felTotalt)} fel, ${om.sekunder.toFixed(1)} s`,
    ...lage.fel.slice(0, VISADE_FEL).map((f) => `  rad ${f.rad}, ${f.kolumn}: ${f.meddelande}`),
  ];
  if (lage.felTotalt > VISADE_FEL)
    rader.push(`  … och ${tal(lage.felTotalt - VISADE_FEL)} fel till`);
  if (!om.torrkorning && lage.felTotalt > 0 && lage.skrivna === 0 && lage.handelser === 0)
    rader.push('Inget skrevs.');
  return rader.join('\n');
};
