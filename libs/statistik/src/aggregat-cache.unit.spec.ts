import fc from 'fast-check';
import { indexAv, uppdatera } from './aggregat-cache.js';
import type { Aggregat } from './assemble-report.js';
import { ADDITIVA, aggregatFore, emptyAggregat } from './forandringar.js';

/*
 * uppdatera (through the kept rows' places) is aggregatFore (every row summed again) by
 * another road: for generated aggregates and chains of parts taken out and put in, each step
 * gives the same rows (in any order: the report is assembled by keys, not places) or, both of
 * them, nothing. The parts are sums of "deltaganden" (rows of small key domains), so a part
 * taken out belongs to the whole, as in the cache; now and then one does not.
 */

type Rad = Record<string, unknown>;
const INSATSER = ['i1', 'i2'];

/** One deltagande's rows: a few of the tables, keys from small domains (so rows meet). */
const deltagandeArb: fc.Arbitrary<Partial<Aggregat>> = fc
  .record({
    insats: fc.constantFrom(...INSATSER),
    kon: fc.constantFrom('kvinna', 'man'),
    kommun: fc.constantFrom('0180', '0126', null),
    dagar: fc.nat(3),
    a: fc.nat(1),
    b: fc.nat(1),
    registrerad: fc.boolean(),
  })
  .map(({ insats, kon, kommun, dagar, a, b, registrerad }) => ({
    perKon: [
      {
        insats_id: insats,
        kon,
        aktuella: a,
        nya: b,
        overforda: 0,
        avslutade: a * b,
        pagaende: 0,
        mottagna: 1,
        aterremitterade: 0,
        vantande: 0,
        egna_personer: registrerad ? 0 : a,
      },
    ],
    kommuner:
      kommun === null
        ? []
        : [
            {
              insats_id: insats,
              kommun,
              kon,
              mottagna: 1,
              aterremitterade: 0,
              inskrivna: b,
              aktuella: a,
              nya: b,
            },
          ],
    dagar: b ? [{ insats_id: insats, matt: 'kotid', dagar, antal: 1 }] : [],
    registrerade: registrerad && a ? [{ kon, personer: 1 }] : [],
    registreradeTotalt: registrerad && a ? 1 : 0,
  })) as fc.Arbitrary<Partial<Aggregat>>;

/** The deltaganden's rows summed as the statements would (one row per place, no zeros). */
const summa = (delar: readonly Partial<Aggregat>[]): Aggregat => {
  const tom = emptyAggregat();
  const sum = aggregatFore(
    tom,
    tom,
    delar.reduce<Aggregat>((acc, del) => {
      const next = { ...acc };
      for (const tabell of Object.keys(ADDITIVA) as (keyof typeof ADDITIVA)[]) {
        (next[tabell] as Rad[]) = [...(acc[tabell] as Rad[]), ...((del[tabell] ?? []) as Rad[])];
      }
      next.registreradeTotalt += del.registreradeTotalt ?? 0;
      return next;
    }, emptyAggregat()),
  )!;
  return { ...sum, volym: [{ insats_id: 'i1', kvinnor: 1, man: 2, ej_angivet: 0 }] };
};

/** Each table's rows as sorted JSON: the same rows in any order. */
const rader = (aggregat: Aggregat): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(aggregat).map(([tabell, value]) => [
      tabell,
      Array.isArray(value)
        ? value.map((rad: Rad) => JSON.stringify(Object.entries(rad).sort())).sort()
        : [JSON.stringify(value)],
    ]),
  );

describe('uppdatera (the cache’s update by the rows’ places)', () => {
  it('gives what aggregatFore gives, step after step', () => {
    fc.assert(
      fc.property(
        fc.array(deltagandeArb, { maxLength: 12 }),
        fc.array(
          fc.record({
            // Which deltaganden change (indices into the present ones) and what they become.
            andrade: fc.array(fc.nat(), { maxLength: 4 }),
            nya: fc.array(deltagandeArb, { maxLength: 4 }),
            // Now and then a part that is not of the whole.
            frammande: fc.option(deltagandeArb, { freq: 8 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (start, steg) => {
          let delar = start;
          let hela = summa(delar);
          let index = indexAv(hela)!;
          let forvantat: Aggregat | undefined = hela;
          for (const { andrade, nya, frammande } of steg) {
            const valda = [
              ...new Set(andrade.map((i) => (delar.length ? i % delar.length : -1))),
            ].filter((i) => i >= 0);
            const bort = summa([...valda.map((i) => delar[i]!), ...(frammande ? [frammande] : [])]);
            const till = summa(nya);
            const viaFore = aggregatFore(forvantat!, bort, { ...till, volym: forvantat!.volym });
            const viaPlatser = uppdatera(index, forvantat!, bort, till);
            expect(viaPlatser === undefined).toBe(viaFore === undefined);
            if (!viaFore || !viaPlatser) return;
            expect(rader(viaPlatser.aggregat)).toEqual(rader(viaFore));
            delar = [...delar.filter((_, i) => !valda.includes(i)), ...nya];
            forvantat = viaPlatser.aggregat;
            index = viaPlatser.index;
            hela = viaFore;
          }
          expect(rader(forvantat!)).toEqual(rader(hela));
        },
      ),
      { numRuns: 300 },
    );
  });
});
