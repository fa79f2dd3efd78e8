import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const PERIOD = 'fran=2025-01-01&till=2025-12-31';

/** The text of a PDF as poppler's pdftotext reads it, in reading order. */
const pdfText = (pdf: Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'rapport.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

/** The PDF report of two insatser: the same figures as the JSON, in Swedish. */
describe('GET /statistik/export?format=pdf', () => {
  let t: TestApp;
  let kansli: Caller;

  beforeAll(async () => {
    t = await startTestApp();
    const balder = await t.insats({ namn: 'Balder' });
    const ymer = await t.insats({ namn: 'Ymer' });
    kansli = await t.user('kansli');
    const personal = await t.user('personal', { insatser: [balder, ymer] });
    await t.admin.put(`/insatser/${balder}/arsmal/2025`, { nyaDeltagare: 20 }).expect(200);
    // Balder: 6 kvinnor and 1 man inskrivna, 2 of the kvinnor avslutade to arbete; Ymer: 3 män.
    for (let i = 0; i < 7; i++) {
      const kon = i < 6 ? 'kvinna' : 'man';
      const { body } = await personal
        .post(
          `/insatser/${balder}/deltaganden`,
          remissBody({ person: { kon, fodelsear: 1990 }, inskrivning: {} }),
        )
        .expect(201);
      if (i < 2) await personal.post(`/deltaganden/${body.id}/avslut`, avslutBody()).expect(200);
    }
    for (let i = 0; i < 3; i++) {
      await personal
        .post(
          `/insatser/${ymer}/deltaganden`,
          remissBody({
            person: { kon: 'man', fodelsear: 1980 },
            remiss: { remittent: 'fk' },
            inskrivning: {},
          }),
        )
        .expect(201);
    }
  });
  afterAll(() => t.close());

  const download = (query: string) =>
    kansli
      .get(`/statistik/export?${query}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  it("gives an A4 PDF with förbund, period, insatser and the JSON report's figures", async () => {
    const { body: json } = await kansli.get(`/statistik?${PERIOD}`).expect(200);
    const response = await download(
      `${PERIOD}&asOf=${encodeURIComponent(json.asOf)}&format=pdf`,
    ).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="deltagarstatistik-2025-01-01--2025-12-31.pdf"',
    );
    expect(json.insatser.map((insats: { namn: string }) => insats.namn)).toEqual([
      'Balder',
      'Ymer',
    ]);
    expect(json.totalt.deltagare.aktuella).toEqual({ kvinna: 6, man: 4, ejAngivet: 0, totalt: 10 });

    const text = pdfText(response.body as Buffer);
    const lines = text.split('\n').map((line) => line.trim());
    expect(lines.slice(0, 3)).toEqual([
      'Deltagarstatistik',
      'Samordningsförbundet Test',
      'Period: 2025-01-01 – 2025-12-31',
    ]);
    /** A table row as a pattern: its cells in order, apart. */
    const row = (...cells: string[]) =>
      new RegExp(cells.map((cell) => cell.replace(/[().%<]/g, '\\$&')).join('\\s+'));
    expect(text).toContain(`Uppgifter per: ${json.asOf}`);
    // The overview, a row per insats and the total: aktuella, nya, avslutade K / M / Totalt,
    // then arbete eller studier (antal, andel), Balder's goal and its utfall.
    expect(text).toMatch(
      row(
        'Balder',
        '6',
        '1',
        '7',
        '6',
        '1',
        '7',
        '2',
        '0',
        '2',
        '2',
        '100,0 %',
        'Nya deltagare: 7 av 20 (35,0 %)',
      ),
    );
    expect(text).toMatch(row('Ymer', '0', '3', '3', '0', '3', '3', '0', '0', '0', '0'));
    expect(text).toMatch(
      row('Totalt', '6', '4', '10', '6', '4', '10', '2', '0', '2', '2', '100,0 %'),
    );
    // A page per insats, with its tables, charts and footnoted definitions.
    // Balder's page: deltagare by kön and its nya per remittent.
    expect(text).toMatch(row('Aktuella', '6', '1', '0', '7'));
    expect(text).toMatch(row('Avslutade', '2', '0', '0', '2'));
    for (const heading of [
      'Flöde per kön',
      'Nya deltagare per remittent',
      'Utfall i procent av målet',
      'Försörjning vid inskrivning och vid avslut',
      '¹ Aktuella: deltagare inskrivna någon dag under perioden.',
    ]) {
      expect(text.replace(/ +/g, ' ')).toContain(heading);
    }
    expect(text).toMatch(row('Arbetsförmedlingen', '7', '100,0 %'));
    expect(text).toMatch(row('Försäkringskassan', '3', '100,0 %'));
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.at(-1)).toContain(`Sida ${pages.length} av ${pages.length}`);
  });

  it('compares with jamfor in the CSV overview (bred and lang) and in the PDF', async () => {
    // H2 against the six months before it, H1 2025 (2025-01-01 – 2025-06-30). Balder: 7 aktuella in H1 (6 kvinnor,
    // 1 man), 5 in H2 after two kvinnor left on 2025-06-30: -2, 2/7 = -28,6 %. Ymer: 3 and 3.
    // Förbundet: 10 then 8: -2, -20,0 %.
    const query = 'fran=2025-07-01&till=2025-12-31&jamfor=foregaende';
    const csv = (await download(`${query}&format=csv`).expect(200)).body.toString('utf8');
    const records = csv.split('\r\n').map((line: string) => line.split(';'));
    expect(records[4]).toEqual([
      'Jämförelse: föregående lika långa period, 2025-01-01 – 2025-06-30',
    ]);
    const start = records.findIndex((r: string[]) => r[0] === 'Översikt');
    expect(records.slice(start + 2, start + 6)).toEqual([
      ['Aktuella'],
      [
        'Balder',
        '4',
        '80,0 %',
        '1',
        '20,0 %',
        '0',
        '0,0 %',
        '5',
        '62,5 %',
        '6',
        '1',
        '0',
        '7',
        '-2',
        '-28,6 %',
      ],
      [
        'Ymer',
        '0',
        '0,0 %',
        '3',
        '100,0 %',
        '0',
        '0,0 %',
        '3',
        '37,5 %',
        '0',
        '3',
        '0',
        '3',
        '0',
        '0,0 %',
      ],
      [
        'Totalt',
        '4',
        '50,0 %',
        '4',
        '50,0 %',
        '0',
        '0,0 %',
        '8',
        '100,0 %',
        '6',
        '4',
        '0',
        '10',
        '-2',
        '-20,0 %',
      ],
    ]);
    const lang = (await download(`${query}&format=csv&layout=lang`).expect(200)).body.toString(
      'utf8',
    );
    expect(lang).toContain('Balder;Nya;Totalt;0;7;-7;-100,0 %');

    const text = pdfText((await download(`${query}&format=pdf`).expect(200)).body);
    const row = (...cells: string[]) =>
      new RegExp(cells.map((cell) => cell.replace(/[().%<]/g, '\\$&')).join('\\s+'));
    expect(text).toContain('Jämförelse: föregående lika långa period, 2025-01-01 – 2025-06-30');
    // Aktuella, nya, avslutade, arbete/studier: now, then, change, change in %.
    expect(text).toMatch(
      row(
        'Balder',
        '5',
        '7',
        '-2',
        '-28,6 %',
        '0',
        '7',
        '-7',
        '-100,0 %',
        '0',
        '2',
        '-2',
        '-100,0 %',
        '0',
        '2',
        '-2',
        '-100,0 %',
      ),
    );
    expect(text).toMatch(row('Ymer', '3', '3', '0', '0,0 %', '0', '3', '-3', '-100,0 %'));
  });

  it('shows suppressed counts as given and explains "<5" and ".." in a footnote', async () => {
    const text = pdfText((await download(`${PERIOD}&format=pdf&skydda=true`).expect(200)).body);
    expect(text).toContain('Skyddad för publicering: ja');
    expect(text).toMatch(/Ymer\s+0\s+<5\s+<5\s+0\s+<5\s+<5\s/);
    expect(text.replace(/\s+/g, ' ')).toContain(
      '"<5" är ett antal 1–4 (primärt skydd); ".." är ett antal som döljs',
    );
  });
});
