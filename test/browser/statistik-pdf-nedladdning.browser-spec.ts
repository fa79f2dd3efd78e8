import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { oppnaStatistik2025, skapaBalder2025 } from '../support/statistik-balder.js';

const LANG_TID = 300_000;

/** Runs of whitespace (a number's no-break space included) as one space. */
const enRad = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The PDF report downloaded from the statistics page, as a kansli gets it. */
describe('statistiksidans PDF-nedladdning', () => {
  let b: BrowserApp;
  let kansli: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    ({ kansli } = await skapaBalder2025(b));
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  it(
    'laddar ner rapporten för perioden på skärmen som en PDF med förbundet och dess tal',
    async () => {
      const page = await b.sida();
      await oppnaStatistik2025(page, b.base, kansli);
      // The figure on screen: 1 ny deltagare of the årsmål's 20 is 5,0 % of the goal.
      await page.getByRole('tab', { name: 'Balder' }).click();
      const nyaMal = page
        .getByRole('table', { name: /^Mål: utfall över målets egen period/ })
        .locator('tr', {
          has: page.getByRole('rowheader', { name: 'Nya deltagare', exact: true }),
        });
      const paSkarmen = enRad(await nyaMal.locator('th, td').nth(5).innerText());
      expect(paSkarmen).toBe('5,0 %');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Ladda ner PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('deltagarstatistik-2025-01-01--2025-12-31.pdf');
      const dir = mkdtempSync(join(tmpdir(), 'pdf-nedladdning-'));
      const fil = join(dir, download.suggestedFilename());
      await download.saveAs(fil);

      expect(readFileSync(fil).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = enRad(
        execFileSync('pdftotext', ['-enc', 'UTF-8', fil, '-'], { encoding: 'utf8' }),
      );
      expect(text).toContain('Samordningsförbundet Test');
      expect(text).toContain('2025-01-01 – 2025-12-31');
      expect(text).toContain(paSkarmen);
      await page.context().close();
    },
    LANG_TID,
  );
});
