import { ProjectionRunner } from '#projections';
import { loadConfig } from '#platform';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../apps/api/src/config/config.module.js';
import { importFranFil } from '../../apps/api/src/import/import-fran-fil.js';
import { uppladdningsmapp } from '../../apps/api/src/import/uppladdning.js';
import { startTestApp, type Caller, type TestApp } from '../support/test-app.js';

const RUBRIKER =
  'Externt id;Insats;Kön;Födelseår;Kommun;Remissdatum;Remittent;Remittentens enhet;Inskrivningsdatum;Försörjning vid inskrivning;Utbildningsnivå;Tid i offentlig försörjning;Avslutsdatum;Avslutsorsak;Försörjning vid avslut;Återremissdatum;Återremissorsak';

/**
 * A förbund's own sheet, saved by Excel on Swedish Windows (Windows-1252, ";"), in the seeds'
 * wording: an egenremiss still waiting, a remiss from Socialförvaltningen enrolled and exited
 * to work, and one from Vården returned.
 */
const SEEDFIL = iconv.encode(
  [
    RUBRIKER,
    'U-1;Ung i Tyresö;Kvinna;1998;Tyresö;2024-03-04;Egenremiss;;;;;;;;;;',
    'U-2;ung i tyresö;Man;1990;0138;2024-03-05;Socialförvaltningen;Jobbtorg;2024-03-20;Sjuk- och rehabpenning, A-kassa;Gymnasial;1–2 år;2024-09-30;Arbete;Lön;;',
    'U-3;Ung i Tyresö;Kvinna;1985;Haninge;2024-04-01;Vården;;;;;;;;;2024-04-15;Annan planering',
    '',
  ].join('\r\n'),
  'windows-1252',
);

const XLSX_TYP = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('import of deltaganden from a file, over HTTP', () => {
  let t: TestApp;
  let insatsId: string;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_MB: '1', IMPORT_MAX_RADER: '20' });
    insatsId = await t.insats();
  });
  afterAll(() => t.close());

  const ladda = (fil: Buffer, query = '', filnamn = 'deltaganden.csv', caller: Caller = t.admin) =>
    t.http
      .post(`/api/v1/import${query}`)
      .set('Authorization', `Bearer ${caller.token}`)
      .attach('fil', fil, filnamn);

  const importera = async (fil: Buffer, query = ''): Promise<Record<string, unknown>> => {
    const started = await ladda(fil, query).expect(202);
    expect(started.body).toEqual({ id: expect.any(String) });
    for (let i = 0; i < 400; i++) {
      const { body } = await t.admin.get(`/import/${started.body.id as string}`).expect(200);
      if (body.status === 'klar' || body.status === 'misslyckad') return body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the import did not finish');
  };

  const antalHandelser = async (): Promise<number> => (await t.events()).length;

  /** The uploads waiting on disk: none once every job has ended or its file was refused. */
  const uppladdningar = (): string[] => {
    const mapp = uppladdningsmapp(t.app.get(APP_CONFIG));
    return existsSync(mapp) ? readdirSync(mapp) : [];
  };

  it('offers the template as XLSX with instructions and drop-downs, and as CSV', async () => {
    const xlsx = await t.admin
      .get('/import/mall.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const bitar: Buffer[] = [];
        res.on('data', (bit: Buffer) => bitar.push(bit));
        res.on('end', () => done(null, Buffer.concat(bitar)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toBe(XLSX_TYP);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Instruktioner',
      'Deltaganden',
      'Koder',
    ]);
    const data = workbook.getWorksheet('Deltaganden')!;
    expect((data.getRow(1).values as unknown[]).slice(1).join(';')).toBe(RUBRIKER);
    expect(data.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Koder!$B$2:$B$4'],
    });
    expect(data.getCell('B2').dataValidation).toMatchObject({ formulae: ['Koder!$A$2:$A$2'] });
    expect(workbook.getWorksheet('Koder')!.getCell('A2').value).toBe('Ung i Tyresö');

    const csv = await t.admin.get('/import/mall.csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text).toBe(`\uFEFF${RUBRIKER}\r\n`);
  });

  it('imports a file in the seeds wording with the events the API writes, marked as imported', async () => {
    const fore = await antalHandelser();
    const status = await importera(SEEDFIL);
    expect(status).toEqual({
      id: expect.any(String),
      status: 'klar',
      torrkorning: false,
      allaEllerInget: false,
      meddelande: null,
      rader: 3,
      klara: 3,
      skrivna: 3,
      hoppadeOver: 0,
      handelser: 6,
      fel: [],
      felTotalt: 0,
      raderMedFel: 0,
    });
    const events = await t.app
      .get(DataSource)
      .query(
        `SELECT type, data, metadata FROM events WHERE metadata->>'importId' = $1 ORDER BY position`,
        [status.id],
      );
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'RemissMottagen',
      'RemissMottagen',
      'DeltagareInskriven',
      'DeltagareAvslutad',
      'RemissMottagen',
      'RemissAterremitterad',
    ]);
    expect(events[1].data).toMatchObject({
      insatsId,
      datum: '2024-03-05',
      remittent: 'socialtjanst',
      remittentEnhet: 'Jobbtorg',
      person: { kon: 'man', fodelsear: 1990, kommun: '0138', personId: null },
    });
    expect(events[2].data).toEqual({
      datum: '2024-03-20',
      forsorjning: ['sjuk-rehabpenning', 'a-kassa'],
      utbildningsniva: 'gymnasial',
      tidIOffentligForsorjning: '1-2-ar',
    });
    expect(events[4].data).toMatchObject({ remittent: 'vard', person: { kommun: '0136' } });
    expect(events[1].metadata).toMatchObject({
      kalla: 'import',
      importId: status.id,
      externtId: 'U-2',
      correlationId: status.id,
    });
    expect(await antalHandelser()).toBe(fore + 6);

    // The statistics take the imported deltaganden like any other.
    await t.app.get(ProjectionRunner).waitUntil(await t.store.headPosition(), 5_000);
    const rapport = await t.admin
      .get(`/statistik?fran=2024-01-01&till=2024-12-31&insats=${insatsId}`)
      .expect(200);
    expect(rapport.body.totalt.remisser.mottagna).toEqual({
      kvinna: 2,
      man: 1,
      ejAngivet: 0,
      totalt: 3,
    });
    expect(rapport.body.totalt.remisser.aterremitterade.totalt).toBe(1);
    expect(rapport.body.totalt.deltagare.avslutade).toEqual({
      kvinna: 0,
      man: 1,
      ejAngivet: 0,
      totalt: 1,
    });
  });

  it('writes nothing new when the same file is imported again', async () => {
    const fore = await antalHandelser();
    const status = await importera(SEEDFIL);
    expect(status).toMatchObject({ status: 'klar', rader: 3, skrivna: 0, hoppadeOver: 3, fel: [] });
    expect(await antalHandelser()).toBe(fore);
    // Each upload waited on disk under DATA_DIR until its job ended; none is left.
    expect(uppladdningar()).toEqual([]);
  });

  it('dry run: reports every bad row by row and column, in the file order, and writes nothing', async () => {
    const fore = await antalHandelser();
    const fil = Buffer.from(
      [
        'Externt id,Insats,Kön,Födelseår,Kommun,Remissdatum,Remittent',
        'B-1,Ung i Tyresö,Kvinna,1990,Tyresö,2024-03-04,AF',
        'B-2,Balder,Kvinna,1990,Tyresö,2024-03-04,AF',
        'B-3,Ung i Tyresö,Kvinna,1950,Tyresö,2024-03-04,AF',
        'B-1,Ung i Tyresö,Man,1990,Tyresö,2024-03-04,AF',
        'B-5,Ung i Tyresö,Kvinna,1990,Tyresö,2024-03-04,Polisen',
      ].join('\n'),
    );
    const status = await importera(fil, '?torrkorning=true');
    expect(status).toMatchObject({
      status: 'klar',
      torrkorning: true,
      rader: 5,
      klara: 5,
      skrivna: 0,
      hoppadeOver: 0,
      handelser: 1,
      felTotalt: 4,
      raderMedFel: 4,
    });
    expect(status.fel).toEqual([
      {
        rad: 3,
        kolumn: 'Insats',
        meddelande: 'Okänd insats "Balder"; ange namnet eller id:t på en av förbundets insatser',
      },
      {
        rad: 4,
        kolumn: 'Födelseår',
        meddelande: 'Deltagaren är 74 år vid remissen; Finsams målgrupp är 16–64 år',
      },
      {
        rad: 5,
        kolumn: 'Externt id',
        meddelande: 'Externt id "B-1" finns redan på rad 2 för samma insats',
      },
      {
        rad: 6,
        kolumn: 'Remittent',
        meddelande:
          'Okänd remittent "Polisen"; välj en av: Arbetsförmedlingen, Försäkringskassan, Socialtjänst/ekonomiskt bistånd, Kommunal arbetsmarknadsenhet/Jobbtorg, Skola/KAA, Hälso- och sjukvård, Egenanmälan, Annan insats i förbundet, Annan/ej angiven',
      },
    ]);
    expect(await antalHandelser()).toBe(fore);

    // The rows with problems come back in the template's columns, to correct and upload again.
    const felfil = await t.admin
      .get(`/import/${status.id as string}/fel.xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const bitar: Buffer[] = [];
        res.on('data', (bit: Buffer) => bitar.push(bit));
        res.on('end', () => done(null, Buffer.concat(bitar)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(felfil.body as Buffer).buffer);
    const blad = workbook.getWorksheet('Deltaganden')!;
    const varden = (rad: number, ...kolumner: number[]) =>
      kolumner.map((k) => blad.getRow(rad).getCell(k).value);
    // Externt id, Insats, födelseår, then "Rad i filen" and "Fel" after the 17 template columns.
    expect([2, 3, 4, 5].map((rad) => varden(rad, 1, 2, 4, 18))).toEqual([
      ['B-2', 'Balder', '1990', 3],
      ['B-3', 'Ung i Tyresö', '1950', 4],
      ['B-1', 'Ung i Tyresö', '1990', 5],
      ['B-5', 'Ung i Tyresö', '1990', 6],
    ]);
    expect(varden(3, 19)).toEqual([
      'Födelseår: Deltagaren är 74 år vid remissen; Finsams målgrupp är 16–64 år',
    ]);
    const igen = await importera(felfil.body as Buffer, '?torrkorning=true');
    expect((igen.fel as { rad: number; kolumn: string }[]).map((f) => [f.rad, f.kolumn])).toEqual([
      [2, 'Insats'],
      [3, 'Födelseår'],
      [5, 'Remittent'],
    ]);
  });

  it('allaEllerInget: one bad row and nothing is written; without it the good rows are', async () => {
    const fore = await antalHandelser();
    const fil = Buffer.from(
      [
        'Externt id;Insats;Kön;Födelseår;Kommun;Remissdatum;Remittent',
        'A-1;Ung i Tyresö;Kvinna;1990;0138;2024-05-02;FK',
        'A-2;Ung i Tyresö;Kvinna;1990;0138;2099-05-02;FK',
      ].join('\n'),
    );
    const allt = await importera(fil, '?allaEllerInget=true');
    expect(allt).toMatchObject({ status: 'klar', skrivna: 0, felTotalt: 1 });
    expect(allt.fel).toEqual([
      { rad: 3, kolumn: 'Remissdatum', meddelande: 'Remissdatum får inte vara i framtiden' },
    ]);
    expect(await antalHandelser()).toBe(fore);

    const delvis = await importera(fil);
    expect(delvis).toMatchObject({ status: 'klar', skrivna: 1, felTotalt: 1 });
    expect(await antalHandelser()).toBe(fore + 1);
  });

  it('reads an XLSX: Excel dates and a formula by its saved value', async () => {
    const workbook = new ExcelJS.Workbook();
    const blad = workbook.addWorksheet('Deltaganden');
    blad.addRow(['Externt id', 'Insats', 'Kön', 'Födelseår', 'Kommun', 'Remissdatum', 'Remittent']);
    blad.addRow([
      { formula: '"X-"&1', result: 'X-1' },
      'Ung i Tyresö',
      'K',
      1992,
      138,
      new Date(Date.UTC(2024, 5, 3)),
      'AF',
    ]);
    const status = await importera(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(status).toMatchObject({ status: 'klar', skrivna: 1, fel: [] });
    const [event] = await t.app
      .get(DataSource)
      .query(`SELECT data, metadata FROM events WHERE metadata->>'importId' = $1`, [status.id]);
    expect(event.data).toMatchObject({ datum: '2024-06-03', person: { kommun: '0138' } });
    expect(event.metadata.externtId).toBe('X-1');
  });

  it('npm run cli -- import: the same import from a file, with a progress line', async () => {
    const katalog = mkdtempSync(join(tmpdir(), 'import-cli-'));
    const fil = join(katalog, 'deltaganden.csv');
    writeFileSync(
      fil,
      [
        'Externt id;Insats;Kön;Födelseår;Kommun;Remissdatum;Remittent',
        'C-1;Ung i Tyresö;Man;1990;Nacka;2024-08-01;Jobbtorg',
        'C-2;Ung i Tyresö;Kvinna;1991;Nacka;2024-08-02;Egenremiss',
      ].join('\n'),
    );
    const config = loadConfig({
      DATA_DIR: katalog,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    });
    const fore = await antalHandelser();
    const framsteg: string[] = [];
    const svar = await importFranFil(
      config,
      t.db.url,
      { fil, torrkorning: false, allaEllerInget: false },
      (rad) => framsteg.push(rad),
    );
    expect(framsteg.at(-1)).toBe('2 av 2 rader (100 %), 2 skrivna, 0 hoppade över, 0 fel');
    expect(svar).toMatch(
      /^Import [0-9a-f-]{36} för Samordningsförbundet Test: 2 rader, 2 deltaganden skrivna \(2 händelser\), 0 hoppade över \(redan importerade\), 0 fel, \d+\.\d s$/,
    );
    expect(await antalHandelser()).toBe(fore + 2);
  });

  describe('hostile and wrong files are refused with a 400, never a 500', () => {
    it.each([
      [
        'a PDF',
        Buffer.from('%PDF-1.4\n\u0000\u0001binary'),
        'Filen är varken en Excel-fil (.xlsx) eller CSV',
      ],
      [
        'an old .xls',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        'Filen är i Excels äldre format (.xls); spara den som .xlsx eller CSV och försök igen',
      ],
      [
        'a broken zip',
        Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 1)]),
        'Filen är ingen giltig Excel-fil (.xlsx)',
      ],
      [
        'a CSV without the template columns',
        Buffer.from('Namn;Telefon\nAnna;123\n'),
        'Rubrikraden saknar "Externt id", "Insats", "Kön", "Födelseår", "Kommun", "Remissdatum", "Remittent"; använd importmallens rubriker',
      ],
      [
        'more rows than allowed',
        Buffer.from(
          `Externt id;Insats;Kön;Födelseår;Kommun;Remissdatum;Remittent\n${Array.from({ length: 21 }, (_, i) => `R-${i};Ung i Tyresö;Man;1990;0138;2024-03-04;AF`).join('\n')}`,
        ),
        'Filen har fler än 20 rader; dela upp den',
      ],
      [
        'a file over the size limit',
        Buffer.alloc(1024 * 1024 + 1, 0x41),
        'Filen är större än 1 MB; dela upp den',
      ],
    ])('%s', async (_namn, fil, meddelande) => {
      const fore = await antalHandelser();
      const response = await ladda(fil).expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: meddelande });
      expect(await antalHandelser()).toBe(fore);
      expect(uppladdningar()).toEqual([]);
    });

    it('a zip bomb', async () => {
      const zip = new JSZip();
      zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(30 * 1024 * 1024, 0x20));
      const fil = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      expect(fil.length).toBeLessThan(1024 * 1024);
      const response = await ladda(fil, '', 'bomb.xlsx').expect(400);
      expect(response.body.message).toBe(
        'Excel-filen packas upp till mer än vad importen tar emot; dela upp den',
      );
    });

    it('no file, and a file in another field', async () => {
      const utan = await t.http
        .post('/api/v1/import')
        .set('Authorization', `Bearer ${t.admin.token}`)
        .expect(400);
      expect(utan.body.message).toBe('Ingen fil skickades (multipart-fältet "fil")');
      const annat = await t.http
        .post('/api/v1/import')
        .set('Authorization', `Bearer ${t.admin.token}`)
        .attach('dokument', SEEDFIL, 'x.csv')
        .expect(400);
      expect(annat.body.message).toBe(
        'Skicka en fil som multipart/form-data i fältet "fil" (och inget annat)',
      );
    });
  });

  it("only an admin imports, and sees only its own förbund's imports", async () => {
    const kansli = await t.user('kansli');
    await ladda(SEEDFIL, '', 'x.csv', kansli).expect(403);
    const started = await ladda(SEEDFIL, '?torrkorning=true').expect(202);
    await kansli.get(`/import/${started.body.id as string}`).expect(403);
    await t.admin.get('/import/6f1c2b4e-9a3d-4f7e-8b21-5c0d3e9a7f41').expect(404);
  });
});
