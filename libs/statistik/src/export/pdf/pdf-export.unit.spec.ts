import { FORSORJNING } from '../../tables/forsorjning.js';
import { MAL } from '../../tables/mal-och-ekonomi.js';
import { NYA_PER_REMITTENT } from '../../tables/remisser.js';
import { UTFALL_PER_GRUPP } from '../../tables/utfall.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { InsatsTables, StatistikReport } from '../../report.js';
import { kon, tabeller } from '../../testing/report-builders.js';
import { barScale, niceCeiling } from './charts.js';
import {
  andelText,
  antalText,
  kronorText,
  malText,
  oversiktRows,
  sidText,
  writePdf,
} from './pdf-export.js';

const insats = (insatsId: string, namn: string, grupp: string | null): InsatsTables => ({
  insatsId,
  namn,
  grupp,
  ordning: null,
  ...tabeller({
    deltagare: {
      aktuella: kon(12, 8),
      nya: kon(7, 5),
      overforda: kon(5, 3),
      avslutade: kon(6, 4),
      pagaende: kon(6, 4),
    },
    nyaPerRemittent: [
      { remittent: 'af', antal: 8, andel: 8 / 12 },
      { remittent: 'fk', antal: '<5', andel: null },
    ],
    utfall: {
      perAvslutsorsak: [],
      perGrupp: [],
      arbeteEllerStudier: {
        antal: kon(3, 2),
        andel: { kvinna: 0.5, man: 0.5, ejAngivet: null, totalt: 0.5 },
      },
    },
    forsorjning: {
      avslutade: kon(6, 4),
      rader: [
        { kod: 'forsorjningsstod', vidInskrivning: kon(4, 3), vidAvslut: kon(2, 1) },
        { kod: 'lon', vidInskrivning: kon(0), vidAvslut: kon(2, 1) },
      ],
      overgangar: [],
    },
    mal: [
      {
        malId: 'arsmal-2025-nyaDeltagare',
        matt: 'nya',
        fran: '2025-01-01',
        till: '2025-12-31',
        varde: 20,
        utfall: 12,
        andelAvMal: 0.6,
      },
    ],
    ekonomi: [
      {
        ar: 2025,
        budget: 1_250_000,
        kostnad: 1_000_000,
        aktuella: 20,
        nya: 12,
        kostnadPerDeltagare: 50_000,
        kostnadPerNyDeltagare: 83_333,
      },
    ],
  }),
});

const tables: Omit<StatistikReport, 'oversikt'> = {
  period: { fran: '2025-01-01', till: '2025-12-31' },
  asOf: '2026-01-15T08:00:00.000Z',
  forbund: { id: 'f1', namn: 'Samordningsförbundet Östra Södertörn' },
  insatser: [insats('i1', 'Steget', 'Unga'), insats('i2', 'Aktivitetsplatsen', 'Unga')],
  grupper: [
    {
      grupp: 'Unga',
      insatsIds: ['i1', 'i2'],
      unikaPersoner: kon(24, 16),
      ...tabeller({ deltagare: { ...tabeller().deltagare, aktuella: kon(24, 16) } }),
    },
  ],
  totalt: {
    ...tabeller({ deltagare: { ...tabeller().deltagare, aktuella: kon(24, 16) } }),
    unikaPersoner: kon(24, 16),
  },
};
// A report without its overview, so that the PDF's own fallback rows are what is tested.
const report = tables as StatistikReport;

describe('PDF layout helpers', () => {
  it('rounds an axis maximum up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 20, 21, 37, 240, 0.6, 1.2].map(niceCeiling)).toEqual([
      1, 1, 5, 10, 20, 20, 25, 50, 250, 1, 2,
    ]);
  });

  it('scales bars to the axis maximum and gives a suppressed count no bar', () => {
    expect(barScale([10, '<5', 15, null, '..'], 100)).toEqual({
      max: 20,
      ticks: [0, 5, 10, 15, 20],
      lengths: [50, 0, 75, 0, 0],
    });
  });

  it('writes counts, shares, kronor, goals and page numbers in Swedish', () => {
    expect([antalText(12), antalText('<5'), antalText('..'), antalText(null)]).toEqual([
      '12',
      '<5',
      '..',
      '',
    ]);
    expect([andelText(0.375), andelText(null)]).toEqual(['37,5 %', '']);
    expect(kronorText(1_250_000)).toBe('1 250 000 kr');
    expect(malText(report.insatser[0]!.mal[0]!)).toBe('Nya deltagare: 12 av 20 (60,0 %)');
    expect(sidText(2, 7)).toBe('Sida 2 av 7');
  });

  it('makes the overview from the insatser when the report has none: grupp after its last insats, total last', () => {
    expect(oversiktRows(report).map((row) => [row.typ, row.namn, row.aktuella.totalt])).toEqual([
      ['insats', 'Steget', 20],
      ['insats', 'Aktivitetsplatsen', 20],
      ['grupp', 'Delsumma Unga', 40],
      ['forbund', 'Totalt', 40],
    ]);
  });

  it('writes an A4 PDF whose text holds the förbund, the period and the figures', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writePdf(report, { skyddad: true }, out);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'rapport.pdf');
    writeFileSync(file, pdf);
    if (process.env.PDF_SAMPLE) writeFileSync(process.env.PDF_SAMPLE, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Samordningsförbundet Östra Södertörn');
    expect(text).toContain('2025-01-01 – 2025-12-31');
    expect(text).toContain('Nya deltagare: 12 av 20 (60,0 %)');
    expect(text).toContain('Sida 5 av 5');
    expect(text).toContain('Delsumma Unga');
    // An insats page's tables are the registry's, with its titles and columns.
    for (const spec of [NYA_PER_REMITTENT, UTFALL_PER_GRUPP, MAL, FORSORJNING]) {
      expect(text.replace(/\s+/g, ' ')).toContain(`${spec.title}`);
    }
    expect(text).toMatch(/Mått\s+Från\s+Till\s+Mål\s+Utfall\s+Andel av mål\s+I fas/);
  });
});
