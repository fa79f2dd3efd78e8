import { setTimeout as sleep } from 'node:timers/promises';
import { loggaIn, skarmbild, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { appendUnstorableVolym } from '../support/poison-event.js';

const LANG_TID = 120_000;

/** When the read models stand still, the staff keep working and are told the figures lag. */
describe('försenade siffror i webbläsaren', () => {
  let b: BrowserApp;
  let insatsId: string;
  let email: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    insatsId = await b.t.insats({
      namn: 'Öppen mötesplats',
      inriktning: 'strukturovergripande',
      matmetod: 'volym',
    });
    email = await b.anvandare('personal', [insatsId]);
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  it(
    'visar att siffrorna är försenade när en projektion har stannat, och sidan fungerar ändå',
    async () => {
      const page = await b.sida();
      await loggaIn(page, b.base, email);
      await page.getByText('Öppen mötesplats').first().waitFor();
      expect(await page.getByTestId('lasmodell-forsenad').count()).toBe(0);

      // An event written before the boundary refused such numbers.
      const poison = await appendUnstorableVolym(b.t.store, insatsId);
      for (let i = 0; i < 50 && (await b.t.http.get('/api/v1/health')).status === 200; i++)
        await sleep(100);
      const sedan = (await b.t.store.readAll({ after: poison.position - 1, limit: 1 }))[0]!
        .recordedAt;
      const tidpunkt = new Intl.DateTimeFormat('sv-SE', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Stockholm',
      }).format(sedan);

      await page.reload();
      const banner = page.getByTestId('lasmodell-forsenad');
      await banner.waitFor();
      expect(await banner.innerText()).toBe(
        `Siffrorna är försenade: det som registrerats sedan ${tidpunkt} syns ännu inte i listor och statistik. Det du registrerar sparas och kommer med när felet är åtgärdat.`,
      );
      expect(await banner.getAttribute('role')).toBe('status');
      // The list is still there: reads are answered from the read models as they are.
      await page.getByText('Öppen mötesplats').first().waitFor();
      await skarmbild(page, 'lasmodell-forsenad');
    },
    LANG_TID,
  );
});
