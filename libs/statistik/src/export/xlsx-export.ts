import ExcelJS from 'exceljs';
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
  }
  const _exhaustive: never = cell;
  return _exhaustive;
};

const numberFormat = (cell: ExportCell): string | undefined =>
  cell.kind === 'andel' ? ANDEL_FORMAT : cell.kind === 'dagar' ? DAGAR_FORMAT : undefined;

/**
 * XLSX, one worksheet per table, each starting with the report's header lines. Numbers stay
 * numeric (shares as fractions formatted as percent) so Excel can compute with them; "<5" is
 * text, right-aligned among the numbers.
 */
export const exportXlsx = async (
  report: StatistikReport,
  options: ExportOptions = {},
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Deltagarflöde';
  // The report's moment rather than now, so the same report gives the same file.
  workbook.created = new Date(report.asOf);
  workbook.modified = new Date(report.asOf);
  const headerLines = exportHeaderLines(report, options);

  for (const table of exportTables(report)) {
    const sheet = workbook.addWorksheet(table.sheetName);
    for (const line of headerLines) sheet.addRow([line]);
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };

    for (const row of table.rows) {
      const added = sheet.addRow(row.map(cellValue));
      row.forEach((cell, i) => {
        const format = numberFormat(cell);
        if (format) added.getCell(i + 1).numFmt = format;
        if (cell.kind === 'antal' && typeof cell.antal === 'string') {
          added.getCell(i + 1).alignment = { horizontal: 'right' };
        }
      });
    }

    sheet.views = [{ state: 'frozen', ySplit: header.number }];
    // Widths from the table itself: the long header lines would widen the first column.
    table.columns.forEach((column, i) => {
      const longest = Math.max(column.length, ...table.rows.map((row) => cellText(row[i]!).length));
      sheet.getColumn(i + 1).width = Math.min(Math.max(longest + 2, 10), 50);
    });
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
};
