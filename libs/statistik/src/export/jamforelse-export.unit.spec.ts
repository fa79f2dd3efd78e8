import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ByKon, StatistikReport } from '../report.js';
import { medOversikt } from '../oversikt.js';
import { kon, tabeller } from '../testing/report-builders.js';
import { exportCsv } from './csv-export.js';
import { cellText, exportHeaderLines, exportTables, forandring } from './export-tables.js';
import { exportXlsx } from './xlsx-export.js';

/** A report of one insats, Steget, whose figures are the förbund's. */
const rapport = (
  period: { fran: string; till: string },
  siffror: { aktuella: ByKon; nya: ByKon; avslutade: ByKon },
): StatistikReport => {
  const tables = tabeller({
    deltagare: { ...tabeller().deltagare, ...siffror },
  });
  const report: StatistikReport = {
    period,
    asOf: '2026-01-15T08:00:00.000Z',
    forbund: { id: 'f1', namn: 'Samordningsförbundet Test' },
    insatser: [{ insatsId: 'i1', namn: 'Steget', grupp: null, ordning: null, ...tables }],
    grupper: [],
    totalt: { ...tables, unikaPersoner: siffror.aktuella },
    oversikt: [],
  };
  return medOversikt(report);
};

// 2025: 14 aktuella (9 kvinnor, 5 män), 14 nya, 3 avslutade (2 kvinnor, 1 man).
const nu = rapport(
  { fran: '2025-01-01', till: '2025-12-31' },
  { aktuella: kon(9, 5), nya: kon(9, 5), avslutade: kon(2, 1) },
);
// The equally long period before: 8 aktuella (6, 2), 4 nya (4, 0), none avslutade.
const fore = rapport(
  { fran: '2024-01-02', till: '2024-12-31' },
  { aktuella: kon(6, 2), nya: kon(4), avslutade: kon(0) },
);
const jamford = medOversikt(nu, { typ: 'foregaende', report: fore });

describe('forandring', () => {
  it('gives the difference and, for an earlier count above 0, that share of it', () => {
    expect(forandring(14, 8)).toEqual({ skillnad: 6, andel: 0.75 });
    expect(forandring(4, 8)).toEqual({ skillnad: -4, andel: -0.5 });
    expect(forandring(3, 0)).toEqual({ skillnad: 3, andel: null });
    expect(forandring('<5', 8)).toEqual({ skillnad: null, andel: null });
    expect(forandring(3, '..')).toEqual({ skillnad: null, andel: null });
  });
});

describe('exports of a report with jamfor', () => {
  it('names the comparison period in the header', () => {
    expect(exportHeaderLines(jamford, { skyddad: false }).at(-1)).toBe(
      'Jämförelse: föregående lika långa period, 2024-01-02 – 2024-12-31',
    );
    expect(exportHeaderLines(nu, { skyddad: false })).toHaveLength(4);
  });

  it('shows in the bred overview the earlier counts by kön and the change of the totalt', () => {
    const oversikt = exportTables(jamford).find((table) => table.sheetName === 'Översikt')!;
    expect(oversikt.columns.slice(9)).toEqual([
      'Jämförelseperiod: kvinnor',
      'Jämförelseperiod: män',
      'Jämförelseperiod: ej angivet',
      'Jämförelseperiod: totalt',
      'Förändring totalt',
      'Förändring totalt (%)',
    ]);
    const rader = oversikt.rows.map((row) => row.map(cellText));
    // Aktuella 14 against 8: +6, 6/8 = +75,0 %.
    expect(rader.slice(0, 3)).toEqual([
      ['Aktuella'],
      [
        'Steget',
        '9',
        '64,3 %',
        '5',
        '35,7 %',
        '0',
        '0,0 %',
        '14',
        '100,0 %',
        '6',
        '2',
        '0',
        '8',
        '+6',
        '+75,0 %',
      ],
      [
        'Totalt',
        '9',
        '64,3 %',
        '5',
        '35,7 %',
        '0',
        '0,0 %',
        '14',
        '100,0 %',
        '6',
        '2',
        '0',
        '8',
        '+6',
        '+75,0 %',
      ],
    ]);
    // Nya 14 against 4: +10, 10/4 = +250,0 %; avslutade 3 against 0: +3, no percent of 0.
    expect(rader[4]!.slice(9)).toEqual(['4', '0', '0', '4', '+10', '+250,0 %']);
    expect(rader[6]![0]).toBe('Avslutade');
    expect(rader[7]!.slice(9)).toEqual(['0', '0', '0', '0', '+3', '']);
  });

  it('writes the change as a signed number in XLSX and as +6 in CSV', async () => {
    const csv: string[][] = parse(exportCsv(jamford), {
      bom: true,
      delimiter: ';',
      relax_column_count: true,
    });
    const steget = csv.find((rad) => rad[0] === 'Steget' && rad[13] === '+6');
    expect(steget?.slice(12)).toEqual(['8', '+6', '+75,0 %']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await exportXlsx(jamford, { skyddad: false })).buffer);
    const sheet = workbook.getWorksheet('Översikt')!;
    const rad = sheet
      .getRows(1, sheet.rowCount)!
      .find((row) => row.getCell(1).value === 'Steget' && row.getCell(14).value === 6)!;
    expect(rad.getCell(13).value).toBe(8);
    expect(rad.getCell(14).numFmt).toBe('+0;-0;0');
    expect(rad.getCell(15).value).toBe(0.75);
    expect(rad.getCell(15).numFmt).toBe('+0.0%;-0.0%;0.0%');
  });

  it('adds to the lang layout the overview with the comparison, one row per measure and kön', () => {
    const tables = exportTables(jamford, 'lang');
    expect(tables[0]!.title).toBe('Översikt jämförd med 2024-01-02 – 2024-12-31');
    expect(tables[0]!.columns).toEqual([
      'Insats',
      'Mått',
      'Kön',
      'Värde',
      'Jämförelseperiod',
      'Förändring',
      'Förändring (%)',
    ]);
    const rader = tables[0]!.rows.map((row) => row.map(cellText));
    // Steget and the förbund, four measures, four kön each.
    expect(rader).toHaveLength(2 * 4 * 4);
    expect(rader.slice(0, 4)).toEqual([
      ['Steget', 'Aktuella', 'Kvinnor', '9', '6', '+3', '+50,0 %'],
      ['Steget', 'Aktuella', 'Män', '5', '2', '+3', '+150,0 %'],
      ['Steget', 'Aktuella', 'Ej angivet', '0', '0', '0', ''],
      ['Steget', 'Aktuella', 'Totalt', '14', '8', '+6', '+75,0 %'],
    ]);
    expect(rader[6]).toEqual(['Steget', 'Nya', 'Ej angivet', '0', '0', '0', '']);
    // Without jamfor the lang layout is as before.
    expect(exportTables(nu, 'lang')[0]!.sheetName).toBe('Deltagare');
  });
});
