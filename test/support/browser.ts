import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import playwright, { type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app.js';

const ROOT = process.cwd();
export const SCREENSHOTS = join(ROOT, 'test/browser/screenshots');
export const LOSENORD = 'ett-langt-losenord';

const INDEX = join(ROOT, 'apps/web/dist/index.html');
const LAS = join(ROOT, 'apps/web/.bygger');

/**
 * The SPA is served from apps/web/dist; build it once if `npm run build` has not. Test files
 * run in parallel workers, so one takes a lock directory and builds while the others wait.
 */
const byggWebbOmDetBehovs = async (): Promise<void> => {
  if (existsSync(INDEX)) return;
  try {
    mkdirSync(LAS);
  } catch {
    for (let i = 0; i < 240 && !existsSync(INDEX); i++) await sleep(500);
    if (!existsSync(INDEX)) throw new Error('apps/web/dist byggdes inte (väntade på annan worker)');
    return;
  }
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts'],
      { cwd: ROOT, stdio: 'inherit' },
    );
  } finally {
    rmSync(LAS, { recursive: true, force: true });
  }
};

export interface BrowserApp {
  t: TestApp;
  base: string;
  browser: Browser;
  /** A new page (own context: own sessionStorage) at the given width. */
  sida(options?: { bredd?: number; hojd?: number }): Promise<Page>;
  /** A user of the förbund; returns the e-mail to log in with. */
  anvandare(roll: 'admin' | 'kansli' | 'personal', insatser?: string[]): Promise<string>;
  close(): Promise<void>;
}

let nummer = 0;

export const startBrowserApp = async (): Promise<BrowserApp> => {
  await byggWebbOmDetBehovs();
  const t = await startTestApp();
  const server = await t.app.listen(0);
  const { port } = server.address() as AddressInfo;
  const browser = await playwright.chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Date inputs show dates as Swedish staff see them (ÅÅÅÅ-MM-DD).
      '--lang=sv-SE',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    browser,
    sida: async ({ bredd = 1280, hojd = 900 } = {}) => {
      const context = await browser.newContext({
        viewport: { width: bredd, height: hojd },
        acceptDownloads: true,
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
      });
      const page = await context.newPage();
      // Fail a step in seconds with its own message, well before jest's test timeout.
      page.setDefaultTimeout(10_000);
      return page;
    },
    anvandare: async (roll, insatser = []) => {
      const email = `${roll}-webb${++nummer}@forbundet.se`;
      await t.admin.post('/users', { email, password: LOSENORD, roll, insatser }).expect(201);
      return email;
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
};

export const loggaIn = async (page: Page, base: string, email: string, password = LOSENORD) => {
  await page.goto(`${base}/logga-in`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
};

export const skarmbild = async (page: Page, namn: string) => {
  // From the top: a full-page shot of a scrolled page repeats the fixed header mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOTS, `${namn}.png`), fullPage: true });
};

/** Serious and critical axe violations, as "rule: target" lines for a readable failure. */
export const allvarligaAxeFel = async (page: Page): Promise<string[]> => {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} – ${v.help}`));
};

/** The text shown beside a field: its error, found through the input's aria-describedby. */
export const faltfel = async (page: Page, label: string): Promise<string> => {
  const ids = (await page.getByLabel(label).first().getAttribute('aria-describedby')) ?? '';
  const texter = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texter.join(' ');
};

/** How many pixels the page is wider than the viewport (0 when nothing sticks out). */
export const overflod = (page: Page): Promise<number> =>
  // A string: this runs in the browser, and the root tsconfig has no DOM types.
  page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
