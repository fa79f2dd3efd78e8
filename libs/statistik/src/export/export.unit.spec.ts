import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { StatistikReport, StatistikTables } from '../report.js';
import { oversiktFor } from '../oversikt.js';
import { kon, tabeller } from '../testing/report-builders.js';
import { exportCsv } from './csv-export.js';
import { cellText, exportFileName, exportHeaderLines, exportTables } from './export-tables.js';
import { exportXlsx } from './xlsx-export.js';

/** One insats, Steget, whose tables are the förbund's, except volym, shown protected. */
const steget = (): Partial<StatistikTables> => ({
  deltagare: { ...tabeller().deltagare, aktuella: kon(9, 5), nya: kon(9, 5) },
  remisser: {
    ...tabeller().remisser,
    mottagna: kon(9, 7),
    perRemittent: [
      { remittent: 'af', antal: kon(3, 7) },
      { remittent: 'fk', antal: kon(6) },
    ],
    perKommun: [{ kommun: '0138', antal: kon(9, 7) }],
    kotidDagar: { medel: 12.5, median: 10 },
  },
  nyaPerRemittent: [
    { remittent: 'af', antal: 5, andel: 5 / 14 },
    { remittent: 'fk', antal: 9, andel: 9 / 14 },
  ],
  kommuner: [
    {
      kommun: '0138',
      remisser: { mottagna: kon(9, 7), aterremitterade: kon(2), inskrivna: kon(7, 5) },
      aktuella: kon(9, 5),
      nya: kon(9, 5),
    },
  ],
  nyaPerRemittentEnhet: [
    { remittent: 'af', enhet: 'af haninge', antal: 5 },
    { remittent: 'fk', enhet: 'lokalkontor tyresö', antal: 6 },
    { remittent: 'fk', enhet: null, antal: 3 },
  ],
});

const tables: Omit<StatistikReport, 'oversikt'> = {
  period: { fran: '2025-01-01', till: '2025-12-31' },
  asOf: '2026-01-15T08:00:00.000Z',
  forbund: { id: 'f1', namn: 'Samordningsförbundet Test' },
  insatser: [
    {
      insatsId: 'i1',
      namn: 'Steget',
      grupp: null,
      ordning: null,
      ...tabeller({ ...steget(), volym: { kvinna: '<5', man: '<5', ejAngivet: 0, totalt: 13 } }),
    },
  ],
  grupper: [],
  totalt: { ...tabeller({ ...steget(), volym: kon(3, 10) }), unikaPersoner: kon(9, 5) },
};
const report: StatistikReport = { ...tables, oversikt: oversiktFor(tables) };

const HEADER_LINES = [
  'Förbund: Samordningsförbundet Test',
  'Period: 2025-01-01 – 2025-12-31',
  'Uppgifter per: 2026-01-15T08:00:00.000Z (2026-01-15 09:00 svensk tid)',
  'Skyddad för publicering: ja – <5 = antal 1–4 (primär sekretess), .. = antal som döljs för att ett <5 inte ska kunna räknas fram ur en summa (sekundär sekretess)',
];

/** The long format (one row per value), which these tests were written for. */
const LANG = { layout: 'lang' } as const;

describe('exportTables', () => {
  it('gives every table a unique worksheet name Excel accepts', () => {
    const names = exportTables(report, 'lang').map((table) => table.sheetName);

    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('lists the rows of each insats first, then the förbund as "Totalt"', () => {
    const deltagare = exportTables(report, 'lang').find((table) => table.title === 'Deltagare')!;

    expect(
      deltagare.rows.map((row) => row.slice(0, 2).map((cell) => cell.kind === 'text' && cell.text)),
    ).toEqual([
      ['Steget', 'Aktuella'],
      ['Steget', 'Nya'],
      ['Steget', 'Överförda från tidigare period'],
      ['Steget', 'Avslutade'],
      ['Steget', 'Pågående vid periodens slut'],
      ['Totalt', 'Aktuella'],
      ['Totalt', 'Nya'],
      ['Totalt', 'Överförda från tidigare period'],
      ['Totalt', 'Avslutade'],
      ['Totalt', 'Pågående vid periodens slut'],
      ['Totalt', 'Unika personer'],
    ]);
  });

  it('lists each goal with its mått, period, mål, utfall, andel av mål and i fas', () => {
    const withGoals: StatistikReport = {
      ...report,
      insatser: [],
      totalt: {
        ...report.totalt,
        mal: [
          {
            malId: 'm1',
            matt: 'nya',
            fran: '2020-06-01',
            till: '2022-06-30',
            varde: 330,
            utfall: 134,
            andelAvMal: 134 / 330,
            iFas: true,
          },
          {
            malId: 'm2',
            matt: 'andel-arbete-studier',
            fran: '2020-01-01',
            till: '2020-12-31',
            varde: 0.65,
            utfall: null,
            andelAvMal: null,
            underlag: { antal: '<5', avslutade: 9 },
          },
        ],
      },
    };
    const mal = exportTables(withGoals, 'lang').find((table) => table.sheetName === 'Mål')!;

    expect(mal.rows).toEqual([
      [
        { kind: 'text', text: 'Totalt' },
        { kind: 'text', text: 'Nya deltagare' },
        { kind: 'text', text: '2020-06-01' },
        { kind: 'text', text: '2022-06-30' },
        { kind: 'tal', tal: 330 },
        { kind: 'antal', antal: 134 },
        { kind: 'andel', andel: 134 / 330 },
        { kind: 'text', text: 'Ja' },
      ],
      [
        { kind: 'text', text: 'Totalt' },
        { kind: 'text', text: 'Andel till arbete eller studier' },
        { kind: 'text', text: '2020-01-01' },
        { kind: 'text', text: '2020-12-31' },
        { kind: 'andel', andel: 0.65 },
        { kind: 'andel', andel: null },
        { kind: 'andel', andel: null },
        { kind: 'text', text: '' },
      ],
    ]);
  });

  it('says a report is not protected when told so, whatever it holds', () => {
    expect(exportHeaderLines(report, { skyddad: false })[3]).toBe('Skyddad för publicering: nej');
  });
});

describe('exportFileName', () => {
  it('names the file after the period', () => {
    expect(exportFileName(report, 'xlsx')).toBe('deltagarstatistik-2025-01-01--2025-12-31.xlsx');
    expect(exportFileName(report, 'csv')).toBe('deltagarstatistik-2025-01-01--2025-12-31.csv');
  });
});

describe('exportCsv', () => {
  const csv = exportCsv(report, LANG);
  const records: string[][] = parse(csv, { bom: true, delimiter: ';', relax_column_count: true });
  const block = (title: string): string[][] => {
    const start = records.findIndex((record) => record[0] === title);
    const end = records.findIndex((record, i) => i > start && record.join('') === '');
    return records.slice(start, end === -1 ? undefined : end);
  };

  it('starts with a UTF-8 BOM and ends its lines with CRLF', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.slice(0, 6)).toEqual([...HEADER_LINES, '', 'Deltagare']);
    expect(lines[6]).toBe('Insats;Mått;Kvinnor;Män;Ej angivet;Totalt');
  });

  it('labels remittenter in Swedish and writes counts as integers and "<5" as is', () => {
    expect(block('Remisser per remittent')).toEqual([
      ['Remisser per remittent'],
      ['Insats', 'Remittent', 'Kvinnor', 'Män', 'Ej angivet', 'Totalt'],
      ['Steget', 'Arbetsförmedlingen', '3', '7', '0', '10'],
      ['Steget', 'Försäkringskassan', '6', '0', '0', '6'],
      ['Totalt', 'Arbetsförmedlingen', '3', '7', '0', '10'],
      ['Totalt', 'Försäkringskassan', '6', '0', '0', '6'],
    ]);
    expect(block('Volym')).toEqual([
      ['Volym'],
      ['Insats', 'Kvinnor', 'Män', 'Ej angivet', 'Totalt'],
      ['Steget', '<5', '<5', '0', '13'],
      ['Totalt', '3', '10', '0', '13'],
    ]);
  });

  it('labels a kommun by code and name', () => {
    expect(block('Remisser per kommun')[2]).toEqual(['Steget', '0138 Tyresö', '9', '7', '0', '16']);
  });

  it('writes the kommun table, five measures per kommun labelled by code and name', () => {
    expect(block('Per kommun (remisser, aktuella och nya)')).toEqual([
      ['Per kommun (remisser, aktuella och nya)'],
      ['Insats', 'Kommun', 'Mått', 'Kvinnor', 'Män', 'Ej angivet', 'Totalt'],
      ['Steget', '0138 Tyresö', 'Mottagna remisser', '9', '7', '0', '16'],
      ['Steget', '0138 Tyresö', 'Återremitterade remisser', '2', '0', '0', '2'],
      ['Steget', '0138 Tyresö', 'Inskrivna av mottagna remisser', '7', '5', '0', '12'],
      ['Steget', '0138 Tyresö', 'Aktuella', '9', '5', '0', '14'],
      ['Steget', '0138 Tyresö', 'Nya', '9', '5', '0', '14'],
      ['Totalt', '0138 Tyresö', 'Mottagna remisser', '9', '7', '0', '16'],
      ['Totalt', '0138 Tyresö', 'Återremitterade remisser', '2', '0', '0', '2'],
      ['Totalt', '0138 Tyresö', 'Inskrivna av mottagna remisser', '7', '5', '0', '12'],
      ['Totalt', '0138 Tyresö', 'Aktuella', '9', '5', '0', '14'],
      ['Totalt', '0138 Tyresö', 'Nya', '9', '5', '0', '14'],
    ]);
  });

  it('writes nya per remittent and enhet, an enhet never given as "Ej angiven"', () => {
    expect(block('Nya deltagare per remittent och enhet').slice(1, 5)).toEqual([
      ['Insats', 'Remittent', 'Enhet', 'Antal'],
      ['Steget', 'Arbetsförmedlingen', 'af haninge', '5'],
      ['Steget', 'Försäkringskassan', 'lokalkontor tyresö', '6'],
      ['Steget', 'Försäkringskassan', 'Ej angiven', '3'],
    ]);
  });

  it('writes shares as percent with one decimal and days with a decimal comma', () => {
    expect(block('Nya deltagare per remittent').slice(1, 4)).toEqual([
      ['Insats', 'Remittent', 'Antal', 'Andel av nya'],
      ['Steget', 'Arbetsförmedlingen', '5', '35,7 %'],
      ['Steget', 'Försäkringskassan', '9', '64,3 %'],
    ]);
    expect(block('Kötid och tid i insats')[2]).toEqual([
      'Steget',
      'Kötid från remiss till inskrivning (nya)',
      '12,5',
      '10,0',
    ]);
  });

  it('keeps Excel from running an insats name as a formula', () => {
    const formel = { ...report, insatser: [{ ...report.insatser[0]!, namn: '=1+1' }] };
    const rows: string[][] = parse(exportCsv(formel, LANG), {
      bom: true,
      delimiter: ';',
      relax_column_count: true,
    });

    expect(rows.find((row) => row[1] === 'Aktuella')).toEqual([
      "'=1+1",
      'Aktuella',
      '9',
      '5',
      '0',
      '14',
    ]);
  });
});

describe('exportXlsx', () => {
  const load = async (): Promise<ExcelJS.Workbook> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await exportXlsx(report, LANG)).buffer);
    return workbook;
  };

  it('writes one worksheet per table, each starting with the header lines', async () => {
    const workbook = await load();

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      exportTables(report, 'lang').map((table) => table.sheetName),
    );
    const sheet = workbook.getWorksheet('Remisser per remittent')!;
    expect([1, 2, 3, 4, 5].map((row) => sheet.getCell(row, 1).value)).toEqual([
      ...HEADER_LINES,
      'Remisser per remittent',
    ]);
  });

  it('writes a bold, frozen column header and labelled rows with numeric counts', async () => {
    const sheet = (await load()).getWorksheet('Remisser per remittent')!;

    expect(sheet.getRow(6).values).toEqual([
      undefined,
      'Insats',
      'Remittent',
      'Kvinnor',
      'Män',
      'Ej angivet',
      'Totalt',
    ]);
    expect(sheet.getRow(6).font).toEqual({ bold: true });
    expect(sheet.views).toMatchObject([{ state: 'frozen', ySplit: 6 }]);
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      'Steget',
      'Arbetsförmedlingen',
      3,
      7,
      0,
      10,
    ]);
  });

  it('writes a share as a number formatted as percent with one decimal', async () => {
    const cell = (await load()).getWorksheet('Nya deltagare per remittent')!.getCell('D7');

    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.value).toBe(5 / 14);
    expect(cell.numFmt).toBe('0.0%');
  });

  it('writes the kommun table and nya per remittent and enhet on sheets of their own', async () => {
    const workbook = await load();

    expect(workbook.getWorksheet('Per kommun')!.getRow(7).values).toEqual([
      undefined,
      'Steget',
      '0138 Tyresö',
      'Mottagna remisser',
      9,
      7,
      0,
      16,
    ]);
    expect(workbook.getWorksheet('Nya per remittent och enhet')!.getRow(9).values).toEqual([
      undefined,
      'Steget',
      'Försäkringskassan',
      'Ej angiven',
      3,
    ]);
  });

  it('writes "<5" as text', async () => {
    const sheet = (await load()).getWorksheet('Volym')!;

    expect(sheet.getRow(7).values).toEqual([undefined, 'Steget', '<5', '<5', 0, 13]);
    expect(sheet.getCell('B7').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('exports of a report with grupper', () => {
  const insats = (insatsId: string, namn: string, grupp: string | null, aktuella: number) => ({
    insatsId,
    namn,
    grupp,
    ordning: null,
    ...tabeller({ deltagare: { ...tabeller().deltagare, aktuella: kon(aktuella) } }),
  });
  const ekonomi = {
    ar: 2025,
    budget: 100_000,
    kostnad: 140_000,
    aktuella: 6,
    nya: 5,
    kostnadPerDeltagare: 23_333,
    kostnadPerNyDeltagare: 28_000,
  };
  /** Steget, then Bron and DEV of "Rätt stöd för mig", then ProLog of it too, after Annat. */
  const medGrupper: StatistikReport = {
    ...report,
    insatser: [
      insats('i1', 'Steget', null, 2),
      insats('i2', 'Bron', 'Rätt stöd för mig', 3),
      insats('i3', 'DEV', 'Rätt stöd för mig', 2),
      insats('i4', 'Annat', null, 0),
      insats('i5', 'ProLog', 'Rätt stöd för mig', 1),
    ],
    grupper: [
      {
        grupp: 'Rätt stöd för mig',
        insatsIds: ['i2', 'i3', 'i5'],
        ...tabeller({
          deltagare: { ...tabeller().deltagare, aktuella: kon(6) },
          ekonomi: [ekonomi],
        }),
        unikaPersoner: kon(5),
      },
    ],
    totalt: {
      ...tabeller({ deltagare: { ...tabeller().deltagare, aktuella: kon(8) } }),
      unikaPersoner: kon(7),
    },
  };

  it('lists insatser in the report’s order with the grupp’s subtotal after its last insats', () => {
    const deltagare = exportTables(medGrupper, 'lang').find(
      (table) => table.title === 'Deltagare',
    )!;
    const aktuella = deltagare.rows
      .filter((row) => cellText(row[1]!) === 'Aktuella')
      .map((row) => [cellText(row[0]!), cellText(row[5]!)]);

    expect(aktuella).toEqual([
      ['Steget', '2'],
      ['Bron', '3'],
      ['DEV', '2'],
      ['Annat', '0'],
      ['ProLog', '1'],
      ['Delsumma Rätt stöd för mig', '6'],
      ['Totalt', '8'],
    ]);
    // A grupp's unika personer, like the förbund's.
    expect(
      deltagare.rows
        .filter((row) => cellText(row[1]!) === 'Unika personer')
        .map((row) => [cellText(row[0]!), cellText(row[5]!)]),
    ).toEqual([
      ['Delsumma Rätt stöd för mig', '5'],
      ['Totalt', '7'],
    ]);
  });

  it('writes the subtotal rows to CSV and XLSX alike', async () => {
    const records: string[][] = parse(exportCsv(medGrupper, LANG), {
      bom: true,
      delimiter: ';',
      relax_column_count: true,
    });
    const start = records.findIndex((record) => record[0] === 'Deltagare');
    expect(records.slice(start + 2, start + 14).map((record) => record[0])).toEqual([
      ...Array<string>(5).fill('Steget'),
      ...Array<string>(5).fill('Bron'),
      'DEV',
      'DEV',
    ]);
    expect(records.filter((record) => record[1] === 'Aktuella').map((r) => r[0])).toEqual([
      'Steget',
      'Bron',
      'DEV',
      'Annat',
      'ProLog',
      'Delsumma Rätt stöd för mig',
      'Totalt',
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await exportXlsx(medGrupper, LANG)).buffer);
    const sheet = workbook.getWorksheet('Deltagare')!;
    const names: unknown[] = [];
    sheet.eachRow((row, i) => {
      if (i > 6 && row.getCell(2).value === 'Aktuella') names.push(row.getCell(1).value);
    });
    expect(names).toEqual([
      'Steget',
      'Bron',
      'DEV',
      'Annat',
      'ProLog',
      'Delsumma Rätt stöd för mig',
      'Totalt',
    ]);
  });

  it('writes ekonomi in whole kronor, numeric in XLSX', async () => {
    const records: string[][] = parse(exportCsv(medGrupper, LANG), {
      bom: true,
      delimiter: ';',
      relax_column_count: true,
    });
    const start = records.findIndex((record) => record[0]!.startsWith('Ekonomi per kalenderår'));
    expect(records.slice(start + 1, start + 3)).toEqual([
      [
        'Insats',
        'År',
        'Budget',
        'Kostnad',
        'Aktuella deltagare',
        'Kostnad per deltagare',
        'Nya deltagare',
        'Kostnad per ny deltagare',
      ],
      ['Delsumma Rätt stöd för mig', '2025', '100000', '140000', '6', '23333', '5', '28000'],
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await exportXlsx(medGrupper, LANG)).buffer);
    const cell = workbook.getWorksheet('Ekonomi')!.getCell('F7');
    expect(cell.value).toBe(23_333);
    expect(cell.numFmt).toBe('#,##0');
  });
});

describe('the bred layout (the default)', () => {
  const rows = (file: Buffer): string[][] =>
    parse(file, { bom: true, delimiter: ';', relax_column_count: true });
  const block = (records: string[][], title: string): string[][] => {
    const start = records.findIndex((record) => record[0] === title);
    const end = records.findIndex((record, i) => i > start && record.join('') === '');
    return records.slice(start, end === -1 ? undefined : end);
  };

  it('puts the insatser and Totalt as rows of a block per measure, each count beside its share', () => {
    const volym = exportTables(report).find((table) => table.sheetName === 'Volym')!;

    expect(volym.columns).toEqual([
      'Insats',
      'Kvinnor',
      'Andel kvinnor',
      'Män',
      'Andel män',
      'Ej angivet',
      'Andel ej angivet',
      'Totalt',
      'Andel av totalt',
    ]);
    // Steget's shares go with its suppressed counts; its 13 is all of the förbund's 13.
    expect(volym.rows.map((row) => row.map(cellText))).toEqual([
      ['Volym'],
      ['Steget', '<5', '', '<5', '', '0', '0,0 %', '13', '100,0 %'],
      ['Totalt', '3', '23,1 %', '10', '76,9 %', '0', '0,0 %', '13', '100,0 %'],
    ]);
  });

  it('writes every kön table in the bred shape, försörjning included, and CSV as pasted', () => {
    const tables = exportTables(report);
    const sheetsWith = (andel: string) =>
      tables.filter((table) => table.columns[2] === andel).map((t) => t.sheetName);
    expect(sheetsWith('Andel kvinnor')).toEqual([
      'Översikt',
      'Deltagare',
      'Åldersgrupper',
      'Remisser',
      'Remisser per remittent',
      'Remisser per kommun',
      'Per kommun',
      'Volym',
    ]);
    // Outcomes among avslutade are shares of the avslutade of the same kön, as the seeds'.
    expect(sheetsWith('Andel av avslutade kvinnor')).toEqual([
      'Utfall per avslutsorsak',
      'Utfall per grupp',
      'Försörjning',
    ]);
    expect(sheetsWith('Andel av uppföljda kvinnor')).toEqual(['Uppföljning']);

    expect(block(rows(exportCsv(report)), 'Remisser per remittent')).toEqual([
      ['Remisser per remittent'],
      [
        'Insats',
        'Kvinnor',
        'Andel kvinnor',
        'Män',
        'Andel män',
        'Ej angivet',
        'Andel ej angivet',
        'Totalt',
        'Andel av totalt',
      ],
      ['Arbetsförmedlingen'],
      ['Steget', '3', '30,0 %', '7', '70,0 %', '0', '0,0 %', '10', '100,0 %'],
      ['Totalt', '3', '30,0 %', '7', '70,0 %', '0', '0,0 %', '10', '100,0 %'],
      ['Försäkringskassan'],
      ['Steget', '6', '100,0 %', '0', '0,0 %', '0', '0,0 %', '6', '100,0 %'],
      ['Totalt', '6', '100,0 %', '0', '0,0 %', '0', '0,0 %', '6', '100,0 %'],
    ]);
  });

  it('writes numeric XLSX cells, shares as fractions formatted as percent', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await exportXlsx(report)).buffer);
    const sheet = workbook.getWorksheet('Deltagare')!;

    expect(sheet.getRow(7).values).toEqual([undefined, 'Aktuella']);
    expect(sheet.getRow(8).values).toEqual([
      undefined,
      'Steget',
      9,
      9 / 14,
      5,
      5 / 14,
      0,
      0,
      14,
      1,
    ]);
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((c) => sheet.getRow(8).getCell(c).type)).toEqual(
      Array(8).fill(ExcelJS.ValueType.Number),
    );
    expect([3, 5, 7, 9].map((c) => sheet.getRow(8).getCell(c).numFmt)).toEqual(
      Array(4).fill('0.0%'),
    );
  });

  it('keeps names starting with =, +, - or @ from running as formulas in CSV and XLSX', async () => {
    const namn = ['=1+1', '+A1', '-2', '@SUM(A1)'];
    const utanOversikt = {
      ...report,
      insatser: namn.map((n, i) => ({ ...report.insatser[0]!, insatsId: `i${i}`, namn: n })),
    };
    const formler: StatistikReport = { ...utanOversikt, oversikt: oversiktFor(utanOversikt) };

    const csvRows = rows(exportCsv(formler));
    // The overview comes first and has a Volym block of its own: read the Volym sheet's.
    const volym = block(csvRows.slice(csvRows.findIndex((row) => row[0] === 'Deltagare')), 'Volym');
    expect(volym.slice(3, 7).map((row) => row[0])).toEqual(["'=1+1", "'+A1", "'-2", "'@SUM(A1)"]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await exportXlsx(formler)).buffer);
    const cells = [8, 9, 10, 11].map((r) => workbook.getWorksheet('Volym')!.getRow(r).getCell(1));
    expect(cells.map((cell) => [cell.type, cell.value])).toEqual(
      namn.map((n) => [ExcelJS.ValueType.String, n]),
    );
  });
});
