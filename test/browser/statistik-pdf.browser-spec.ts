import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { remissBody, startTestApp, type TestApp } from '../support/test-app.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The distinct grey levels of an 8-bit RGB PNG's pixels (as pdftoppm writes it). */
const distinctColours = (png: Buffer): number => {
  const idat: Buffer[] = [];
  let offset = 8;
  let width = 0;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') width = data.readUInt32BE(0);
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + width * 3;
  const colours = new Set<number>();
  // Filter bytes aside, sampled raw bytes still tell a blank page (one value) from a printed one.
  for (let row = 0; row + stride <= raw.length; row += stride) {
    for (let i = row + 1; i < row + stride; i += 3) colours.add(raw[i]!);
  }
  return colours.size;
};

/** The PDF report drawn as a page image, as a reader's viewer would show it. */
describe('PDF-rapporten som bild', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const insats = await t.insats({ namn: 'Balder' });
    const personal = await t.user('personal', { insatser: [insats] });
    for (const kon of ['kvinna', 'kvinna', 'man']) {
      await personal
        .post(
          `/insatser/${insats}/deltaganden`,
          remissBody({ person: { kon, fodelsear: 1990 }, inskrivning: {} }),
        )
        .expect(201);
    }
  });
  afterAll(() => t.close());

  it('renderar sida 1 till en A4-bild som inte är tom', async () => {
    const kansli = await t.user('kansli');
    const response = await kansli
      .get('/statistik/export?fran=2025-01-01&till=2025-12-31&format=pdf')
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'pdf-png-'));
    writeFileSync(join(dir, 'rapport.pdf'), response.body as Buffer);
    execFileSync(
      'pdftoppm',
      ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', 'rapport.pdf', 'sida'],
      {
        cwd: dir,
      },
    );
    const png = readFileSync(join(dir, 'sida.png'));

    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // A4 landscape at 50 dpi: 841.89 × 595.28 points → 585 × 414 pixels (rounded up).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([585, 414]);
    expect(png.length).toBeGreaterThan(5_000);
    expect(distinctColours(png)).toBeGreaterThan(10);
  });
});
