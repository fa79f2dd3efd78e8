import ExcelJS from 'exceljs';
import type { Radceller, RadFel } from './import-rad.js';
import { KOLUMNER } from './kolumner.js';
import { DATA_BLAD } from './mall/import-mall.js';

const FEL_FARG = 'FFF8D7DA';

/**
 * The rows that had problems, as they were written, in the template's columns: each with its
 * row number in the uploaded file and its problems, the cells at fault marked. The two extra
 * columns are not the template's, so the sheet can be corrected and uploaded again as it is.
 */
export const xlsxFelrader = async (
  felrader: ReadonlyMap<number, Radceller>,
  fel: readonly RadFel[],
): Promise<Buffer> => {
  const perRad = new Map<number, RadFel[]>();
  for (const problem of fel) perRad.set(problem.rad, [...(perRad.get(problem.rad) ?? []), problem]);
  const workbook = new ExcelJS.Workbook();
  const blad = workbook.addWorksheet(DATA_BLAD, { views: [{ state: 'frozen', ySplit: 1 }] });
  blad.addRow([...KOLUMNER.map((k) => k.rubrik), 'Rad i filen', 'Fel']).font = { bold: true };
  KOLUMNER.forEach((kolumn, index) => {
    blad.getColumn(index + 1).width = Math.max(14, kolumn.rubrik.length + 4);
  });
  blad.getColumn(KOLUMNER.length + 2).width = 80;
  for (const [rad, celler] of [...felrader].sort(([a], [b]) => a - b)) {
    const problem = perRad.get(rad) ?? [];
    const row = blad.addRow([
      ...KOLUMNER.map((k) => {
        const cell = celler[k.nyckel] ?? null;
        return cell !== null && typeof cell === 'object' && 'fel' in cell ? null : cell;
      }),
      rad,
      problem.map((p) => `${p.kolumn}: ${p.meddelande}`).join('\n'),
    ]);
    row.getCell(KOLUMNER.length + 2).alignment = { wrapText: true, vertical: 'top' };
    KOLUMNER.forEach((kolumn, index) => {
      if (problem.some((p) => p.kolumn === kolumn.rubrik))
        row.getCell(index + 1).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: FEL_FARG },
        };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
