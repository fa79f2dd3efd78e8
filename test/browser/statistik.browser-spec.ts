import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { insatsStream } from '#domain';
import { remissBody } from '../support/test-app.js';
import { loggaIn, skarmbild, startBrowserApp, type BrowserApp } from '../support/browser.js';

const LANG_TID = 120_000;
const PERSONNUMMER = '900101-0017';
const NAMN = 'Astrid Lindqvist';

/** Kansli reads the report, sees it change after a registration, drills down and exports. */
describe('kansli i webbläsaren', () => {
  let b: BrowserApp;
  let insatsId: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    insatsId = await b.t.insats({ namn: 'Balder' });
    await b.t.admin.put(`/insatser/${insatsId}/arsmal/2025`, {
      deltagare: 30,
      nyaDeltagare: 20,
      andelArbeteStudier: 0.35,
    });
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  /** The Totalt cell of a row in the deltagare table. */
  const totalt = (page: Page, rad: string) =>
    page
      .locator('tr', { has: page.getByRole('rowheader', { name: rad, exact: true }) })
      .first()
      .locator('td')
      .nth(3);

  const visa2025 = async (page: Page) => {
    await page.getByRole('combobox', { name: 'År' }).selectOption('2025');
    await page
      .getByTestId('rapportperiod')
      .filter({ hasText: '2025-01-01 – 2025-12-31' })
      .waitFor();
    // The overview comes first; the tables below are the Totalt tab's.
    await page.getByRole('tab', { name: 'Totalt' }).click();
  };

  it(
    'ser rapporten ändras efter en registrering och laddar ner en XLSX som går att öppna',
    async () => {
      const personal = await b.t.user('personal', { insatser: [insatsId] });
      const kansli = await b.anvandare('kansli');
      const page = await b.sida();
      await loggaIn(page, b.base, kansli);
      await page.getByRole('heading', { name: 'Statistik' }).waitFor();
      await visa2025(page);
      expect(await totalt(page, 'Aktuella').innerText()).toBe('0');

      const svar = await personal
        .post(
          `/insatser/${insatsId}/deltaganden`,
          remissBody({
            person: { personnummer: PERSONNUMMER, namn: NAMN, samtycke: { datum: '2025-01-15' } },
            inskrivning: {},
          }),
        )
        .expect(201);
      const deltagandeId = svar.body.id as string;

      await page.reload();
      await visa2025(page);
      await totalt(page, 'Aktuella').filter({ hasText: '1' }).waitFor();
      expect(await totalt(page, 'Nya').innerText()).toBe('1');
      await skarmbild(page, 'statistik');
      // The kommun table names a row by kommun and mått, as the exports do.
      const tyresoNya = page
        .getByRole('table', { name: 'Per kommun (remisser, aktuella och nya)' })
        .locator('tr', { has: page.getByRole('rowheader', { name: '0138 Tyresö', exact: true }) })
        .filter({ has: page.getByRole('rowheader', { name: 'Nya', exact: true }) });
      expect(await tyresoNya.locator('td').nth(3).innerText()).toBe('1');
      const enheter = page.getByRole('table', { name: 'Nya deltagare per remittent och enhet' });
      expect(await enheter.getByRole('row').nth(1).innerText()).toMatch(
        /^Arbetsförmedlingen\s+Ej angiven\s+1$/,
      );

      await page.getByRole('tab', { name: 'Balder' }).click();
      // The årsmål's parts as goals: 1 of 20 nya, a whole-year goal in a whole-year report.
      const nyaMal = page
        .getByRole('table', { name: /^Mål: utfall över målets egen period/ })
        .locator('tr', {
          has: page.getByRole('rowheader', { name: 'Nya deltagare', exact: true }),
        });
      // Mått, från, till, mål, utfall, andel av mål, i fas (the TableSpec's columns; the
      // leading text cells name the row), then the screen's underlag columns (blank for a
      // goal on a count).
      expect(
        (await nyaMal.locator('th, td').allInnerTexts()).map((text) =>
          text.replace(/\s+/g, ' ').trim(),
        ),
      ).toEqual(['Nya deltagare', '2025-01-01', '2025-12-31', '20', '1', '5,0 %', '', '', '']);
      await page.getByRole('button', { name: /visa underlag för Nya, totalt/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(deltagandeId).waitFor();
      const underlag = await dialog.innerText();
      expect(underlag).toContain('Tyresö');
      expect(underlag).not.toContain(PERSONNUMMER);
      expect(underlag).not.toContain('9001010017');
      expect(underlag).not.toContain(NAMN);
      await skarmbild(page, 'statistik-underlag');
      await dialog.getByRole('button', { name: 'Stäng' }).click();

      const nedladdning = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Exportera XLSX' }).click();
      const fil = await nedladdning;
      expect(fil.suggestedFilename()).toMatch(/\.xlsx$/);
      const sokvag = join(mkdtempSync(join(tmpdir(), 'webb-export-')), fil.suggestedFilename());
      await fil.saveAs(sokvag);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(sokvag);
      expect(workbook.worksheets.length).toBeGreaterThan(1);
      const celler = workbook.worksheets
        .flatMap((ws) => ws.getSheetValues())
        .flatMap((rad) => (Array.isArray(rad) ? rad : []))
        .map(String);
      expect(celler.join(' ')).toContain('Samordningsförbundet Test');
      await page.context().close();
    },
    LANG_TID,
  );
  it(
    'visar insatserna i förbundets ordning med delsumma per grupp och en ekonomitabell',
    async () => {
      const grupp = 'Rätt stöd för mig';
      const bron = await b.t.insats({ namn: 'Bron' });
      const dev = await b.t.insats({ namn: 'DEV' });
      // Straight to the store: the commands for grupp, ordning and ekonomi come over HTTP
      // elsewhere. The årsmål command after them makes the reads below wait for them.
      const metadata = { userId: 'test', correlationId: 'c', causationId: 'c' };
      const andra = (
        id: string,
        ordning: number,
        ...ovriga: { type: string; data: Record<string, unknown> }[]
      ) =>
        b.t.store.appendToStream(
          insatsStream(id),
          [
            { type: 'InsatsAndrad', data: { grupp, ordning }, metadata },
            ...ovriga.map((e) => ({ ...e, metadata })),
          ],
          { expectedRevision: 'any' },
        );
      await andra(bron, 1, {
        type: 'EkonomiSatt',
        data: { ar: 2025, budget: 100_000, kostnad: 90_000 },
      });
      await andra(dev, 2);
      const personal = await b.t.user('personal', { insatser: [bron] });
      for (let i = 0; i < 2; i++)
        await personal
          .post(`/insatser/${bron}/deltaganden`, remissBody({ inskrivning: {} }))
          .expect(201);
      await b.t.admin
        .put(`/insatser/${dev}/arsmal/2025`, {
          deltagare: 5,
          nyaDeltagare: 5,
          andelArbeteStudier: 0.5,
        })
        .expect(200);
      await b.t.admin.get('/insatser').expect(200);

      const page = await b.sida();
      await loggaIn(page, b.base, await b.anvandare('kansli'));
      await page.getByRole('heading', { name: 'Statistik' }).waitFor();
      await visa2025(page);
      expect(await page.getByRole('tab').allInnerTexts()).toEqual([
        'Översikt',
        'Totalt',
        'Bron',
        'DEV',
        `Delsumma ${grupp}`,
        'Balder',
      ]);

      await page.getByRole('tab', { name: `Delsumma ${grupp}` }).click();
      const ekonomi = page.getByRole('table', { name: /^Ekonomi per kalenderår/ });
      const rad = ekonomi.locator('tbody tr').first();
      // 90 000 kr over Bron's 2 aktuella (and DEV's none): 45 000 kr per deltagare.
      expect(
        (await rad.locator('th, td').allInnerTexts()).map((t) => t.replace(/\s/g, ' ')),
      ).toEqual(['2025', '100 000 kr', '90 000 kr', '2', '45 000 kr', '2', '45 000 kr']);
      await skarmbild(page, 'statistik-grupp-ekonomi');
      await page.context().close();
    },
    LANG_TID,
  );
});
