export * from './report.js';
export * from './statistik-service.js';
export { MATT, type Matt } from './statistik-sql.js';
export { assembleReport, type Aggregat, type ReportFrame } from './assemble-report.js';
export { skyddaReport, SKYDDAD } from './skydda.js';
export { exportCsv } from './export/csv-export.js';
export { exportXlsx } from './export/xlsx-export.js';
export { exportFileName, type ExportOptions } from './export/export-tables.js';
