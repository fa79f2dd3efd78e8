import fc from 'fast-check';
import { rapportArb } from '../testing/population.js';
import { TABELL_IDS, TABELLER } from './index.js';
import { iKatalogordning, type TableId } from './visning/katalog.js';

describe('the table registry', () => {
  it('catalogues each table once, and each under its own spec', () => {
    // Loading the registry already fails for a catalogued table without a spec, or a spec
    // missing from the catalogue.
    expect(new Set(TABELL_IDS).size).toBe(TABELL_IDS.length);
    expect(new Set(TABELLER).size).toBe(TABELL_IDS.length);
  });

  it('refuses, on load, a catalogued table without an entry and an entry not catalogued', () => {
    const alla = TABELL_IDS.map((id) => ({ id }));
    expect(iKatalogordning([...alla].reverse(), 'Vy').map((v) => v.id)).toEqual(TABELL_IDS);
    expect(() => iKatalogordning(alla.slice(1), 'Vy')).toThrow(`No Vy for ${TABELL_IDS[0]}`);
    expect(() => iKatalogordning([...alla, { id: 'okand' as TableId }], 'Vy')).toThrow(
      'Vys missing from the catalogue (katalog.ts): okand',
    );
  });

  it('gives every table a worksheet name Excel accepts, each its own', () => {
    const namn = TABELLER.map((spec) => spec.sheetName);
    expect(new Set(namn).size).toBe(namn.length);
    for (const sheet of namn) {
      expect(sheet.length).toBeLessThanOrEqual(31);
      expect(sheet).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('protects every table that shows counts, and only the kötid table shows none', () => {
    const [report] = fc.sample(rapportArb, { numRuns: 1, seed: 3 });
    const scope = {
      namn: 'Totalt',
      tables: report!.totalt,
      unikaPersoner: report!.totalt.unikaPersoner,
    };
    const utanSkydd = TABELLER.filter((spec) => spec.skydda === undefined).map((spec) => spec.id);
    const medAntal = TABELLER.filter((spec) =>
      spec.rows(scope).some((row) => row.some((cell) => cell.kind === 'antal')),
    ).map((spec) => spec.id);
    expect(utanSkydd).toEqual(['tider']);
    expect(medAntal).toEqual(TABELL_IDS.filter((id) => id !== 'tider'));
  });
});
