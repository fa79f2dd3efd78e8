import { parseAldersgrupper } from '#domain';
import {
  exportCsv,
  exportXlsx,
  skyddaReport,
  StatistikService,
  type StatistikQuery,
} from '#statistik';
import { writeFile } from 'node:fs/promises';
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
}

/** The statistics export as a file (`npm run cli -- export …`); returns a summary line. */
export const exportToFile = async (
  databaseUrl: string,
  options: ExportToFileOptions,
): Promise<string> => {
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
    const exportOptions = { skyddad: options.skydda === true };
    const file =
      options.format === 'csv'
        ? exportCsv(shown, exportOptions)
        : await exportXlsx(shown, exportOptions);
    await writeFile(options.out, file);
    return `Skrev ${options.out} (${file.length} byte): ${forbund[0]!.namn}, ${options.fran} – ${options.till}`;
  } finally {
    await dataSource.destroy();
  }
};
