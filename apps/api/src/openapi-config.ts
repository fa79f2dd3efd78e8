import { DocumentBuilder } from '@nestjs/swagger';
import { STATISTIK_REPORT_SCHEMAS } from './statistik/rapport/statistik-report.schema.js';

/**
 * The document's title, description, auth and the hand-written schemas (the statistics report):
 * one source for the served docs and the file.
 */
export const openApiConfig = () => {
  const config = new DocumentBuilder()
    .setTitle('Deltagarflöde')
    .setDescription(
      'Deltagarflöden för samordningsförbund: remiss, inskrivning, avslut och statistik. ' +
        'Står läsmodellerna still före en händelse som inte kan tillämpas besvaras läsningar ' +
        'direkt ur dem med rubriken X-Lasmodell-Forsenad: <position de innehåller>, och ' +
        'GET /health svarar 503 med händelsen och felet.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  // SwaggerModule.createDocument merges these with the schemas it reads off the DTOs.
  config.components = {
    ...config.components,
    schemas: { ...config.components?.schemas, ...STATISTIK_REPORT_SCHEMAS },
  };
  return config;
};
