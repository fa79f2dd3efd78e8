import type { StatistikReport, StatistikTables } from './report.js';
import { kon, StatistikScenario } from './testing/statistik-scenario.js';

const LERUM = '1441';
const ALINGSAS = '1489';
const MOLNDAL = '1481';
const PARTILLE = '1402';

/*
 * Kommun and remittent detail for 2025, worked out by hand. Balder has the seeds' shape:
 * 19 remisser from Lerum in the year, 4 of them återremitterade.
 *
 * Balder, Lerum (1441):
 *  L1–L7   kvinna  remiss and inskrivning in 2025 (L2 avslutad 09-30)   mottagen, inskriven, ny
 *  L8–L13  man     remiss and inskrivning in 2025                       mottagen, inskriven, ny
 *  R1–R3   kvinna, R4 man: remiss and återremiss in 2025                mottagen, återremitterad
 *  W1      kvinna  remiss 2025-12-20, inskriven 2026-01-05              mottagen, not inskriven
 *  W2      man     remiss 2025-11-15, waiting                           mottagen
 *  O1      kvinna  remiss and inskrivning 2024 (af, AF Lerum)           aktuell (överförd) only
 * Balder, Alingsås (1489):
 *  A1      man     remiss 2024-12-20, återremiss 2025-01-10             återremitterad only
 *  A2      kvinna  direct 2025-03-01 (fk, "FK Alingsås Öst")            mottagen, inskriven, ny
 * Balder, Mölndal (1481): M1 makulerad, M2 avslutad 2024: no row.
 * Aktiv: K1 kvinna Lerum direct 2025-05-01 (af, "AF Lerum");
 *        P1 ej angivet Partille remiss 2025-02-01 (vard, "Vårdcentral Partille"), inskriven 02-10.
 *
 * Enheter of Balder's nya: af "AF Lerum" L1–L3, "af lerum" L4, "Af Lerum  " L5, none L6;
 * fk "FK ALINGSÅS ÖST" L7; socialtjanst "Vuxenenheten" L8 L9, "Ekonomiskt bistånd" L10 L11;
 * egen, none, L12 L13.
 */
describe('kommun and remittent detail, worked out by hand', () => {
  let s: StatistikScenario;
  let balder: string;
  let aktiv: string;
  const ids: Record<string, string> = {};
  let report: StatistikReport;
  let B: StatistikTables;
  let K: StatistikTables;
  let T: StatistikReport['totalt'];

  const lerumEnheter: [string, string | null][] = [
    ['af', 'AF Lerum'],
    ['af', 'AF Lerum'],
    ['af', 'AF Lerum'],
    ['af', 'af lerum'],
    ['af', 'Af Lerum  '],
    ['af', null],
    ['fk', 'FK ALINGSÅS ÖST'],
    ['socialtjanst', 'Vuxenenheten'],
    ['socialtjanst', 'Vuxenenheten'],
    ['socialtjanst', 'Ekonomiskt bistånd'],
    ['socialtjanst', 'Ekonomiskt bistånd'],
    ['egen', null],
    ['egen', null],
  ];

  beforeAll(async () => {
    s = await StatistikScenario.start();
    balder = await s.insats('Balder');
    aktiv = await s.insats('Aktiv');

    for (const [i, [remittent, enhet]] of lerumEnheter.entries()) {
      const kvinna = i < 7;
      const datum = `2025-${String((i % 11) + 1).padStart(2, '0')}-${i < 11 ? '01' : '15'}`;
      const id = await s.remiss(
        balder,
        datum,
        remittent,
        { kon: kvinna ? 'kvinna' : 'man', kommun: LERUM },
        undefined,
        enhet,
      );
      await s.inskriv(id, `${datum.slice(0, 8)}${i < 11 ? '10' : '24'}`, ['forsorjningsstod']);
      ids[`L${i + 1}`] = id;
    }
    await s.avsluta(ids.L2!, '2025-09-30', 'arbete', ['lon']);
    for (const [i, k] of (['kvinna', 'kvinna', 'kvinna', 'man'] as const).entries()) {
      const id = await s.remiss(balder, `2025-0${i + 2}-05`, 'af', { kon: k, kommun: LERUM });
      await s.aterremittera(id, `2025-0${i + 2}-20`);
    }
    ids.W1 = await s.remiss(balder, '2025-12-20', 'af', { kommun: LERUM }, undefined, 'AF Lerum');
    await s.inskriv(ids.W1, '2026-01-05', ['a-kassa']);
    await s.remiss(balder, '2025-11-15', 'fk', { kon: 'man', kommun: LERUM });
    ids.O1 = await s.remiss(balder, '2024-10-01', 'af', { kommun: LERUM }, undefined, 'AF Lerum');
    await s.inskriv(ids.O1, '2024-10-15', ['a-kassa']);

    const a1 = await s.remiss(balder, '2024-12-20', 'af', { kon: 'man', kommun: ALINGSAS });
    await s.aterremittera(a1, '2025-01-10');
    await s.remiss(
      balder,
      '2025-03-01',
      'fk',
      { kommun: ALINGSAS },
      ['sjuk-rehabpenning'],
      'FK Alingsås Öst',
    );
    const m1 = await s.remiss(balder, '2025-04-01', 'af', { kommun: MOLNDAL }, ['a-kassa']);
    await s.makulera(m1);
    const m2 = await s.remiss(balder, '2023-03-01', 'af', { kommun: MOLNDAL }, ['a-kassa']);
    await s.avsluta(m2, '2024-06-30', 'studier', ['studiestod']);

    await s.remiss(aktiv, '2025-05-01', 'af', { kommun: LERUM }, ['a-kassa'], 'AF Lerum');
    const p1 = await s.remiss(
      aktiv,
      '2025-02-01',
      'vard',
      { kon: 'ej-angivet', kommun: PARTILLE },
      undefined,
      'Vårdcentral Partille',
    );
    await s.inskriv(p1, '2025-02-10', ['sjuk-rehabpenning']);

    report = await s.report({ fran: '2025-01-01', till: '2025-12-31' });
    B = report.insatser.find((insats) => insats.namn === 'Balder')!;
    K = report.insatser.find((insats) => insats.namn === 'Aktiv')!;
    T = report.totalt;
  });

  afterAll(() => s.close());

  it('gives Lerum’s 19 remisser, 4 återremitterade, 13 inskrivna, and its aktuella and nya', () => {
    expect(B.kommuner).toEqual([
      {
        kommun: LERUM,
        remisser: {
          mottagna: kon(11, 8), // L1–L7 R1–R3 W1 | L8–L13 R4 W2
          aterremitterade: kon(3, 1), // R1–R3 | R4
          inskrivna: kon(7, 6), // L1–L7 | L8–L13 (W1 after the period)
        },
        aktuella: kon(8, 6), // L1–L7 O1 | L8–L13
        nya: kon(7, 6),
      },
      {
        kommun: ALINGSAS,
        remisser: { mottagna: kon(1), aterremitterade: kon(0, 1), inskrivna: kon(1) }, // A2 | A1
        aktuella: kon(1),
        nya: kon(1),
      },
    ]);
  });

  it('splits the remisser and deltagare tables’ counts by kommun without loss', () => {
    expect(B.remisser.mottagna).toEqual(kon(12, 8));
    expect(B.remisser.aterremitterade).toEqual(kon(3, 2));
    expect(B.deltagare.aktuella).toEqual(kon(9, 6));
    expect(B.deltagare.nya).toEqual(kon(8, 6));
    expect(B.remisser.perKommun).toEqual(
      B.kommuner
        .filter((rad) => rad.remisser.mottagna.totalt !== 0)
        .map((rad) => ({ kommun: rad.kommun, antal: rad.remisser.mottagna })),
    );
  });

  it('sums the kommuner of every insats in the förbund’s table, by kommunkod', () => {
    expect(K.kommuner).toEqual([
      {
        kommun: PARTILLE,
        remisser: { mottagna: kon(0, 0, 1), aterremitterade: kon(0), inskrivna: kon(0, 0, 1) },
        aktuella: kon(0, 0, 1),
        nya: kon(0, 0, 1),
      },
      {
        kommun: LERUM,
        remisser: { mottagna: kon(1), aterremitterade: kon(0), inskrivna: kon(1) },
        aktuella: kon(1),
        nya: kon(1),
      },
    ]);
    expect(T.kommuner).toEqual([
      K.kommuner[0],
      {
        kommun: LERUM,
        remisser: { mottagna: kon(12, 8), aterremitterade: kon(3, 1), inskrivna: kon(8, 6) },
        aktuella: kon(9, 6),
        nya: kon(8, 6),
      },
      B.kommuner[1],
    ]);
  });

  it('gives nya per remittent and enhet, trimmed and case-folded, none last', () => {
    expect(B.nyaPerRemittentEnhet).toEqual([
      { remittent: 'af', enhet: 'af lerum', antal: 5 }, // L1–L5 (not O1, W1)
      { remittent: 'af', enhet: null, antal: 1 }, // L6
      { remittent: 'fk', enhet: 'fk alingsås öst', antal: 2 }, // L7 A2
      { remittent: 'socialtjanst', enhet: 'ekonomiskt bistånd', antal: 2 }, // L10 L11
      { remittent: 'socialtjanst', enhet: 'vuxenenheten', antal: 2 }, // L8 L9
      { remittent: 'egen', enhet: null, antal: 2 }, // L12 L13
    ]);
    expect(T.nyaPerRemittentEnhet).toEqual([
      { remittent: 'af', enhet: 'af lerum', antal: 6 }, // + K1
      { remittent: 'af', enhet: null, antal: 1 },
      { remittent: 'fk', enhet: 'fk alingsås öst', antal: 2 },
      { remittent: 'socialtjanst', enhet: 'ekonomiskt bistånd', antal: 2 },
      { remittent: 'socialtjanst', enhet: 'vuxenenheten', antal: 2 },
      { remittent: 'vard', enhet: 'vårdcentral partille', antal: 1 }, // P1
      { remittent: 'egen', enhet: null, antal: 2 },
    ]);
  });

  it('answers a period without deltaganden with empty lists', async () => {
    const empty = await s.report({ fran: '2019-01-01', till: '2019-12-31' });
    expect(empty.totalt.kommuner).toEqual([]);
    expect(empty.totalt.nyaPerRemittentEnhet).toEqual([]);
  });

  it('stores the kommun of volym registered with one, and null for volym without', async () => {
    const cirkel = await s.insats('Cirkel', 'volym');
    await s.volym(cirkel, '2025-03-15', 10, 5, 1, LERUM);
    await s.volym(cirkel, '2025-04-15', 2, 2);
    const current = await s.report({ fran: '2025-01-01', till: '2025-12-31' });
    const rows = await s.dataSource.query<{ kommun: string | null; kvinnor: number }[]>(
      `SELECT kommun, kvinnor FROM volym_fakta WHERE insats_id = $1 ORDER BY datum`,
      [cirkel],
    );
    expect(rows).toEqual([
      { kommun: LERUM, kvinnor: 10 },
      { kommun: null, kvinnor: 2 },
    ]);
    expect(current.insatser.find((i) => i.namn === 'Cirkel')!.volym).toEqual(kon(12, 7, 1));
  });

  it('shows an enhet as known then: a correction recorded later moves the count only after it', async () => {
    const mark = await s.now();
    await s.korrigeraRemittentEnhet(ids.L6!, ' AF LERUM ');
    const fran = '2025-01-01';
    const till = '2025-12-31';
    const [before, after] = [
      await s.report({ fran, till, asOf: mark }),
      await s.report({ fran, till }),
    ];
    const af = (r: StatistikReport) =>
      r.insatser
        .find((i) => i.namn === 'Balder')!
        .nyaPerRemittentEnhet.filter((rad) => rad.remittent === 'af');
    expect(af(before)).toEqual([
      { remittent: 'af', enhet: 'af lerum', antal: 5 },
      { remittent: 'af', enhet: null, antal: 1 },
    ]);
    expect(af(after)).toEqual([{ remittent: 'af', enhet: 'af lerum', antal: 6 }]);
  });
});
