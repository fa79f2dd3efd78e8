export * from './report.js';
export * from './statistik-service.js';
export {
  AggregatCache,
  statistikHandelserEfter,
  type AggregatCacheOptions,
  type CacheOutcome,
} from './aggregat-cache.js';
export { MATT, type Matt } from './statistik-sql.js';
export { assembleReport, type Aggregat, type ReportFrame } from './assemble-report.js';
export { DOLD, isDold, skyddaReport, SKYDDAD } from './skydda.js';
export { csvChunks, exportCsv } from './export/csv-export.js';
export { exportXlsx, writeXlsx } from './export/xlsx-export.js';
export { writePdf } from './export/pdf/pdf-export.js';
export { exportFileName, type ExportLayout, type ExportOptions } from './export/export-tables.js';
export * from './report-limits.js';
export { REPORT_STATEMENT_TIMEOUT_MS, type SnapshotOptions } from './in-one-snapshot.js';
export { andelAvMal, iFas, malFor, type Malomfang } from './mal.js';
export * from './forandringar.js';
export { JAMFOR, jamforelsePeriod, medOversikt, oversiktFor, type Jamfor } from './oversikt.js';
