import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, WEB_API_TYPES, webApiTypes } from './openapi.js';

/** `npm run api:types`: writes openapi.json and the web's generated API types. */
const document = await buildOpenApiDocument();
writeFileSync(join(process.cwd(), 'dist/openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(WEB_API_TYPES, await webApiTypes(document));
