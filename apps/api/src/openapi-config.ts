import { DocumentBuilder } from '@nestjs/swagger';

/** The document's title, description and auth: one source for the served docs and the file. */
export const openApiConfig = () =>
  new DocumentBuilder()
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
