import type { Page } from 'playwright-core';
import { inskrivningBody, remissBody } from '../support/test-app.js';
import { loggaIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

const LANG_TID = 300_000;
/** The shared machine is slow: a step may take far longer than the usual ten seconds. */
const STEG = 60_000;

/** From a recorded export to the cells that moved since and the registration behind them. */
describe('Vad har ändrats sedan en exporterad rapport', () => {
  let b: BrowserApp;
  let deltagandeId: string;
  let personalEmail: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    const insats = await b.t.insats({ namn: 'Balder' });
    const personal = await b.t.user('personal', { insatser: [insats] });
    personalEmail = (await personal.get('/auth/me').expect(200)).body.email as string;
    // One remiss of 2025-03-01, waiting when the report is exported.
    deltagandeId = (
      await personal
        .post(`/insatser/${insats}/deltaganden`, remissBody({ remiss: { datum: '2025-03-01' } }))
        .expect(201)
    ).body.id as string;
    const kansli = await b.t.user('kansli');
    await kansli.get('/statistik/export?fran=2025-01-01&till=2025-12-31&format=csv').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The inskrivning of 2025-03-11, registered after the export.
    await personal
      .post(`/deltaganden/${deltagandeId}/inskrivning`, inskrivningBody({ datum: '2025-03-11' }))
      .expect(200);
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  /** The list of reports, then the explanation of the one exported. */
  const oppnaAndringar = async (page: Page, roll: 'admin' | 'kansli') => {
    page.setDefaultTimeout(STEG);
    await loggaIn(page, b.base, await b.anvandare(roll));
    await page.getByRole('link', { name: 'Rapporter' }).click();
    const lista = page.getByRole('table', { name: 'Exporterade rapporter, nyast först' });
    const rad = lista.getByRole('row').filter({ hasText: '2025-01-01 – 2025-12-31' });
    await rad.waitFor();
    expect(await rad.getByRole('cell').allInnerTexts()).toContain('Ja');
    await rad.getByRole('link', { name: 'Vad har ändrats sedan?' }).click();
    await page.getByRole('heading', { name: 'Vad har ändrats sedan?' }).waitFor();
    return page.getByRole('table', { name: /ändrade celler/ });
  };

  /** The table row of one cell of Balder's tables. */
  const cellRadAv = (page: Page, cell: string) =>
    page
      .getByRole('table', { name: /ändrade celler/ })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: cell, exact: true }) })
      .filter({ has: page.getByRole('cell', { name: 'Balder', exact: true }) });

  /** The row of one cell of Balder's tables: where, which cell, then, now, and behind it. */
  const cellRad = async (page: Page, cell: string): Promise<string[]> => {
    return (await cellRadAv(page, cell).getByRole('cell').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
  };

  it(
    'shows an admin the moved cell then → now with the late inskrivning, who registered it and the deltagande',
    async () => {
      const page = await b.sida();
      const tabell = await oppnaAndringar(page, 'admin');
      await tabell.waitFor();
      // Before: one waiting remiss. After: inskriven 2025-03-11, so one aktuell kvinna.
      const [var_, cell, da, nu, bakom] = await cellRad(page, 'deltagare, aktuella: kvinna');
      expect([var_, cell, da, nu]).toEqual(['Balder', 'deltagare, aktuella: kvinna', '0', '1']);
      expect(bakom).toContain('Inskrivning 2025-03-11, registrerad');
      expect(bakom).toContain(`av ${personalEmail}, deltagande ${deltagandeId}`);
      // The waiting remiss is no longer waiting, by the same registration.
      const vantande = await cellRad(page, 'remisser, vantande: kvinna');
      expect(vantande.slice(2, 4)).toEqual(['1', '0']);
      expect(vantande[4]).toContain('Inskrivning 2025-03-11');
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'shows kansli the same cell and registration without personal data, with the way to the statistics',
    async () => {
      const page = await b.sida();
      const tabell = await oppnaAndringar(page, 'kansli');
      await tabell.waitFor();
      const [, cell, da, nu, bakom] = await cellRad(page, 'deltagare, aktuella: kvinna');
      expect([cell, da, nu]).toEqual(['deltagare, aktuella: kvinna', '0', '1']);
      expect(bakom).toContain('Inskrivning 2025-03-11, registrerad');
      expect(bakom).toContain('Se underlaget i statistiken');
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('@');
      expect(text).not.toContain(deltagandeId);
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'takes kansli from a moved cell to the statistics of that period and insats, with the deltaganden behind the count listed',
    async () => {
      const page = await b.sida();
      const tabell = await oppnaAndringar(page, 'kansli');
      await tabell.waitFor();
      const rad = cellRadAv(page, 'deltagare, aktuella: kvinna');
      await rad.getByRole('link', { name: 'Se underlaget i statistiken' }).click();
      // The report of the exported period, on Balder's tab, with today's aktuella kvinnor listed.
      const underlag = page.getByRole('dialog', { name: 'Underlag: Aktuella, kvinnor' });
      await underlag.getByText('1 deltaganden (2025-01-01 – 2025-12-31)').waitFor();
      const celler = await underlag.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
      expect(celler).toContain('2025-03-11');
      expect(await page.getByTestId('rapportperiod').innerText()).toContain(
        '2025-01-01 – 2025-12-31',
      );
      expect(await page.getByRole('tab', { name: 'Balder' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      await page.context().close();
    },
    LANG_TID,
  );
});
