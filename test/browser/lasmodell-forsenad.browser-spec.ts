import { ProjectionRunner } from '#projections';
import { setTimeout as sleep } from 'node:timers/promises';
import { loggaIn, skarmbild, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { appendUnstorableVolym } from '../support/poison-event.js';

const LANG_TID = 120_000;

/**
 * When the read models lag, the staff keep working and are told the figures are delayed: calmly
 * while an import writes (by design), as a fault when a projection has stalled.
 */
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

  // Before the stall below: that one stays until the end of the file.
  it(
    'visar lugnt att siffrorna uppdateras medan en import skriver, och tar bort beskedet när de hunnit ikapp',
    async () => {
      const page = await b.sida();
      await loggaIn(page, b.base, email);
      await page.getByText('Öppen mötesplats').first().waitFor();
      const notis = page.getByTestId('lasmodell-uppdateras');
      expect(await notis.count()).toBe(0);

      // An import: the projections make way while it writes, and reads are answered marked.
      const runner = b.t.app.get(ProjectionRunner);
      let slapp: () => void = () => undefined;
      const grind = new Promise<void>((resolve) => (slapp = resolve));
      let skrivet: () => void = () => undefined;
      const harSkrivit = new Promise<void>((resolve) => (skrivet = resolve));
      const importen = runner.makeWayFor(async () => {
        await b.t.insats({ namn: 'Importerad insats', startdatum: '2024-02-01' });
        skrivet();
        await grind;
      });
      try {
        await harSkrivit;
        const halsa = await b.t.http.get('/api/v1/health');
        expect(halsa.status).toBe(200);
        expect(halsa.body.projectionLag).toBeGreaterThan(0);

        await page.reload();
        await notis.waitFor();
        expect(await notis.innerText()).toBe(
          'Siffrorna uppdateras: en import läses in, och det senast registrerade syns i listor och statistik om en stund. Det du registrerar sparas som vanligt.',
        );
        expect(await notis.getAttribute('role')).toBe('status');
        // Not the stall banner: nothing is broken.
        expect(await page.getByTestId('lasmodell-forsenad').count()).toBe(0);
        await page.getByText('Öppen mötesplats').first().waitFor();
        await skarmbild(page, 'lasmodell-uppdateras');
      } finally {
        slapp();
        await importen;
      }

      // Caught up: /health reports no lag, and the notice goes without a reload.
      await notis.waitFor({ state: 'detached', timeout: 20_000 });
      expect((await b.t.http.get('/api/v1/health')).body.projectionLag).toBe(0);
    },
    LANG_TID,
  );

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
