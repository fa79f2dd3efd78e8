import ExcelJS from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import type { StatistikReport } from '../report.js';
import {
  cellText,
  exportHeaderLines,
  exportTables,
  type ExportCell,
  type ExportOptions,
} from './export-tables.js';

const ANDEL_FORMAT = '0.0%';
const DAGAR_FORMAT = '0.0';
const KRONOR_FORMAT = '#,##0';

const cellValue = (cell: ExportCell): ExcelJS.CellValue => {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'antal':
      return cell.antal;
    case 'andel':
      return cell.andel;
    case 'dagar':
      return cell.dagar;
    case 'tal':
      return cell.tal;
    case 'kronor':
      return cell.kronor;
    case 'forandring':
      return cell.forandring;
  }
  const _exhaustive: never = cell;
  return _exhaustive;
};

const NUMBER_FORMAT: Partial<Record<ExportCell['kind'], string>> = {
  andel: ANDEL_FORMAT,
  dagar: DAGAR_FORMAT,
  kronor: KRONOR_FORMAT,
};

/** A change shows its sign: +3, -2, 0 (and +12.5 % for a change of a count in percent). */
const FORANDRING_FORMAT = '+0;-0;0';
const FORANDRING_PROCENT_FORMAT = '+0.0%;-0.0%;0.0%';

const numberFormat = (cell: ExportCell): string | undefined =>
  cell.kind === 'forandring'
    ? cell.procent
      ? FORANDRING_PROCENT_FORMAT
      : FORANDRING_FORMAT
    : NUMBER_FORMAT[cell.kind];

/**
 * XLSX, one worksheet per table, each starting with the report's header lines. Numbers stay
 * numeric (shares as fractions formatted as percent) so Excel can compute with them; "<5" is
 * text, right-aligned among the numbers. Written row by row to `out` (exceljs's streaming
 * writer), so neither the workbook nor the file is ever held whole.
 */
export const writeXlsx = async (
  report: StatistikReport,
  options: ExportOptions,
  out: Writable,
): Promise<void> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Deltagarflöde';
  // The report's moment rather than now, so the same report gives the same file.
  workbook.created = new Date(report.asOf);
  workbook.modified = new Date(report.asOf);
  const headerLines = exportHeaderLines(report, options);
  const headerRow = headerLines.length + 2;

  for (const table of exportTables(report, options.layout)) {
    const sheet = workbook.addWorksheet(table.sheetName, {
      views: [{ state: 'frozen', ySplit: headerRow }],
    });
    // Widths from the table itself: the long header lines would widen the first column.
    sheet.columns = table.columns.map((column, i) => {
      const longest = Math.max(
        column.length,
        ...table.rows.map((row) => (row[i] ? cellText(row[i]) : '').length),
      );
      return { width: Math.min(Math.max(longest + 2, 10), 50) };
    });
    for (const line of headerLines) sheet.addRow([line]).commit();
    const title = sheet.addRow([table.title]);
    title.font = { bold: true, size: 12 };
    title.commit();
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };
    header.commit();

    for (const row of table.rows) {
      const added = sheet.addRow(row.map(cellValue));
      // A `bred` block starts with a row holding its label alone.
      if (row.length === 1) added.font = { bold: true };
      row.forEach((cell, i) => {
        const format = numberFormat(cell);
        if (format) added.getCell(i + 1).numFmt = format;
        if (cell.kind === 'antal' && typeof cell.antal === 'string') {
          added.getCell(i + 1).alignment = { horizontal: 'right' };
        }
      });
      added.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
};

/** The XLSX file whole, for callers that want a buffer (tests); the API streams it. */
export const exportXlsx = async (
  report: StatistikReport,
  options: ExportOptions = {},
): Promise<Buffer> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeXlsx(report, options, out);
  await ended;
  return Buffer.concat(chunks);
};
