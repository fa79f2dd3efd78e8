import { stringify } from 'csv-stringify/sync';
import type { StatistikReport } from '../report.js';
import {
  cellText,
  exportHeaderLines,
  exportTables,
  type ExportCell,
  type ExportOptions,
} from './export-tables.js';

/** Excel runs a cell starting with one of these as a formula; insats names are typed by users. */
const FORMULA_START = /^[=+\-@\t\r]/;

const csvCell = (cell: ExportCell): string => {
  const value = cellText(cell);
  return cell.kind === 'text' && FORMULA_START.test(value) ? `'${value}` : value;
};

/** Rows per chunk: the file goes out in pieces of bounded size. */
const CHUNK_ROWS = 500;

/**
 * CSV for Excel with Swedish settings: a BOM so Excel reads UTF-8, ";" because "," is the
 * decimal separator, CRLF lines. The header lines, then one block per table with a blank
 * line before it. Yields the text in chunks, so the API can stream it.
 */
export function* csvChunks(
  report: StatistikReport,
  options: ExportOptions = {},
): Generator<string> {
  const write = (records: string[][]): string =>
    stringify(records, { delimiter: ';', record_delimiter: '\r\n' });
  yield '\ufeff' + write(exportHeaderLines(report, options).map((line) => [line]));
  for (const table of exportTables(report, options.layout)) {
    yield write([[], [table.title], table.columns]);
    for (let start = 0; start < table.rows.length; start += CHUNK_ROWS) {
      yield write(table.rows.slice(start, start + CHUNK_ROWS).map((row) => row.map(csvCell)));
    }
  }
}

/** The CSV file whole (tests, the command line); the API streams `csvChunks`. */
export const exportCsv = (report: StatistikReport, options: ExportOptions = {}): Buffer =>
  Buffer.from([...csvChunks(report, options)].join(''), 'utf8');
