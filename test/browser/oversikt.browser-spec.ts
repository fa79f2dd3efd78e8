import type { Page } from 'playwright-core';
import { avslutBody, remissBody } from '../support/test-app.js';
import { loggaIn, skarmbild, startBrowserApp, type BrowserApp } from '../support/browser.js';

const LANG_TID = 120_000;
const KONER = ['kvinna', 'man', 'ejAngivet', 'totalt'] as const;
const MATT = ['aktuella', 'nya', 'avslutade'] as const;

interface Rad {
  namn: string;
  aktuella: Record<string, number | string>;
  nya: Record<string, number | string>;
  avslutade: Record<string, number | string>;
  arbeteEllerStudier: { antal: Record<string, number | string> };
  jamforelse?: Record<string, Record<string, number | string>>;
}

/** The overview on screen equals GET /statistik's `oversikt`, cell by cell. */
describe('översikten i webbläsaren', () => {
  let b: BrowserApp;

  beforeAll(async () => {
    b = await startBrowserApp();
    const bron = await b.t.insats({ namn: 'Bron', grupp: 'Rätt stöd', ordning: 1 });
    const steget = await b.t.insats({ namn: 'Steget', grupp: 'Rätt stöd', ordning: 2 });
    const personal = await b.t.user('personal', { insatser: [bron, steget] });
    for (const [insats, kon, avslut] of [
      [bron, 'kvinna', true],
      [bron, 'man', false],
      [steget, 'kvinna', false],
    ] as const) {
      const { body } = await personal
        .post(`/insatser/${insats}/deltaganden`, remissBody({ person: { kon }, inskrivning: {} }))
        .expect(201);
      if (avslut) await personal.post(`/deltaganden/${body.id}/avslut`, avslutBody()).expect(200);
    }
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  const cell = (page: Page, rad: number, path: string) =>
    page.locator(`[data-cell="${rad}:${path}"]`).innerText();

  it(
    'visar varje rad och cell som API:ts oversikt, med jämförelse mot föregående period',
    async () => {
      const kansli = await b.t.user('kansli');
      const { body } = await kansli
        .get('/statistik?fran=2025-01-01&till=2025-12-31&jamfor=foregaende')
        .expect(200);
      const page = await b.sida({ bredd: 1600 });
      await loggaIn(page, b.base, await b.anvandare('kansli'));
      await page.getByRole('heading', { name: 'Statistik' }).waitFor();
      await page.getByRole('combobox', { name: 'År' }).selectOption('2025');
      await page.getByRole('combobox', { name: 'Jämför med' }).selectOption('foregaende');
      await page
        .getByTestId('jamforelseperiod')
        .filter({ hasText: '2024-01-01 – 2024-12-31' })
        .waitFor();
      expect(await page.getByRole('tab').first().innerText()).toBe('Översikt');

      const rader = body.oversikt as Rad[];
      expect(rader.map((rad) => rad.namn).slice(0, 3)).toEqual(['Bron', 'Steget', 'Rätt stöd']);
      expect(await page.getByTestId('oversikt').locator('tbody tr').count()).toBe(rader.length);
      for (const [i, rad] of rader.entries()) {
        expect(await cell(page, i, 'namn')).toBe(rad.namn);
        for (const matt of MATT) {
          for (const kon of KONER) {
            expect(await cell(page, i, `${matt}.${kon}`)).toBe(String(rad[matt][kon]));
          }
          expect(await cell(page, i, `jamforelse.${matt}.totalt`)).toBe(
            String(rad.jamforelse![matt]!.totalt),
          );
        }
        expect(await cell(page, i, 'arbeteEllerStudier.antal.totalt')).toBe(
          String(rad.arbeteEllerStudier.antal.totalt),
        );
      }
      // Bron: 2 aktuella against none in 2024.
      expect(await cell(page, 0, 'forandring.aktuella')).toBe('+2');
      await skarmbild(page, 'statistik-oversikt');
      await page.context().close();
    },
    LANG_TID,
  );
});
