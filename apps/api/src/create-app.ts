import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { validationPipe } from './http/validation.js';

export const API_PREFIX = 'api/v1';

/** The configured application, shared by main.ts and the end-to-end tests. */
export const createApp = async (
  config: AppConfig,
  databaseUrl: string,
  options: { logger?: false | LoggerService } = {},
): Promise<INestApplication> => {
  const app = await NestFactory.create(AppModule.forRoot(config, databaseUrl), {
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  app.use(helmet());
  // Closed unless configured: browsers may call the API only from the listed origins.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: [...config.corsOrigins] });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(validationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Deltagarflöde')
      .setDescription(
        'Deltagarflöden för samordningsförbund: remiss, inskrivning, avslut och statistik',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
};
