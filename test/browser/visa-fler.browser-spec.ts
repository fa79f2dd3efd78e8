import { remissBody } from '../support/test-app.js';
import { LOSENORD, loggaIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

/** The deltagande list reads a page of 100 and shows the rest on "Visa fler". */
describe('sidor i webbläsaren', () => {
  let b: BrowserApp;
  let insatsId: string;
  let email: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    insatsId = await b.t.insats({ namn: 'Många deltaganden' });
    email = await b.anvandare('personal', [insatsId]);
    const personal = await b.t.login(email, LOSENORD);
    for (let i = 0; i < 101; i++) {
      await personal.post(`/insatser/${insatsId}/deltaganden`, remissBody()).expect(201);
    }
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  it('shows 100 deltaganden, then the 101st on "Visa fler"', async () => {
    const page = await b.sida();
    await loggaIn(page, b.base, email);
    await page.goto(`${b.base}/insatser/${insatsId}/deltaganden`);
    await page.getByText('100 av 100 deltaganden (fler finns)').waitFor();
    await page.getByRole('button', { name: 'Visa fler' }).click();
    await page.getByText('101 av 101 deltaganden', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Visa fler' }).count()).toBe(0);
    expect(await page.locator('tbody tr').count()).toBe(101);
    await page.context().close();
  }, 60_000);
});
