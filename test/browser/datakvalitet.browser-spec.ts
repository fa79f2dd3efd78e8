import { remissBody } from '../support/test-app.js';
import { loggaIn, overflod, startBrowserApp, type BrowserApp } from '../support/browser.js';

const LANG_TID = 300_000;
const STEG = 60_000;

const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const daysAgo = (days: number): string =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
/** The page's default period: the same date a year back, until today. */
const FRAN = `${Number(TODAY.slice(0, 4)) - 1}${TODAY.slice(4) === '-02-29' ? '-02-28' : TODAY.slice(4)}`;

/** The kansli checks the registrations before the numbers go out. */
describe('datakvalitetssidan', () => {
  let b: BrowserApp;
  let kansli: string;
  let rapportId: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    const insatsId = await b.t.insats({ namn: 'Ung i Tyresö', startdatum: '2020-01-01' });
    const personal = await b.t.user('personal', { insatser: [insatsId] });
    const registrera = (body: object) =>
      personal.post(`/insatser/${insatsId}/deltaganden`, body).expect(201);
    const inskrivning = (datum: string) => ({
      datum,
      forsorjning: ['forsorjningsstod'],
      utbildningsniva: 'gymnasial',
      tidIOffentligForsorjning: '1-2-ar',
    });
    // Registered today: lags 2; 10 and 5; 90 (a remiss waiting 90 days).
    await registrera(remissBody({ remiss: { datum: daysAgo(2) } }));
    await registrera(
      remissBody({ remiss: { datum: daysAgo(10) }, inskrivning: inskrivning(daysAgo(5)) }),
    );
    await registrera(remissBody({ remiss: { datum: daysAgo(90) } }));
    const kansliCaller = await b.t.user('kansli');
    await kansliCaller.get(`/statistik/export?fran=${FRAN}&till=${TODAY}&format=csv`).expect(200);
    rapportId = (await kansliCaller.get('/rapporter').expect(200)).body.items[0].id as string;
    // After the export: inskriven 400 days ago (before the period, so no lag counted), open
    // since: inactive, and one more aktuell in the exported period.
    await registrera(
      remissBody({ remiss: { datum: daysAgo(500) }, inskrivning: inskrivning(daysAgo(400)) }),
    );
    kansli = await b.anvandare('kansli');
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  it(
    'visar eftersläpning, väntande remisser, inaktiva inskrivna och den ändrade rapporten',
    async () => {
      const page = await b.sida();
      page.setDefaultTimeout(STEG);
      await loggaIn(page, b.base, kansli);
      await page.getByRole('link', { name: 'Datakvalitet' }).click();
      await page.getByRole('heading', { name: 'Datakvalitet', level: 2 }).waitFor();
      await page
        .getByTestId('datakvalitet-period')
        .filter({ hasText: `${FRAN} – ${TODAY}` })
        .waitFor();
      const tabell = page.getByRole('table', { name: 'Datakvalitet per insats' });
      const rad = tabell.getByRole('row', { name: /Ung i Tyresö/ });
      const celler = (await rad.getByRole('cell').allInnerTexts()).map((c) =>
        c.replace(/\s+/g, ' ').trim(),
      );
      // Lags 2, 5, 10, 90: median (5 + 10) / 2 = 7.5; p90 at 0.9 × 3 = 2.7 → 10 + 0.7 × 80 = 66;
      // one of four over 30 days. One remiss has waited over 60 days (90), one inskriven has
      // had nothing dated for 400 days; an individ insats has no volym months; no conflicts.
      expect(celler[0]).toBe('4');
      expect(celler[1]).toBe('7,5 d');
      expect(celler[2]).toBe('66 d');
      expect(celler[3]).toBe('25 %');
      expect(celler[4]).toMatch(/^1 [0-9a-f]{8}$/);
      expect(celler[5]).toMatch(/^1 [0-9a-f]{8}$/);
      expect(celler[6]).toBe('Ej volyminsats');
      expect(celler[7]).toBe('0');
      // No per-user table for kansli.
      expect(await page.getByRole('table', { name: 'Eftersläpning per användare' }).count()).toBe(
        0,
      );
      const lank = page.getByRole('list', { name: 'Ändrade rapporter' }).getByRole('link');
      expect(await lank.count()).toBe(1);
      expect(await lank.getAttribute('href')).toBe(`/rapporter/${rapportId}/andringar`);
      expect(await lank.innerText()).toContain(`CSV ${FRAN} – ${TODAY}`);
      expect(await overflod(page)).toBe(0);
      await page.context().close();
    },
    LANG_TID,
  );
});
