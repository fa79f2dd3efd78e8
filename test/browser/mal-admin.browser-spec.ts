import type { Page } from 'playwright-core';
import {
  allvarligaAxeFel,
  loggaIn,
  skarmbild,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.js';

const LANG_TID = 120_000;

/** The admin sets an insats's goals and economy, and the förbund's own goals. */
describe('admin sätter mål och ekonomi i webbläsaren', () => {
  let b: BrowserApp;
  let insatsId: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    insatsId = await b.t.insats({ namn: 'MIA Vidare' });
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  const valjInsats = async (page: Page) => {
    await page.getByRole('button', { name: 'Mål och ekonomi för MIA Vidare' }).click();
    await page.getByRole('heading', { name: 'Mål och ekonomi för MIA Vidare' }).waitFor();
  };

  const nyttMal = async (
    page: Page,
    formular: string,
    mal: { matt: string; fran: string; till: string; varde: string },
  ) => {
    const form = page.getByRole('form', { name: formular });
    await form.getByLabel('Mått').selectOption({ label: mal.matt });
    await form.getByLabel('Från').fill(mal.fran);
    await form.getByLabel('Till').fill(mal.till);
    await form.getByLabel(/^Mål \(/).fill(mal.varde);
    await form.getByRole('button', { name: 'Spara mål' }).click();
  };

  /** The table's rows as text, cell by cell. */
  const rader = async (page: Page, tabell: string): Promise<string[][]> =>
    page
      .getByRole('table', { name: tabell })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ')),
        ),
      );

  it(
    'lägger till ett mål och en budget och ser dem listade efter omladdning',
    async () => {
      const admin = await b.anvandare('admin');
      const page = await b.sida();
      await loggaIn(page, b.base, admin);
      await page.goto(`${b.base}/admin/insatser`);
      await valjInsats(page);
      await page.getByText('Inga mål satta.').waitFor();

      await nyttMal(page, 'Nytt mål (Mål)', {
        matt: 'Nya deltagare',
        fran: '2020-01-01',
        till: '2022-06-30',
        varde: '330',
      });
      await page.getByRole('cell', { name: '2020-01-01 – 2022-06-30' }).waitFor();
      await nyttMal(page, 'Nytt mål (Mål)', {
        matt: 'Andel till arbete eller studier',
        fran: '2020-01-01',
        till: '2022-06-30',
        varde: '25',
      });
      await page.getByRole('cell', { name: '25 %' }).waitFor();

      const ekonomi = page.getByRole('form', { name: 'Sätt ekonomi' });
      await ekonomi.getByLabel('År').fill('2020');
      await ekonomi.getByLabel('Budget (kr)').fill('1693787');
      await ekonomi.getByRole('button', { name: 'Spara ekonomi' }).click();
      await page.getByRole('cell', { name: '1 693 787 kr' }).waitFor();

      await page.reload();
      await valjInsats(page);
      await page.getByRole('cell', { name: '1 693 787 kr' }).waitFor();
      expect(await rader(page, 'Mål')).toEqual([
        ['Andel till arbete eller studier', '2020-01-01 – 2022-06-30', '25 %', 'ÄndraTa bort'],
        ['Nya deltagare', '2020-01-01 – 2022-06-30', '330', 'ÄndraTa bort'],
      ]);
      expect(await rader(page, 'Budget och kostnad')).toEqual([['2020', '1 693 787 kr', '–']]);
      expect(await allvarligaAxeFel(page)).toEqual([]);
      await skarmbild(page, 'mal-och-ekonomi');

      // The share went to the API as 0–1, the budget as whole kronor.
      const sparat = (await b.t.admin.get(`/insatser/${insatsId}/mal`).expect(200)).body;
      expect(sparat.mal.map((m: { matt: string; varde: number }) => [m.matt, m.varde])).toEqual([
        ['andel-arbete-studier', 0.25],
        ['nya', 330],
      ]);
      expect(sparat.ekonomi).toEqual([{ ar: 2020, budget: 1_693_787, kostnad: null }]);
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'ändrar och tar bort ett mål',
    async () => {
      const admin = await b.anvandare('admin');
      const page = await b.sida();
      await loggaIn(page, b.base, admin);
      await page.goto(`${b.base}/admin/insatser`);
      await valjInsats(page);

      await page
        .getByRole('button', { name: 'Ändra mål: Nya deltagare 2020-01-01–2022-06-30' })
        .click();
      const andra = page.getByRole('form', { name: 'Ändra mål (Mål)' });
      expect(await andra.getByLabel('Mål (antal)').inputValue()).toBe('330');
      await andra.getByLabel('Mål (antal)').fill('300');
      await andra.getByRole('button', { name: 'Spara mål' }).click();
      await page.getByRole('cell', { name: '300', exact: true }).waitFor();

      await page
        .getByRole('button', {
          name: 'Ta bort mål: Andel till arbete eller studier 2020-01-01–2022-06-30',
        })
        .click();
      await page.getByRole('cell', { name: '25 %' }).waitFor({ state: 'detached' });
      expect(await rader(page, 'Mål')).toEqual([
        ['Nya deltagare', '2020-01-01 – 2022-06-30', '300', 'ÄndraTa bort'],
      ]);
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'sätter ett mål för hela förbundet',
    async () => {
      const admin = await b.anvandare('admin');
      const page = await b.sida();
      await loggaIn(page, b.base, admin);
      await page.getByRole('link', { name: 'Förbundets mål' }).click();
      await page.getByRole('heading', { name: 'Förbundets mål' }).waitFor();
      expect(await page.getByLabel('Målen gäller').inputValue()).toBe('');

      await nyttMal(page, 'Nytt mål (Mål för hela förbundet)', {
        matt: 'Deltagare (aktuella)',
        fran: '2020-01-01',
        till: '2020-12-31',
        varde: '900',
      });
      await page.getByRole('cell', { name: '900' }).waitFor();
      await page.reload();
      await page.getByRole('cell', { name: '900' }).waitFor();
      expect(await rader(page, 'Mål för hela förbundet')).toEqual([
        ['Deltagare (aktuella)', '2020-01-01 – 2020-12-31', '900', 'ÄndraTa bort'],
      ]);
      expect(await allvarligaAxeFel(page)).toEqual([]);
      const sparat = (await b.t.admin.get('/forbund/mal').expect(200)).body;
      expect(sparat).toEqual([
        {
          malId: expect.any(String),
          grupp: null,
          matt: 'deltagare',
          fran: '2020-01-01',
          till: '2020-12-31',
          varde: 900,
        },
      ]);
      await page.context().close();
    },
    LANG_TID,
  );
});
