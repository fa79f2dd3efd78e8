import { parseAldersgrupper } from '#domain';
import {
  csvChunks,
  ReportPeriodError,
  reportPeriodProblem,
  skyddaReport,
  StatistikService,
  writeXlsx,
  type StatistikQuery,
} from '#statistik';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options.js';

export interface ExportToFileOptions {
  readonly fran: string;
  readonly till: string;
  readonly format: 'csv' | 'xlsx';
  readonly out: string;
  /** Needed only when the database holds more than one förbund. */
  readonly forbundId?: string;
  readonly insatsIds?: string[];
  readonly asOf?: Date;
  readonly aldersgrupper?: string;
  readonly skydda?: boolean;
  /** `bred` when not given. */
  readonly layout?: 'bred' | 'lang';
}

/** The statistics export as a file (`npm run cli -- export …`); returns a summary line. */
export const exportToFile = async (
  databaseUrl: string,
  options: ExportToFileOptions,
): Promise<string> => {
  // The API's period rule, checked before the database is even opened.
  const problem = reportPeriodProblem(options.fran, options.till);
  if (problem) throw new ReportPeriodError(problem);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const forbund: { id: string; namn: string }[] = await dataSource.query(
      'SELECT id, namn FROM forbund WHERE $1::uuid IS NULL OR id = $1::uuid ORDER BY namn',
      [options.forbundId ?? null],
    );
    if (forbund.length !== 1) {
      throw new Error(
        forbund.length === 0
          ? 'Förbundet finns inte'
          : `Databasen har ${forbund.length} förbund; ange --forbund <id>: ${forbund.map((f) => `${f.id} ${f.namn}`).join(', ')}`,
      );
    }
    const query: StatistikQuery = {
      forbundId: forbund[0]!.id,
      fran: options.fran,
      till: options.till,
      ...(options.insatsIds?.length ? { insatsIds: options.insatsIds } : {}),
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.aldersgrupper
        ? { aldersgrupper: parseAldersgrupper(options.aldersgrupper) }
        : {}),
    };
    const report = await new StatistikService(dataSource).report(query, forbund[0]!);
    const shown = options.skydda ? skyddaReport(report) : report;
    const exportOptions = { skyddad: options.skydda === true, layout: options.layout ?? 'bred' };
    // Streamed to the file, as the API streams it to the response.
    if (options.format === 'csv') {
      await pipeline(
        Readable.from(csvChunks(shown, exportOptions)),
        createWriteStream(options.out),
      );
    } else {
      await writeXlsx(shown, exportOptions, createWriteStream(options.out));
    }
    const { size } = await stat(options.out);
    return `Skrev ${options.out} (${size} byte): ${forbund[0]!.namn}, ${options.fran} – ${options.till}`;
  } finally {
    await dataSource.destroy();
  }
};
