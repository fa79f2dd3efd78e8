import type { Page } from 'playwright-core';
import {
  TABELL_IDS,
  VISNINGAR,
  type ExportCell,
  type TableScope,
} from '../../libs/statistik/src/tables/visning/index.js';
import { overflod, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { oppnaStatistik2025, skapaBalder2025 } from '../support/statistik-balder.js';

const LANG_TID = 300_000;

/** What a kansli copies, prints and downloads from the statistics page. */
describe('statistiksidan att kopiera och skriva ut från', () => {
  let b: BrowserApp;
  let kansli: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    ({ kansli } = await skapaBalder2025(b));
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  const oppna = (page: Page) => oppnaStatistik2025(page, b.base, kansli);

  /**
   * The text a copy of the table puts on the clipboard (text/plain): Chromium's innerText of a
   * table is what it copies, rows of tab-separated cells.
   */
  const kopierad = async (page: Page, namn: string): Promise<string[][]> =>
    (await page.getByRole('table', { name: namn }).innerText())
      .split('\n')
      .filter((rad) => rad.trim() !== '')
      .map((rad) => rad.split('\t').map((cell) => cell.replace(/\s/g, ' ').trim()));

  it.each([1280, 390])(
    'låter ingen tabell göra sidan bredare än fönstret vid %i px',
    async (bredd) => {
      const page = await b.sida({ bredd });
      await oppna(page);
      expect(await overflod(page)).toBe(0);
      await page.getByRole('tab', { name: 'Balder' }).click();
      await page.getByRole('table', { name: /^Mål: utfall över målets egen period/ }).waitFor();
      expect(await overflod(page)).toBe(0);
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'skriver ut varje flik och sektion utan knappar och flikar',
    async () => {
      const page = await b.sida();
      await oppna(page);
      // Every tab's panel is in the page; on screen only the chosen one shows.
      const sektioner = page.locator('section h3', { hasText: 'Försörjning bland avslutade' });
      expect(await sektioner.count()).toBe(2);
      await expect(sektioner.nth(1).isVisible()).resolves.toBe(false);
      await page.emulateMedia({ media: 'print' });
      // Totalt and Balder, each with all seven sections.
      const rubriker = page.locator('section h3');
      const synliga = [];
      for (let i = 0; i < (await rubriker.count()); i++)
        if (await rubriker.nth(i).isVisible()) synliga.push(await rubriker.nth(i).innerText());
      expect(synliga.filter((r) => r === 'Försörjning bland avslutade')).toHaveLength(2);
      expect(synliga).toHaveLength(14);
      await expect(page.getByRole('tablist').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: 'Exportera XLSX' }).isVisible()).resolves.toBe(
        false,
      );
      await expect(
        page.getByRole('heading', { name: 'Balder', level: 2 }).isVisible(),
      ).resolves.toBe(true);
      await page.context().close();
    },
    LANG_TID,
  );

  /**
   * The cells that name a spec row on screen: its leading text cells, or else a leading
   * number (år, months after avslut); volym's row of counts has none.
   */
  const radnamn = (rad: readonly ExportCell[]): string[] => {
    const forsta = rad.findIndex((cell) => cell.kind !== 'text');
    const text = rad.flatMap((cell) => (cell.kind === 'text' ? [cell.text] : []));
    if (forsta !== 0) return text.slice(0, forsta === -1 ? rad.length : forsta);
    const [cell] = rad;
    return cell?.kind === 'tal' ? [String(cell.tal)] : [];
  };

  it(
    'visar varje tabell i katalogen med tabellens egna kolumner och rader, som exporterna',
    async () => {
      const page = await b.sida();
      const svar = page.waitForResponse(
        (r) => /\/statistik\?/.test(r.url()) && r.url().includes('2025-12-31') && r.ok(),
        { timeout: LANG_TID },
      );
      await oppna(page);
      const rapport = (await (await svar).json()) as {
        totalt: TableScope['tables'] & { unikaPersoner: TableScope['unikaPersoner'] };
      };
      await page.getByRole('tab', { name: 'Totalt' }).click();
      const panel = page.getByRole('tabpanel');
      const scope: TableScope = {
        namn: 'Totalt',
        tables: rapport.totalt,
        unikaPersoner: rapport.totalt.unikaPersoner,
      };
      // Every catalogued table is on the screen once, under its catalogue title, with its
      // spec's columns and one row per spec row (leading text cells name the row).
      for (const id of TABELL_IDS) {
        const visning = VISNINGAR[id];
        const tabell = panel.locator(`table[data-tabell="${id}"]`);
        expect(await tabell.count()).toBe(1);
        expect(await tabell.locator('caption').innerText()).toBe(visning.title);
        expect(await tabell.locator('thead th').allInnerTexts()).toEqual(
          expect.arrayContaining(visning.columns),
        );
        const rader = visning.rows(scope);
        const pa = await tabell
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => [...tr.querySelectorAll('th')].map((th) => th.textContent)),
          );
        if (rader.length === 0) expect(pa).toEqual([[]]);
        else expect(pa).toEqual(rader.map(radnamn));
      }
      // The deltagare table cell by cell: Balder's one deltagande, inskriven and new in 2025,
      // as the report's JSON has it (kön as registered; totalt worked by hand).
      const d = rapport.totalt.deltagare;
      const u = rapport.totalt.unikaPersoner!;
      const kon = (v: typeof u) => [v.kvinna, v.man, v.ejAngivet, v.totalt].map(String);
      expect([d.aktuella.totalt, d.nya.totalt, d.overforda.totalt, u.totalt]).toEqual([1, 1, 0, 1]);
      expect(
        (
          await panel
            .locator('table[data-tabell="deltagare"] tbody tr')
            .evaluateAll((trs) =>
              trs.map((tr) =>
                [...tr.querySelectorAll('th, td')].map(
                  (c) => (c as { innerText: string }).innerText,
                ),
              ),
            )
        ).map((rad) => rad.map((cell) => cell.trim())),
      ).toEqual([
        ['Aktuella', ...kon(d.aktuella)],
        ['Nya', ...kon(d.nya)],
        ['Överförda från tidigare period', ...kon(d.overforda)],
        ['Avslutade', ...kon(d.avslutade)],
        ['Pågående vid periodens slut', ...kon(d.pagaende)],
        ['Unika personer', ...kon(u)],
      ]);
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'kopierar måluppfyllelsen med mål och utfall som tal i egna celler',
    async () => {
      const page = await b.sida();
      await oppna(page);
      await page.getByRole('tab', { name: 'Balder' }).click();
      // The headers are the Måluppfyllelse TableSpec's, as in the CSV, XLSX and PDF.
      const rader = await kopierad(page, 'Måluppfyllelse per kalenderår');
      expect(rader[1]).toEqual([
        'År',
        'Mål: deltagare',
        'Utfall: aktuella',
        'Mål: nya deltagare',
        'Utfall: nya',
        'Mål: andel arbete/studier',
        'Utfall: andel arbete/studier',
      ]);
      // Årsmål 30 deltagare and 20 nya; one deltagare, new this year; none avslutad.
      expect(rader[2]).toEqual(['2025', '30', '1', '20', '1', '35,0 %', '–']);
      for (const cell of rader[2]!.slice(0, 5)) expect(Number(cell)).not.toBeNaN();
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'säger på svenska att fliken inte fanns när som-känt-vid är före insatsen, i stället för en tom sida',
    async () => {
      const page = await b.sida();
      await oppna(page);
      await page.getByRole('tab', { name: 'Balder' }).click();
      await page.getByRole('textbox', { name: 'Som känt vid (asOf)' }).fill('2000-01-01 12:00');
      await page.getByText('Den insats eller grupp du hade valt fanns inte ännu').waitFor();
      await page.getByRole('heading', { name: 'Deltagare', exact: true }).first().waitFor();
      await expect(page.getByRole('tab', { name: 'Balder' }).count()).resolves.toBe(0);
      await page.getByRole('textbox', { name: 'Som känt vid (asOf)' }).fill('');
      await page.getByRole('tab', { name: 'Balder', selected: true }).waitFor();
      await page.context().close();
    },
    LANG_TID,
  );

  it.each(['en-US', 'de-DE'])(
    'visar datumfälten som ÅÅÅÅ-MM-DD under webbläsarspråket %s',
    async (locale) => {
      const context = await b.browser.newContext({ locale, timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      await oppna(page);
      await page.getByText('Eget intervall').click();
      const fran = page.getByRole('textbox', { name: 'Från och med' });
      expect(await fran.inputValue()).toBe(`${new Date().getFullYear()}-01-01`);
      // A plain text field (no type attribute), not the browser's localized date picker.
      expect(await fran.getAttribute('type')).toBeNull();
      expect(await fran.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD');
      await fran.fill('2025-03-01');
      await page.getByRole('textbox', { name: 'Till och med' }).fill('2025-03-31');
      await page
        .getByTestId('rapportperiod')
        .filter({ hasText: '2025-03-01 – 2025-03-31' })
        .waitFor();
      await context.close();
    },
    LANG_TID,
  );
});
