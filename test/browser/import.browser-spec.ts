import {
  allvarligaAxeFel,
  loggaIn,
  overflod,
  skarmbild,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.js';

const LANG_TID = 120_000;
const RUBRIKER = 'Externt id;Insats;Kön;Födelseår;Kommun;Remissdatum;Remittent';

const csv = (...rader: string[]) => ({
  name: 'deltaganden.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from([RUBRIKER, ...rader].join('\n')),
});

describe('import i webbläsaren', () => {
  let b: BrowserApp;
  let admin: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    await b.t.insats({ namn: 'Ung i Tyresö' });
    admin = await b.anvandare('admin');
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  it(
    'hämtar mallen, provkör en fil och visar felen per rad och kolumn, och importerar sedan',
    async () => {
      const page = await b.sida();
      await loggaIn(page, b.base, admin);
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Import', level: 2 }).waitFor();

      const nedladdning = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Importmall (Excel)' }).click();
      expect((await nedladdning).suggestedFilename()).toBe('importmall-deltaganden.xlsx');

      await page
        .locator('input[type=file]')
        .setInputFiles(
          csv(
            'W-1;Ung i Tyresö;Kvinna;1990;Tyresö;2024-03-04;Egenremiss',
            'W-2;Ung i Tyresö;Man;1990;Tyresö;2099-03-04;AF',
          ),
        );
      await page.getByRole('button', { name: 'Provkör' }).click();
      await page
        .getByText('Provkörning av 2 rader: 1 kan importeras, 1 med fel. Inget har skrivits.')
        .waitFor();
      const rad = page.locator('tbody tr');
      expect(await rad.count()).toBe(1);
      expect(await rad.locator('td').allTextContents()).toEqual([
        '3',
        'Remissdatum',
        'Remissdatum får inte vara i framtiden',
      ]);
      const felfil = page.waitForEvent('download');
      await page
        .getByRole('button', { name: 'Raderna med fel (Excel) att rätta och ladda upp igen' })
        .click();
      expect((await felfil).suggestedFilename()).toBe('import-rader-med-fel.xlsx');
      expect(await allvarligaAxeFel(page)).toEqual([]);
      expect(await overflod(page)).toBe(0);
      await skarmbild(page, 'import-provkorning');

      await page
        .locator('input[type=file]')
        .setInputFiles(csv('W-1;Ung i Tyresö;Kvinna;1990;Tyresö;2024-03-04;Egenremiss'));
      await page.getByRole('button', { name: 'Importera', exact: true }).click();
      await page.getByText('Klart: 1 av 1 rader importerades, 0 med fel.').waitFor();
      expect(
        await page
          .getByRole('progressbar', { name: 'Importens förlopp' })
          .getAttribute('aria-valuenow'),
      ).toBe('100');
      await page.context().close();
    },
    LANG_TID,
  );

  it(
    'visar en fil som inte kan läsas som ett fel',
    async () => {
      const page = await b.sida();
      await loggaIn(page, b.base, admin);
      await page.goto(`${b.base}/admin/import`);
      await page.locator('input[type=file]').setInputFiles({
        name: 'bild.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      });
      await page.getByRole('button', { name: 'Provkör' }).click();
      await page
        .getByRole('alert')
        .getByText('Filen är varken en Excel-fil (.xlsx) eller CSV')
        .waitFor();
      await page.context().close();
    },
    LANG_TID,
  );
});
