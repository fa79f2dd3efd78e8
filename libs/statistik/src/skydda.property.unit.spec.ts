import { oversiktFor } from './oversikt.js';
import fc from 'fast-check';
import type { ByKon, StatistikReport, StatistikTables } from './report.js';
import { kon, tabeller } from './testing/report-builders.js';
import { skyddaReport } from './skydda.js';

const KOLUMNER = ['kvinna', 'man', 'ejAngivet', 'totalt'] as const;

const summa = (rows: readonly ByKon<number>[]): ByKon<number> =>
  kon(
    rows.reduce((s, r) => s + r.kvinna, 0),
    rows.reduce((s, r) => s + r.man, 0),
    rows.reduce((s, r) => s + r.ejAngivet, 0),
  );

/** An insats's tables from its aktuella (all new) and volym; the others are 0. */
const tabellerAv = (aktuella: ByKon<number>, volym: ByKon<number>): StatistikTables =>
  tabeller({
    deltagare: { ...tabeller().deltagare, aktuella, nya: aktuella, pagaende: aktuella },
    volym,
  });

const konArb = fc.tuple(fc.nat(12), fc.nat(12), fc.nat(3)).map(([k, m, e]) => kon(k, m, e));

/** One to five insatser; the first two (when there are) form a grupp. */
const rapportArb = fc
  .array(fc.tuple(konArb, konArb), { minLength: 1, maxLength: 5 })
  .map((insatser): StatistikReport => {
    const grupp = insatser.slice(0, Math.min(2, insatser.length));
    const utanOversikt: Omit<StatistikReport, 'oversikt'> = {
      period: { fran: '2025-01-01', till: '2025-12-31' },
      asOf: '2026-01-15T08:00:00.000Z',
      forbund: { id: 'f1', namn: 'F' },
      insatser: insatser.map(([aktuella, volym], i) => ({
        insatsId: `i${i}`,
        namn: `Insats ${i}`,
        grupp: i < grupp.length ? 'G' : null,
        ordning: i,
        ...tabellerAv(aktuella, volym),
      })),
      grupper: [
        {
          grupp: 'G',
          insatsIds: grupp.map((_, i) => `i${i}`),
          ...tabellerAv(summa(grupp.map(([a]) => a)), summa(grupp.map(([, v]) => v))),
          unikaPersoner: summa(grupp.map(([a]) => a)),
        },
      ],
      totalt: {
        ...tabellerAv(summa(insatser.map(([a]) => a)), summa(insatser.map(([, v]) => v))),
        unikaPersoner: summa(insatser.map(([a]) => a)),
      },
    };
    return { ...utanOversikt, oversikt: oversiktFor(utanOversikt) };
  });

/** Every count of the report with its path; shares (`andel`) are no counts. */
const counts = (value: unknown, path = ''): [string, unknown][] => {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]): [string, unknown][] => {
    if (key === 'andel' || key.startsWith('kostnad') || key === 'budget' || key === 'ar') return [];
    if (typeof child === 'number' || typeof child === 'string') {
      return KOLUMNER.includes(key as never) || key === 'antal' ? [[`${path}.${key}`, child]] : [];
    }
    return counts(child, `${path}.${key}`);
  });
};

const dold = (antal: unknown): boolean => antal === '<5' || antal === '..';
/** A sum gives a hidden cell back when it is the only hidden one among its parts and total. */
const ensamDold = (cells: readonly unknown[]): boolean => cells.filter(dold).length === 1;

describe('skyddaReport on generated reports', () => {
  it('leaves no count 1–4 anywhere and no hidden cell recoverable from its row, column or total', () => {
    fc.assert(
      fc.property(rapportArb, (report) => {
        const skyddad = skyddaReport(report);
        for (const [path, antal] of counts(skyddad)) {
          if (typeof antal === 'number' && antal >= 1 && antal <= 4) {
            throw new Error(`${path} shows ${antal}`);
          }
        }
        const scopes = [...skyddad.insatser, ...skyddad.grupper, skyddad.totalt];
        const tabeller = (t: StatistikTables) => [
          t.volym,
          t.deltagare.aktuella,
          t.deltagare.nya,
          t.deltagare.pagaende,
        ];
        // Rows: kvinna + man + ej angivet = totalt.
        for (const scope of scopes) {
          for (const rad of tabeller(scope)) {
            expect(ensamDold(KOLUMNER.map((k) => rad[k]))).toBe(false);
          }
        }
        // Columns: the insatser against the förbund's total, the grupp's against its subtotal.
        const grupp = skyddad.insatser.filter((insats) => insats.grupp === 'G');
        for (const [delar, total] of [
          [skyddad.insatser, skyddad.totalt],
          [grupp, skyddad.grupper[0]!],
        ] as const) {
          for (let t = 0; t < 4; t++) {
            for (const k of KOLUMNER) {
              const cells = [...delar.map((d) => tabeller(d)[t]![k]), tabeller(total)[t]![k]];
              expect(ensamDold(cells)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 100, seed: 20261202 },
    );
  });
});
