import type { INestApplication, LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from '#platform';
import { openApiConfig } from './openapi-config.js';
import { PrototypedExpressAdapter } from './http/express-adapter.js';
import { jsonBodyOptions } from './http/json-body.js';
import { DELAYED_HEADER } from './http/read-your-writes.interceptor.js';
import { validationPipe } from './http/validation.js';

export const API_PREFIX = 'api/v1';

/** The configured application, shared by main.ts and the end-to-end tests. */
export const createApp = async (
  config: AppConfig,
  databaseUrl: string,
  options: { logger?: false | LoggerService } = {},
): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl),
    new PrototypedExpressAdapter(),
    {
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    },
  );
  // Off unless configured: otherwise any client could name its own address in X-Forwarded-For
  // and the login limits, which count per client, would count nothing.
  app.set('trust proxy', config.trustedProxy);
  app.use(helmet());
  // Replaces Nest's default JSON parser: bounded size and depth before anything parses.
  app.useBodyParser('json', jsonBodyOptions);
  // Closed unless configured: browsers may call the API only from the listed origins, and may
  // read whether an answer came from delayed read models.
  if (config.corsOrigins.length > 0)
    app.enableCors({ origin: [...config.corsOrigins], exposedHeaders: [DELAYED_HEADER] });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(validationPipe());
  const document = SwaggerModule.createDocument(app, openApiConfig());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app);
  return app;
};

/** Where `npm run build` puts the web UI (relative to the project root the app runs from). */
export const WEB_DIST = join(process.cwd(), 'apps', 'web', 'dist');

/** The browser UI at `/`: its files, and index.html for every other non-API path (SPA routes). */
const serveWebApp = (app: NestExpressApplication): void => {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(WEB_DIST, { index: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    response.sendFile(index);
  });
};
