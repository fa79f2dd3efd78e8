import fc from 'fast-check';
import type { ByKon, StatistikReport } from './report.js';
import { skyddadeSummor, skyddaReport } from './skydda.js';
import { TABELLER, type TableScope } from './tables/index.js';
import { kon } from './testing/report-builders.js';
import { rapportArb, rapportAv } from './testing/population.js';

const KOLUMNER = ['kvinna', 'man', 'ejAngivet', 'totalt'] as const;

const dold = (antal: unknown): boolean => antal === '<5' || antal === '..';
/** A sum gives a hidden cell back when it is the only hidden one among its parts and total. */
const ensamDold = (cells: readonly unknown[]): boolean => cells.filter(dold).length === 1;
const litet = (antal: unknown): boolean => typeof antal === 'number' && antal >= 1 && antal <= 4;

/** Numbers that are no counts: shares, kronor, goals, years, days, positions. */
const INGA_ANTAL = new Set([
  'andel',
  'andelAvMal',
  'andelArbeteStudier',
  'budget',
  'kostnad',
  'kostnadPerDeltagare',
  'kostnadPerNyDeltagare',
  'ar',
  'varde',
  'medel',
  'median',
  'ordning',
  'manaderEfterAvslut',
]);

/**
 * Every count anywhere in the report (tables, grupper, förbund, overview) with its path; with
 * the report's texts, which are never a number 1–4.
 */
const allaAntal = (value: unknown, path = ''): [string, unknown][] => {
  if (typeof value !== 'object' || value === null) return [];
  const andelsmal =
    'matt' in value && typeof value.matt === 'string' && value.matt.startsWith('andel-');
  return Object.entries(value).flatMap(([key, child]): [string, unknown][] => {
    if (INGA_ANTAL.has(key) || (andelsmal && key === 'utfall')) return [];
    // Måluppfyllelse's goals (`mal` as an object, not the list of goals) are no counts.
    if (key === 'mal' && !Array.isArray(child)) return [];
    if (typeof child === 'number' || typeof child === 'string') return [[`${path}.${key}`, child]];
    return allaAntal(child, `${path}.${key}`);
  });
};

/** Every kön row anywhere in the report. */
const allaKonRader = (value: unknown, path = ''): [string, ByKon][] => {
  if (typeof value !== 'object' || value === null) return [];
  if (KOLUMNER.every((k) => k in value)) return [[path, value as ByKon]];
  return Object.entries(value).flatMap(([key, child]) => allaKonRader(child, `${path}.${key}`));
};

const scopes = (report: StatistikReport) => {
  const insatser: TableScope[] = report.insatser.map((t) => ({ namn: t.namn, tables: t }));
  const grupper = report.grupper.map((g) => ({
    scope: { namn: g.grupp, tables: g, unikaPersoner: g.unikaPersoner } as TableScope,
    delar: insatser.filter((_, i) => g.insatsIds.includes(report.insatser[i]!.insatsId)),
  }));
  const totalt: TableScope = {
    namn: 'Totalt',
    tables: report.totalt,
    unikaPersoner: report.totalt.unikaPersoner,
  };
  return { insatser, grupper, totalt };
};

/** A table's counts in one scope by row (its text cells) and column. */
const antalIRader = (rows: ReturnType<(typeof TABELLER)[number]['rows']>) => {
  const perCell = new Map<string, unknown>();
  for (const row of rows) {
    const nyckel = row.map((cell) => (cell.kind === 'text' ? cell.text : '')).join('|');
    row.forEach((cell, i) => {
      if (cell.kind === 'antal') perCell.set(`${nyckel}#${i}`, cell.antal);
    });
  }
  return perCell;
};

/**
 * Every way a protected report could still show a small count or give a hidden one back, as
 * messages (none: the report is safe). Walks every table of the registry in every scope.
 */
const lackor = (report: StatistikReport): string[] => {
  const fel: string[] = [];
  for (const [path, antal] of allaAntal(report)) {
    if (litet(antal)) fel.push(`${path} shows ${String(antal)}`);
  }
  const { insatser, grupper, totalt } = scopes(report);
  const allaScopes = [...insatser, ...grupper.map((g) => g.scope), totalt];
  for (const spec of TABELLER) {
    for (const scope of allaScopes) {
      for (const row of spec.rows(scope)) {
        for (const cell of row) {
          if (cell.kind === 'antal' && litet(cell.antal)) {
            fel.push(`${spec.id} in ${scope.namn} shows ${String(cell.antal)}`);
          }
        }
      }
    }
  }
  // Rows: kvinna + man + ej angivet = totalt, wherever counts are split by kön.
  for (const [path, rad] of allaKonRader(report)) {
    if (ensamDold(KOLUMNER.map((k) => rad[k]))) fel.push(`row ${path} gives its hidden cell back`);
  }
  // Columns across scopes: each table's cell of the insatser sums to the förbund's, and of a
  // grupp's insatser to the grupp's (a row an insats lacks counts 0). Rows no insats has are
  // no such sums (unika personer count a person in two insatser once), nor are goals: each
  // scope's own, over their own periods.
  for (const spec of TABELLER.filter((s) => s.id !== 'mal')) {
    for (const [delar, helhet] of [
      [insatser, totalt],
      ...grupper.map((g) => [g.delar, g.scope] as const),
    ] as const) {
      const delCeller = delar.map((del) => antalIRader(spec.rows(del)));
      for (const [nyckel, antal] of antalIRader(spec.rows(helhet))) {
        if (!delCeller.some((del) => del.has(nyckel))) continue;
        const celler = [...delCeller.map((del) => del.get(nyckel) ?? 0), antal];
        if (ensamDold(celler)) fel.push(`${spec.id} ${nyckel}: ${helhet.namn} gives one back`);
      }
    }
  }
  // Every sum the registry states, within each table and between tables (DESIGN.md's
  // aktuella = nya + överförda, lists against their totals, grupp subtotals, förbund total).
  for (const summa of skyddadeSummor(report)) {
    if (ensamDold([...summa.parts, summa.total].map((cell) => cell.antal))) {
      fel.push(`sum to ${summa.total.path} gives its hidden cell back`);
    }
  }
  return fel;
};

describe('skyddaReport on generated populations', () => {
  it('leaves no count 1–4 in any table and no hidden cell recoverable from its row, column or total', () => {
    fc.assert(
      fc.property(rapportArb, (report) => {
        expect(lackor(skyddaReport(report))).toEqual([]);
      }),
      { numRuns: 100, seed: 20261202 },
    );
  });

  it('generates reports that need both kinds of suppression', () => {
    const skyddade = fc.sample(rapportArb, { numRuns: 50, seed: 20261202 }).map(skyddaReport);
    const marks = new Set(skyddade.flatMap((r) => allaAntal(r).map(([, antal]) => antal)));
    expect(marks.has('<5')).toBe(true);
    expect(marks.has('..')).toBe(true);
  });

  it('finds the leaks of a report that is not protected, or protected by half', () => {
    // One insats with three women among its aktuella (all nya, none avslutade).
    const report = rapportAv([
      {
        personer: Array.from({ length: 3 }, () => ({
          kon: 'kvinna' as const,
          ny: true,
          aldersgrupp: '20-24',
          remittent: 'af' as const,
          enhet: null,
          kommun: '0180',
          avslut: null,
        })),
        remisser: [],
        volym: kon(0),
        budget: 0,
        kostnad: 0,
      },
    ]);
    expect(lackor(report)).toContain('.insatser.0.deltagare.aktuella.kvinna shows 3');
    expect(lackor(report)).toContain('deltagare in Totalt shows 3');
    // "<5" on the insats's kvinnor alone: its totalt gives them back.
    const halvt = structuredClone(report);
    halvt.insatser[0]!.deltagare.aktuella.kvinna = '<5';
    expect(lackor(halvt)).toContain(
      'row .insatser.0.deltagare.aktuella gives its hidden cell back',
    );
    expect(lackor(skyddaReport(report))).toEqual([]);
  });
});
