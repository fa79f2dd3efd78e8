import { readFileSync } from 'node:fs';
import { buildOpenApiDocument, WEB_API_TYPES, webApiTypes } from './openapi.js';

describe('the web API types', () => {
  it('match the OpenAPI document the app builds now (run `npm run api:types` when this fails)', async () => {
    const document = await buildOpenApiDocument();
    const committed = readFileSync(WEB_API_TYPES, 'utf8');
    expect(await webApiTypes(document)).toBe(committed);
  }, 60_000);

  it('describe the statistics report at GET /api/v1/statistik', async () => {
    const document = await buildOpenApiDocument();
    expect(Object.keys(document.paths)).toContain('/api/v1/statistik');
  }, 60_000);
});
