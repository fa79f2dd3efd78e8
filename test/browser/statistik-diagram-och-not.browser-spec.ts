import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { oppnaStatistik2025, skapaBalder2025 } from '../support/statistik-balder.js';

const LANG_TID = 300_000;
const PNG_SIGNATUR = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Each chart on the statistics page downloads as a PNG and as a self-contained SVG; with small
 * counts protected, every table says what "<5" and ".." mean.
 */
describe('statistiksidans diagram som bildfiler och tabellernas fotnot', () => {
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

  const hamta = async (page: Page, rubrik: string, format: 'PNG' | 'SVG') => {
    const nedladdning = page.waitForEvent('download');
    await page.getByRole('button', { name: `Ladda ner ${rubrik} som ${format}` }).click();
    const fil = await nedladdning;
    expect(await fil.failure()).toBeNull();
    return { namn: fil.suggestedFilename(), data: readFileSync((await fil.path())!) };
  };

  it(
    'laddar ner utfall mot årsmål som SVG med svg-rot och som PNG',
    async () => {
      const page = await b.sida();
      await oppna(page);
      await page.getByRole('tab', { name: 'Balder' }).click();

      const svg = await hamta(page, 'Utfall mot årsmål', 'SVG');
      expect(svg.namn).toBe('utfall-mot-arsmal.svg');
      const text = svg.data.toString('utf8');
      // The root element is an svg in the SVG namespace, with the size it had on screen.
      expect(text).toMatch(/^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(text).toMatch(/^<svg[^>]*\swidth="[1-9]\d*"[^>]*\sheight="[1-9]\d*"/);
      expect(text.trimEnd().endsWith('</svg>')).toBe(true);
      expect(text).toContain('recharts-bar');
      // Self-contained: no CSS variables left for a drawing program to resolve.
      expect(text).not.toContain('var(--');

      const png = await hamta(page, 'Utfall mot årsmål', 'PNG');
      expect(png.namn).toBe('utfall-mot-arsmal.png');
      expect([...png.data.subarray(0, 8)]).toEqual(PNG_SIGNATUR);
      // IHDR: twice the chart's size on screen.
      const bredd = png.data.readUInt32BE(16);
      const hojd = png.data.readUInt32BE(20);
      const svgBredd = Number(/^<svg[^>]*\swidth="(\d+)"/.exec(text)![1]);
      const svgHojd = Number(/^<svg[^>]*\sheight="(\d+)"/.exec(text)![1]);
      expect(Math.abs(bredd - 2 * svgBredd)).toBeLessThanOrEqual(2);
      expect(Math.abs(hojd - 2 * svgHojd)).toBeLessThanOrEqual(2);
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'laddar ner varje diagram på fliken Totalt som PNG och SVG',
    async () => {
      const page = await b.sida();
      await oppna(page);
      await page.getByRole('tab', { name: 'Totalt' }).click();
      const knappar = page.getByRole('button', { name: /^Ladda ner .* som SVG$/ });
      await knappar.first().waitFor();
      const rubriker = (
        await knappar.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!))
      ).map((etikett) => etikett.replace(/^Ladda ner (.*) som SVG$/, '$1'));
      expect(rubriker.length).toBeGreaterThanOrEqual(3);
      for (const rubrik of rubriker) {
        const svg = await hamta(page, rubrik, 'SVG');
        expect(svg.data.toString('utf8')).toMatch(
          /^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
        );
        const png = await hamta(page, rubrik, 'PNG');
        expect([...png.data.subarray(0, 8)]).toEqual(PNG_SIGNATUR);
      }
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'förklarar <5 och .. under varje tabell när små tal skyddas, och under ingen annars',
    async () => {
      const page = await b.sida();
      await oppna(page);
      const tabeller = page.locator('.tabellrulle');
      const noter = page.getByTestId('tabellnot');
      await page.getByRole('tab', { name: 'Balder' }).click();
      await page.getByRole('table', { name: /^Mål: utfall över målets egen period/ }).waitFor();
      expect(await noter.count()).toBe(0);

      await page.getByRole('checkbox', { name: /Skydda små tal/ }).check();
      // Balder's one deltagare, aktuell and new, is now shown as "<5".
      await page
        .getByRole('table', { name: 'Deltagare' })
        .locator('td', { hasText: '<5' })
        .first()
        .waitFor();
      const antalTabeller = await tabeller.count();
      expect(antalTabeller).toBeGreaterThanOrEqual(20);
      expect(await noter.count()).toBe(antalTabeller);
      // Each note stands right after its table's box and describes it.
      const par = await tabeller.evaluateAll((boxar) =>
        boxar.map((box) => {
          const not = box.nextElementSibling;
          return {
            text: not?.textContent,
            beskriver: box.getAttribute('aria-describedby') === not?.id,
          };
        }),
      );
      for (const { text, beskriver } of par) {
        expect(text).toBe(
          '<5 = antal 1–4 (primär sekretess). .. = antal som döljs för att ett <5 inte ska kunna räknas fram ur en summa (sekundär sekretess).',
        );
        expect(beskriver).toBe(true);
      }
      // On screen: the notes under the chosen tab's tables (the other tabs are hidden).
      const synligaTabeller = await tabeller.evaluateAll(
        (els) => els.filter((el) => (el as { offsetParent: unknown }).offsetParent !== null).length,
      );
      expect(synligaTabeller).toBeGreaterThan(0);
      const synligaNoter = await noter.evaluateAll(
        (els) => els.filter((el) => (el as { offsetParent: unknown }).offsetParent !== null).length,
      );
      expect(synligaNoter).toBe(synligaTabeller);
      await page.context().close();
    },
    LANG_TID,
  );
});
