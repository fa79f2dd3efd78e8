import type { Page } from 'playwright-core';
import { remissBody } from '../support/test-app.js';
import {
  allvarligaAxeFel,
  loggaIn,
  skarmbild,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.js';

const LANG_TID = 120_000;

/** The admin edits an insats and ends one, first refused while a deltagande is open. */
describe('admin ändrar och avslutar insatser i webbläsaren', () => {
  let b: BrowserApp;
  let admin: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    admin = await b.anvandare('admin');
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  const rad = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  const insatserSidan = async (page: Page) => {
    await page.goto(`${b.base}/admin/insatser`);
    await page.getByRole('heading', { name: 'Insatser och mål' }).waitFor();
  };

  it(
    'ändrar namn, grupp, ordning och målgrupp och ser gruppen i listan',
    async () => {
      const insatsId = await b.t.insats({ namn: 'Bron', utforare: 'Arbetsförmedlingen' });
      const page = await b.sida();
      await loggaIn(page, b.base, admin);
      await insatserSidan(page);

      await page.getByRole('button', { name: 'Ändra Bron' }).click();
      const form = page.getByRole('form', { name: 'Ändra Bron' });
      await form.getByLabel('Namn').fill('Bron Haninge');
      await form.getByLabel('Grupp', { exact: true }).fill('Rätt stöd för mig');
      await form.getByLabel('Ordning').fill('1');
      await form.getByLabel('Målgrupp').fill('Unga vuxna 16–29 år');
      await form.getByLabel('Utförare').fill('');
      await form.getByRole('button', { name: 'Spara ändringar' }).click();
      await page.getByRole('status').filter({ hasText: 'Ändringen är sparad.' }).waitFor();

      await rad(page, 'Rätt stöd för mig').waitFor();
      expect(await rad(page, 'Rätt stöd för mig').getByRole('cell').first().innerText()).toBe(
        'Bron Haninge',
      );
      expect((await b.t.admin.get(`/insatser/${insatsId}`).expect(200)).body).toMatchObject({
        namn: 'Bron Haninge',
        grupp: 'Rätt stöd för mig',
        ordning: 1,
        malgrupp: 'Unga vuxna 16–29 år',
        utforare: null,
        revision: 1,
      });
      expect(await allvarligaAxeFel(page)).toEqual([]);
      await skarmbild(page, 'admin-andra-insats');
    },
    LANG_TID,
  );

  it(
    'avslutar en insats efter bekräftelse, först vägrad med det öppna deltagandet listat',
    async () => {
      const insatsId = await b.t.insats({ namn: 'Prolog' });
      const personal = await b.t.user('personal', { insatser: [insatsId] });
      const oppet = (await personal.post(`/insatser/${insatsId}/deltaganden`, remissBody())).body
        .id as string;

      const page = await b.sida();
      await loggaIn(page, b.base, admin);
      await insatserSidan(page);
      await page.getByRole('button', { name: 'Ändra Prolog' }).click();
      await page.getByLabel('Slutdatum för avslutet').fill('2025-06-30');
      await page.getByRole('button', { name: 'Avsluta insats' }).click();

      const dialog = page.getByRole('dialog', { name: 'Avsluta insatsen?' });
      await dialog.getByText('Prolog avslutas med slutdatum 2025-06-30.').waitFor();
      await dialog.getByRole('button', { name: 'Ja, avsluta insatsen' }).click();

      const vagran = page.getByRole('alert').filter({ hasText: 'Insatsen avslutades inte' });
      await vagran.waitFor();
      expect(await vagran.innerText()).toContain(
        'Insatsen har 1 öppna deltaganden; avsluta eller återremittera dem först',
      );
      expect(
        await page
          .getByRole('list', { name: 'Öppna deltaganden' })
          .getByRole('listitem')
          .allInnerTexts(),
      ).toEqual([oppet]);
      await skarmbild(page, 'admin-avsluta-insats-vagrad');
      expect((await b.t.admin.get(`/insatser/${insatsId}`).expect(200)).body.avslutad).toBe(false);

      await personal
        .post(`/deltaganden/${oppet}/aterremiss`, { datum: '2025-02-05', orsak: 'Annan plan' })
        .expect(200);
      await page.getByRole('button', { name: 'Avsluta insats' }).click();
      await dialog.getByRole('button', { name: 'Ja, avsluta insatsen' }).click();

      await page
        .getByText('Insatsen avslutades 2025-06-30; dess datum kan inte längre ändras.')
        .waitFor();
      await rad(page, 'Prolog').getByText('Avslutad', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Avsluta insats' }).count()).toBe(0);
      expect((await b.t.admin.get(`/insatser/${insatsId}`).expect(200)).body).toMatchObject({
        avslutad: true,
        slutdatum: '2025-06-30',
      });
      await skarmbild(page, 'admin-insats-avslutad');
    },
    LANG_TID,
  );
});
