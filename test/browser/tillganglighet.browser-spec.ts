import type { Page } from 'playwright-core';
import { remissBody } from '../support/test-app.js';
import {
  allvarligaAxeFel,
  loggaIn,
  overflod,
  skarmbild,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser.js';

const LANG_TID = 180_000;

/** axe-core finds no serious or critical violation on the main screens, at 1280 and 390 px. */
describe('tillgänglighet och layout', () => {
  let b: BrowserApp;
  let insatsId: string;
  let deltagandeId: string;
  let personal: string;
  let kansli: string;
  let admin: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    insatsId = await b.t.insats({ namn: 'Ung i Tyresö' });
    await b.t.admin.put(`/insatser/${insatsId}/arsmal/2025`, {
      deltagare: 30,
      nyaDeltagare: 20,
      andelArbeteStudier: 0.35,
    });
    personal = await b.anvandare('personal', [insatsId]);
    kansli = await b.anvandare('kansli');
    admin = await b.anvandare('admin');
    const staff = await b.t.user('personal', { insatser: [insatsId] });
    const svar = await staff
      .post(`/insatser/${insatsId}/deltaganden`, remissBody({ inskrivning: {} }))
      .expect(201);
    deltagandeId = svar.body.id as string;
    await staff
      .post(`/deltaganden/${deltagandeId}/avslut`, {
        datum: '2025-06-30',
        avslutsorsak: 'arbete',
        forsorjning: ['lon'],
      })
      .expect(200);
  }, LANG_TID);

  afterAll(async () => {
    await b?.close();
  });

  /** Each screen: where it is, who sees it, and what shows it has loaded. */
  const skarmar = (): {
    namn: string;
    email: string;
    vag: string;
    klar: (page: Page) => Promise<void>;
  }[] => [
    {
      namn: 'mina-insatser',
      email: personal,
      vag: '/insatser',
      klar: (p) => p.getByRole('link', { name: 'Ung i Tyresö' }).waitFor(),
    },
    {
      namn: 'deltaganden',
      email: personal,
      vag: `/insatser/${insatsId}/deltaganden`,
      klar: (p) => p.getByText(/av 1 deltaganden/).waitFor(),
    },
    {
      namn: 'ny-remiss',
      email: personal,
      vag: `/insatser/${insatsId}/ny-remiss`,
      klar: (p) => p.getByRole('heading', { name: /Ny remiss – Ung i Tyresö/ }).waitFor(),
    },
    {
      namn: 'deltagande',
      email: personal,
      vag: `/deltaganden/${deltagandeId}`,
      klar: async (p) => {
        await p.getByTestId('tidslinje').getByText('Avslut', { exact: true }).waitFor();
        await p.getByRole('button', { name: 'Korrigering' }).click();
        await p.getByRole('button', { name: 'Spara korrigering' }).waitFor();
      },
    },
    {
      namn: 'statistik',
      email: kansli,
      vag: '/statistik',
      klar: async (p) => {
        await p.getByRole('combobox', { name: 'År' }).selectOption('2025');
        await p.getByTestId('rapportperiod').filter({ hasText: '2025-01-01' }).waitFor();
        await p.getByRole('tab', { name: 'Ung i Tyresö' }).click();
        await p.locator('.recharts-surface').first().waitFor();
      },
    },
    {
      namn: 'admin-insatser',
      email: admin,
      vag: '/admin/insatser',
      klar: async (p) => {
        await p.getByRole('button', { name: 'Mål och ekonomi för Ung i Tyresö' }).click();
        await p.getByRole('cell', { name: '35 %' }).waitFor();
      },
    },
    {
      namn: 'admin-anvandare',
      email: admin,
      vag: '/admin/anvandare',
      klar: (p) => p.getByText(personal).waitFor(),
    },
  ];

  it('logga in-sidan har inga allvarliga fel', async () => {
    const page = await b.sida();
    await page.goto(`${b.base}/logga-in`);
    await page.getByLabel('E-postadress').waitFor();
    expect(await allvarligaAxeFel(page)).toEqual([]);
    await skarmbild(page, 'logga-in');
    await page.context().close();
  });

  for (const bredd of [1280, 390]) {
    it(
      `huvudskärmarna har inga allvarliga axe-fel och får plats i ${bredd} px`,
      async () => {
        const fel: string[] = [];
        const sidor = new Map<string, Page>();
        for (const skarm of skarmar()) {
          let page = sidor.get(skarm.email);
          if (!page) {
            page = await b.sida({ bredd, hojd: bredd === 390 ? 844 : 900 });
            await loggaIn(page, b.base, skarm.email);
            sidor.set(skarm.email, page);
          }
          await page.goto(`${b.base}${skarm.vag}`);
          await skarm.klar(page);
          fel.push(...(await allvarligaAxeFel(page)).map((f) => `${skarm.namn}: ${f}`));
          // Wide tables scroll inside their own container; the page itself must not.
          const bredare = await overflod(page);
          if (bredare > 0) fel.push(`${skarm.namn}: sidan är ${bredare} px för bred`);
          await skarmbild(page, bredd === 390 ? `${skarm.namn}-390` : skarm.namn);
        }
        for (const page of sidor.values()) await page.context().close();
        expect(fel).toEqual([]);
      },
      LANG_TID,
    );
  }

  it(
    'menyn nås med tangentbordet i 390 px',
    async () => {
      const page = await b.sida({ bredd: 390, hojd: 844 });
      await loggaIn(page, b.base, admin);
      await page.getByRole('button', { name: 'Öppna menyn' }).focus();
      await page.keyboard.press('Enter');
      const lank = page.getByRole('link', { name: 'Användare' });
      await lank.waitFor();
      await lank.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Användare', exact: true }).waitFor();
      await skarmbild(page, 'meny-390');
      await page.context().close();
    },
    LANG_TID,
  );
});
