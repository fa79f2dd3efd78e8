export * from './config/app-config.js';
export * from './database/data-source-options.js';
export * from './database/embedded-postgres.js';
export * from './database/database-server.js';
export * from './database/migrate.js';
export * from './event-store/create-event-store.js';
export * from './startup-failure.js';
