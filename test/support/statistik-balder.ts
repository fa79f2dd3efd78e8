import type { Page } from 'playwright-core';
import { loggaIn, type BrowserApp } from './browser.js';
import { remissBody } from './test-app.js';

/** The shared machine is slow: a step may take far longer than the usual ten seconds. */
export const STATISTIK_STEG = 60_000;

/**
 * The statistics pages' shared world: insats Balder with an årsmål for 2025 (30 deltagare,
 * 20 nya, 35 % till arbete/studier), one inskriven deltagande, and a kansli user to look at it.
 * Returns the kansli's e-mail to log in with.
 */
export const skapaBalder2025 = async (
  b: BrowserApp,
): Promise<{ insatsId: string; kansli: string }> => {
  const insatsId = await b.t.insats({ namn: 'Balder' });
  await b.t.admin
    .put(`/insatser/${insatsId}/arsmal/2025`, {
      deltagare: 30,
      nyaDeltagare: 20,
      andelArbeteStudier: 0.35,
    })
    .expect(200);
  const personal = await b.t.user('personal', { insatser: [insatsId] });
  await personal
    .post(`/insatser/${insatsId}/deltaganden`, remissBody({ inskrivning: {} }))
    .expect(201);
  const kansli = await b.anvandare('kansli');
  return { insatsId, kansli };
};

/** Logs in as the given user and shows the statistics page for all of 2025. */
export const oppnaStatistik2025 = async (
  page: Page,
  base: string,
  email: string,
  steg = STATISTIK_STEG,
): Promise<void> => {
  page.setDefaultTimeout(steg);
  await loggaIn(page, base, email);
  await page.getByRole('heading', { name: 'Statistik' }).waitFor();
  await page.getByRole('combobox', { name: 'År' }).selectOption('2025');
  await page.getByTestId('rapportperiod').filter({ hasText: '2025-01-01 – 2025-12-31' }).waitFor();
};
