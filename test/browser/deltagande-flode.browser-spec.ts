import type { Page } from 'playwright-core';
import {
  faltfel,
  loggaIn,
  skarmbild,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.js';

const LANG_TID = 120_000;

/** Personal registers a deltagande through its course and sees each step in the timeline. */
describe('personal i webbläsaren', () => {
  let b: BrowserApp;
  let insatsId: string;
  let email: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    insatsId = await b.t.insats({ namn: 'Ung i Tyresö' });
    email = await b.anvandare('personal', [insatsId]);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  const tidslinje = (page: Page) => page.getByTestId('tidslinje');

  const nyRemiss = async (page: Page, datum: string) => {
    await page.goto(`${b.base}/insatser/${insatsId}/ny-remiss`);
    await page.getByLabel('Kön').selectOption('kvinna');
    await page.getByLabel('Födelseår').fill('1990');
    await page.getByRole('combobox', { name: 'Kommun' }).fill('Tyresö');
    await page.getByRole('option', { name: 'Tyresö (0138)' }).click();
    await page.getByLabel('Remissdatum').fill(datum);
    await page.getByRole('combobox', { name: 'Remittent', exact: true }).selectOption('af');
    await page.getByRole('button', { name: 'Registrera remiss' }).click();
  };

  it(
    'registrerar remiss, inskrivning och avslut och ser var och en i tidslinjen',
    async () => {
      const page = await b.sida();
      await loggaIn(page, b.base, email);
      await page.getByRole('heading', { name: 'Mina insatser' }).waitFor();
      await page.getByRole('link', { name: 'Ung i Tyresö' }).waitFor();
      await skarmbild(page, 'mina-insatser');

      await page.getByRole('link', { name: 'Ny remiss' }).click();
      await page.getByRole('heading', { name: /Ny remiss/ }).waitFor();
      await skarmbild(page, 'ny-remiss');
      await nyRemiss(page, '2025-02-03');

      await page.waitForURL(/\/deltaganden\/[0-9a-f-]{36}$/);
      await tidslinje(page).getByText('Remiss mottagen').waitFor();
      await expect(tidslinje(page).getByText('Remittent: Arbetsförmedlingen')).toBeTruthy();

      await page.getByRole('button', { name: 'Inskrivning', exact: true }).click();
      await page.getByLabel('Inskrivningsdatum').fill('2025-02-10');
      await page.getByLabel('Försörjningsstöd', { exact: true }).check();
      await page.getByLabel('Utbildningsnivå').selectOption('gymnasial');
      await page.getByLabel('Tid i offentlig försörjning').selectOption('1-2-ar');
      await page.getByRole('button', { name: 'Skriv in' }).click();
      await tidslinje(page).getByText('Inskrivning', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Avslut', exact: true }).click();
      await page.getByLabel('Avslutsdatum').fill('2025-06-30');
      await page.getByLabel('Avslutsorsak').selectOption('arbete');
      await page.getByLabel('Lön', { exact: true }).check();
      await page.getByRole('button', { name: 'Avsluta' }).click();
      await tidslinje(page).getByText('Avslut', { exact: true }).waitFor();

      const text = await tidslinje(page).innerText();
      expect(text).toMatch(/Avslut[\s\S]*Inskrivning[\s\S]*Remiss mottagen/);
      expect(text).toContain('Avslutsorsak: Arbete');
      expect(text).toContain(`av dig (${email})`);
      await skarmbild(page, 'deltagande-tidslinje');

      await page.getByRole('link', { name: /Alla deltaganden/ }).click();
      await page.getByLabel('Status').selectOption('avslutad');
      await page.getByText('1 av 1 deltaganden').waitFor();
      await skarmbild(page, 'deltaganden');
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'visar serverns besked om ett felaktigt datum vid rätt fält',
    async () => {
      const page = await b.sida();
      await loggaIn(page, b.base, email);

      // A remiss dated in the future: the server's rule, beside the remissdatum field.
      await nyRemiss(page, '2999-01-01');
      await page.getByRole('alert').waitFor();
      expect(await faltfel(page, 'Remissdatum')).toContain('får inte vara i framtiden');
      await expect(page.getByLabel('Remissdatum')).toBeTruthy();
      expect(await page.getByLabel('Remissdatum').getAttribute('aria-invalid')).toBe('true');
      await skarmbild(page, 'ny-remiss-fel-datum');

      // An avslut before the inskrivning.
      await page.getByLabel('Remissdatum').fill('2025-03-03');
      await page.getByRole('checkbox', { name: 'Skriv in direkt' }).check();
      await page.getByLabel('Inskrivningsdatum').fill('2025-03-10');
      await page.getByLabel('Ingen offentlig försörjning', { exact: true }).check();
      await page.getByLabel('Utbildningsnivå').selectOption('okand');
      await page.getByLabel('Tid i offentlig försörjning').selectOption('okand');
      await page.getByRole('button', { name: 'Registrera remiss' }).click();
      await page.waitForURL(/\/deltaganden\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Avslut', exact: true }).click();
      await page.getByLabel('Avslutsdatum').fill('2025-03-01');
      await page.getByLabel('Avslutsorsak').selectOption('studier');
      await page.getByLabel('Studiestöd', { exact: true }).check();
      await page.getByRole('button', { name: 'Avsluta' }).click();
      await page.getByRole('alert').waitFor();
      const besked = await faltfel(page, 'Avslutsdatum');
      expect(besked).toMatch(/före/i);
      await skarmbild(page, 'avslut-fel-datum');
      await page.context().close();
    },
    LANG_TID,
  );
});
