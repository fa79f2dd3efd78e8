import type { Aggregat } from './assemble-report.js';
import { aggregatFore, emptyAggregat } from './forandringar.js';

const INSATS = '00000000-0000-4000-8000-000000000001';

const tomt = (): Aggregat => emptyAggregat();

describe('aggregatFore', () => {
  // As of efter: kommun 0180 has 3 mottagna kvinnor, 0138 one; kötid 10 days for 2, 20 for 1;
  // 2 registered persons. The changed deltaganden's part as of efter: one remiss of 0138 (its
  // kötid 20 days, a registered person); as of fore that deltagande was a remiss of 0180 not
  // yet inskriven, and its person was not counted.
  const efter: Aggregat = {
    ...tomt(),
    kommun: [
      { insats_id: INSATS, kommun: '0180', kon: 'kvinna', mottagna: 3 },
      { insats_id: INSATS, kommun: '0138', kon: 'kvinna', mottagna: 1 },
    ],
    dagar: [
      { insats_id: INSATS, matt: 'kotid', dagar: 10, antal: 2 },
      { insats_id: INSATS, matt: 'kotid', dagar: 20, antal: 1 },
    ],
    registrerade: [{ kon: 'kvinna', personer: 2 }],
    registreradeTotalt: 2,
    volym: [{ insats_id: INSATS, kvinnor: 9, man: 9, ej_angivet: 0 }],
  };
  const delEfter: Aggregat = {
    ...tomt(),
    kommun: [{ insats_id: INSATS, kommun: '0138', kon: 'kvinna', mottagna: 1 }],
    dagar: [{ insats_id: INSATS, matt: 'kotid', dagar: 20, antal: 1 }],
    registrerade: [{ kon: 'kvinna', personer: 1 }],
    registreradeTotalt: 1,
    volym: [{ insats_id: INSATS, kvinnor: 9, man: 9, ej_angivet: 0 }],
  };
  const delFore: Aggregat = {
    ...tomt(),
    kommun: [{ insats_id: INSATS, kommun: '0180', kon: 'kvinna', mottagna: 1 }],
    volym: [{ insats_id: INSATS, kvinnor: 4, man: 1, ej_angivet: 0 }],
  };

  it('takes the part as of efter away and adds it as of fore, leaving out rows that come to 0', () => {
    const fore = aggregatFore(efter, delEfter, delFore)!;
    expect(fore.kommun).toEqual([
      { insats_id: INSATS, kommun: '0180', kon: 'kvinna', mottagna: 4 },
    ]);
    expect(fore.dagar).toEqual([{ insats_id: INSATS, matt: 'kotid', dagar: 10, antal: 2 }]);
    expect(fore.registrerade).toEqual([{ kon: 'kvinna', personer: 1 }]);
    expect(fore.registreradeTotalt).toBe(1);
    // The förbund's own figures as known at fore, whole.
    expect(fore.volym).toEqual([{ insats_id: INSATS, kvinnor: 4, man: 1, ej_angivet: 0 }]);
  });

  it('gives nothing when the part is not part of the report (a count below 0)', () => {
    expect(aggregatFore(tomt(), delEfter, delFore)).toBeUndefined();
  });
});
