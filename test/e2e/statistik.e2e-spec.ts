import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportToFile } from '../../apps/api/src/statistik/export/export-to-file.js';
import { parse } from 'csv-parse/sync';
import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const PERIOD = 'fran=2025-01-01&till=2025-12-31';

describe('GET /statistik over HTTP', () => {
  let t: TestApp;
  let kansli: Caller;
  let personal: Caller;
  let insats: string;

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats({ namn: 'Balder' });
    kansli = await t.user('kansli');
    personal = await t.user('personal', { insatser: [insats] });
    const a = await personal
      .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
      .expect(201);
    await personal.post(`/deltaganden/${a.body.id}/avslut`, avslutBody()).expect(200);
    await personal
      .post(
        `/insatser/${insats}/deltaganden`,
        remissBody({ person: { kon: 'man', fodelsear: 1985 } }),
      )
      .expect(201);
  });
  afterAll(() => t.close());

  it('answers the kansli with the report of its förbund, reading its own writes', async () => {
    const { body } = await kansli.get(`/statistik?${PERIOD}`).expect(200);
    expect(body.period).toEqual({ fran: '2025-01-01', till: '2025-12-31' });
    expect(body.forbund).toEqual({ id: expect.any(String), namn: 'Samordningsförbundet Test' });
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.insatser.map((i: { namn: string }) => i.namn)).toEqual(['Balder']);
    expect(body.totalt.deltagare.aktuella).toEqual({ kvinna: 1, man: 0, ejAngivet: 0, totalt: 1 });
    expect(body.totalt.remisser.mottagna).toEqual({ kvinna: 1, man: 1, ejAngivet: 0, totalt: 2 });
    expect(body.totalt.remisser.vantande).toEqual({ kvinna: 0, man: 1, ejAngivet: 0, totalt: 1 });
    // inskrivning 2025-02-10, avslut 2025-06-30: 140 days.
    expect(body.totalt.tidIInsatsDagar).toEqual({ medel: 140, median: 140 });
    expect(body.totalt.utfall.arbeteEllerStudier.andel.totalt).toBe(1);
  });

  it('reproduces an earlier asOf although a later registration came after', async () => {
    const asOf = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const first = await kansli.get(`/statistik?${PERIOD}&asOf=${asOf}`).expect(200);
    await personal
      .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
      .expect(201);
    const second = await kansli.get(`/statistik?${PERIOD}&asOf=${asOf}`).expect(200);
    expect(second.body).toEqual(first.body);
    expect(first.body.asOf).toBe(asOf);
    const now = await kansli.get(`/statistik?${PERIOD}`).expect(200);
    expect(now.body.totalt.deltagare.aktuella.totalt).toBe(
      first.body.totalt.deltagare.aktuella.totalt + 1,
    );
  });

  it('takes own age bands and a repeated insats filter', async () => {
    const other = await t.insats({ namn: 'Annan' });
    const { body } = await kansli
      .get(`/statistik?${PERIOD}&aldersgrupper=16-29,30-64&insats=${insats}&insats=${other}`)
      .expect(200);
    expect(body.totalt.aldersgrupper.map((row: { grupp: string }) => row.grupp)).toEqual([
      '16-29',
      '30-64',
    ]);
    expect(body.insatser.map((i: { namn: string }) => i.namn)).toEqual(['Annan', 'Balder']);
  });

  it('answers 400 for a missing or reversed period, bad bands or asOf, listing the fields', async () => {
    const missing = await kansli.get('/statistik?fran=2025-01-01').expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['till']);
    const reversed = await kansli.get('/statistik?fran=2025-12-31&till=2025-01-01').expect(400);
    expect(reversed.body.details).toEqual([
      { field: 'till', errors: ['till får inte vara före fran'] },
    ]);
    const bad = await kansli
      .get(`/statistik?${PERIOD}&aldersgrupper=30-20&asOf=igar&skydda=kanske`)
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'aldersgrupper',
      'asOf',
      'skydda',
    ]);
  });

  it('answers 404 for an insats of another förbund and 403 for personal', async () => {
    const norr = await t.admin
      .post('/forbund', {
        namn: 'Norr',
        admin: { email: 'n@norr.se', password: 'norr-losenord-123' },
      })
      .expect(201);
    expect(norr.body.id).toEqual(expect.any(String));
    const norrAdmin = await t.login('n@norr.se', 'norr-losenord-123');
    await norrAdmin.get(`/statistik?${PERIOD}&insats=${insats}`).expect(404);
    const own = await norrAdmin.get(`/statistik?${PERIOD}`).expect(200);
    expect(own.body.insatser).toEqual([]);
    expect(own.body.totalt.deltagare.aktuella.totalt).toBe(0);
    await personal.get(`/statistik?${PERIOD}`).expect(403);
  });

  const download = (query: string) =>
    kansli
      .get(`/statistik/export?${query}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  it('exports CSV for Swedish Excel: BOM, semicolons, header lines and labelled rows', async () => {
    const response = await download(`${PERIOD}&insats=${insats}&format=csv&layout=lang`).expect(
      200,
    );
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="deltagarstatistik-2025-01-01--2025-12-31.csv"',
    );
    const file = response.body as Buffer;
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(file.subarray(3).toString('utf8'), {
      delimiter: ';',
      relax_column_count: true,
    });
    expect(rows[0]).toEqual(['Förbund: Samordningsförbundet Test']);
    expect(rows[1]).toEqual(['Period: 2025-01-01 – 2025-12-31']);
    expect(rows[2]![0]).toMatch(/^Uppgifter per: \d{4}-\d{2}-\d{2}T/);
    expect(rows[3]).toEqual(['Skyddad för publicering: nej']);
    const deltagare = rows.findIndex((row) => row[0] === 'Deltagare');
    expect(rows[deltagare + 1]).toEqual([
      'Insats',
      'Mått',
      'Kvinnor',
      'Män',
      'Ej angivet',
      'Totalt',
    ]);
    const { body } = await kansli.get(`/statistik?${PERIOD}&insats=${insats}`).expect(200);
    const aktuella = body.totalt.deltagare.aktuella;
    expect(rows).toContainEqual([
      'Totalt',
      'Aktuella',
      String(aktuella.kvinna),
      String(aktuella.man),
      String(aktuella.ejAngivet),
      String(aktuella.totalt),
    ]);
    const remittent = rows.findIndex((row) => row[0] === 'Remisser per remittent');
    expect(rows.slice(remittent).find((row) => row[1] === 'Arbetsförmedlingen')).toBeDefined();
  });

  it('exports XLSX with one sheet per table, numbers as numbers and shares as percentages', async () => {
    const response = await download(`${PERIOD}&format=xlsx&layout=lang`).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(response.body as Buffer).buffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Deltagare',
        'Remisser per remittent',
        'Utfall per grupp',
        'Måluppfyllelse',
      ]),
    );
    const sheet = workbook.getWorksheet('Deltagare')!;
    expect(sheet.getCell('A1').value).toBe('Förbund: Samordningsförbundet Test');
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const totalAktuella = values.find((row) => row[0] === 'Totalt' && row[1] === 'Aktuella')!;
    expect(totalAktuella.slice(2).every((cell) => typeof cell === 'number')).toBe(true);
    const grupp = workbook.getWorksheet('Utfall per grupp')!;
    let percentFormat = false;
    grupp.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number' && cell.numFmt === '0.0%') percentFormat = true;
      }),
    );
    expect(percentFormat).toBe(true);
  });

  it('exports the published shape by default: insatser as rows, each count by kön beside its share', async () => {
    const { body } = await kansli.get(`/statistik?${PERIOD}&insats=${insats}`).expect(200);
    const a = body.totalt.deltagare.aktuella;
    const share = (part: number, whole: number) =>
      whole === 0 ? '' : `${((part / whole) * 100).toFixed(1).replace('.', ',')} %`;
    const expected = (namn: string) => [
      namn,
      String(a.kvinna),
      share(a.kvinna, a.totalt),
      String(a.man),
      share(a.man, a.totalt),
      String(a.ejAngivet),
      share(a.ejAngivet, a.totalt),
      String(a.totalt),
      share(a.totalt, a.totalt),
    ];

    const csv = await download(`${PERIOD}&insats=${insats}&format=csv`).expect(200);
    const rows: string[][] = parse((csv.body as Buffer).subarray(3).toString('utf8'), {
      delimiter: ';',
      relax_column_count: true,
    });
    const deltagare = rows.findIndex((row) => row[0] === 'Deltagare');
    expect(rows.slice(deltagare + 1, deltagare + 5)).toEqual([
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
      ['Aktuella'],
      expected('Balder'),
      expected('Totalt'),
    ]);

    const xlsx = await download(`${PERIOD}&insats=${insats}&format=xlsx&layout=bred`).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    expect(workbook.getWorksheet('Försörjning')).toBeDefined();
    const sheet = workbook.getWorksheet('Deltagare')!;
    let aktuella = 0;
    sheet.eachRow((row, i) => {
      if (aktuella === 0 && row.getCell(1).value === 'Aktuella') aktuella = i;
    });
    const balder = sheet.getRow(aktuella + 1);
    expect(balder.getCell(1).value).toBe('Balder');
    expect([2, 4, 6, 8].map((c) => balder.getCell(c).type)).toEqual(
      Array(4).fill(ExcelJS.ValueType.Number),
    );
    expect([2, 4, 6, 8].map((c) => balder.getCell(c).value)).toEqual([
      a.kvinna,
      a.man,
      a.ejAngivet,
      a.totalt,
    ]);
    expect(balder.getCell(9).value).toBe(1);
    expect(balder.getCell(9).numFmt).toBe('0.0%');
  });

  it('suppresses counts 1–4 as "<5" with skydda=true, in JSON and in exports', async () => {
    const { body } = await kansli.get(`/statistik?${PERIOD}&skydda=true`).expect(200);
    expect(body.totalt.remisser.mottagna.totalt).toBe('<5');
    expect(body.totalt.deltagare.overforda).toEqual({ kvinna: 0, man: 0, ejAngivet: 0, totalt: 0 });
    const csv = await download(`${PERIOD}&skydda=true&format=csv`).expect(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text).toContain('Skyddad för publicering: ja');
    expect(text).toContain('<5');
  });

  it('answers 400 without a format', async () => {
    const response = await kansli.get(`/statistik/export?${PERIOD}`).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['format']);
  });

  it('writes the same report to a file from the command line', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'export-')), 'rapport.xlsx');
    const summary = await exportToFile(t.db.url, {
      fran: '2025-01-01',
      till: '2025-12-31',
      format: 'xlsx',
      out,
      forbundId: (await kansli.get(`/statistik?${PERIOD}`)).body.forbund.id,
    });
    expect(summary).toMatch(
      /^Skrev .*rapport\.xlsx \(\d+ byte\): Samordningsförbundet Test, 2025-01-01 – 2025-12-31$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(readFileSync(out)).buffer);
    expect(workbook.getWorksheet('Deltagare')!.getCell('A2').value).toBe(
      'Period: 2025-01-01 – 2025-12-31',
    );
  });

  it('asks for --forbund when the database holds several', async () => {
    await expect(
      exportToFile(t.db.url, {
        fran: '2025-01-01',
        till: '2025-12-31',
        format: 'csv',
        out: '/dev/null',
      }),
    ).rejects.toThrow(/Databasen har 2 förbund; ange --forbund <id>/);
  });

  it('drills down from a count to the deltaganden behind it, ids and codes only', async () => {
    const { body: report } = await kansli.get(`/statistik?${PERIOD}&insats=${insats}`).expect(200);
    const { body: rows } = await kansli
      .get(`/statistik/underlag?${PERIOD}&insats=${insats}&matt=mottagna`)
      .expect(200);
    expect(rows).toHaveLength(report.totalt.remisser.mottagna.totalt);
    expect(Object.keys(rows[0]).sort()).toEqual(
      [
        'deltagandeId',
        'insatsId',
        'kon',
        'fodelsear',
        'kommun',
        'remittent',
        'remissDatum',
        'inskrivningDatum',
        'avslutDatum',
        'avslutsorsak',
      ].sort(),
    );
    const { body: man } = await kansli
      .get(`/statistik/underlag?${PERIOD}&insats=${insats}&matt=mottagna&kon=man`)
      .expect(200);
    expect(man).toHaveLength(report.totalt.remisser.mottagna.man);
    expect(man.every((row: { kon: string }) => row.kon === 'man')).toBe(true);
    const { body: avslutade } = await kansli
      .get(`/statistik/underlag?${PERIOD}&matt=avslutade`)
      .expect(200);
    expect(avslutade).toEqual([
      expect.objectContaining({
        avslutDatum: '2025-06-30',
        avslutsorsak: 'arbete',
        inskrivningDatum: '2025-02-10',
      }),
    ]);
    await kansli.get(`/statistik/underlag?${PERIOD}&matt=allt`).expect(400);
  });
  it('gives the kommun table and nya per remittent and enhet, also protected and exported', async () => {
    const lerum = await t.insats({ namn: 'Lerumsteamet' });
    const staff = await t.user('personal', { insatser: [lerum] });
    type Fields = Record<string, unknown>;
    const register = (person: Fields, remiss: Fields, inskrivning?: Fields) =>
      staff
        .post(
          `/insatser/${lerum}/deltaganden`,
          remissBody({ person: { kommun: '1441', ...person }, remiss, inskrivning }),
        )
        .expect(201);
    await register({}, { remittentEnhet: ' AF Lerum ' }, {});
    await register({ kon: 'man', fodelsear: 1985 }, { remittentEnhet: 'af lerum' }, {});
    const ater = await register({}, { remittent: 'fk' });
    await staff
      .post(`/deltaganden/${ater.body.id}/aterremiss`, {
        datum: '2025-03-01',
        orsak: 'Annan målgrupp',
      })
      .expect(200);

    const kon = (kvinna: number | string, man: number | string, totalt: number | string) => ({
      kvinna,
      man,
      ejAngivet: 0,
      totalt,
    });
    const { body } = await kansli.get(`/statistik?${PERIOD}&insats=${lerum}`).expect(200);
    expect(body.totalt.kommuner).toEqual([
      {
        kommun: '1441',
        remisser: {
          mottagna: kon(2, 1, 3),
          aterremitterade: kon(1, 0, 1),
          inskrivna: kon(1, 1, 2),
        },
        aktuella: kon(1, 1, 2),
        nya: kon(1, 1, 2),
      },
    ]);
    expect(body.insatser[0].kommuner).toEqual(body.totalt.kommuner);
    expect(body.totalt.nyaPerRemittentEnhet).toEqual([
      { remittent: 'af', enhet: 'af lerum', antal: 2 },
    ]);

    const skyddad = await kansli
      .get(`/statistik?${PERIOD}&insats=${lerum}&skydda=true`)
      .expect(200);
    expect(skyddad.body.totalt.kommuner[0].nya).toEqual(kon('<5', '<5', '<5'));
    expect(skyddad.body.totalt.nyaPerRemittentEnhet).toEqual([
      { remittent: 'af', enhet: 'af lerum', antal: '<5' },
    ]);

    const response = await download(`${PERIOD}&insats=${lerum}&format=xlsx&layout=lang`).expect(
      200,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(response.body as Buffer).buffer);
    expect(workbook.getWorksheet('Per kommun')!.getRow(7).values).toEqual([
      undefined,
      'Lerumsteamet',
      '1441 Lerum',
      'Mottagna remisser',
      2,
      1,
      0,
      3,
    ]);
    expect(workbook.getWorksheet('Nya per remittent och enhet')!.getRow(7).values).toEqual([
      undefined,
      'Lerumsteamet',
      'Arbetsförmedlingen',
      'af lerum',
      2,
    ]);
  });

  it('takes volym with a kommun, or none, and answers 400 for a kommun that is no kommunkod', async () => {
    const forelasningar = await t.insats({
      namn: 'Föreläsningar',
      matmetod: 'volym',
      inriktning: 'strukturovergripande',
    });
    const staff = await t.user('personal', { insatser: [forelasningar] });
    const volym = (kommun: unknown) =>
      staff.post(`/insatser/${forelasningar}/volym`, {
        datum: '2025-03-01',
        kvinnor: 12,
        man: 8,
        ...(kommun === undefined ? {} : { kommun }),
      });
    await volym('1441').expect(201);
    await volym(null).expect(201);
    await volym(undefined).expect(201);
    for (const bad of ['Lerum', '9999', '14411', 1441]) {
      const refused = await volym(bad).expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['kommun']);
    }
    const { body } = await kansli.get(`/statistik?${PERIOD}&insats=${forelasningar}`).expect(200);
    expect(body.totalt.volym).toEqual({ kvinna: 36, man: 24, ejAngivet: 0, totalt: 60 });
  });
});
