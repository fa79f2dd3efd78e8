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

/**
 * CSV for Excel with Swedish settings: a BOM so Excel reads UTF-8, ";" because "," is the
 * decimal separator, CRLF lines. The header lines, then one block per table with a blank
 * line before it.
 */
export const exportCsv = (report: StatistikReport, options: ExportOptions = {}): Buffer => {
  const records: string[][] = exportHeaderLines(report, options).map((line) => [line]);
  for (const table of exportTables(report)) {
    records.push([], [table.title], table.columns, ...table.rows.map((row) => row.map(csvCell)));
  }
  return Buffer.from(
    stringify(records, { bom: true, delimiter: ';', record_delimiter: '\r\n' }),
    'utf8',
  );
};
