export * from './report.js';
export * from './statistik-service.js';
export { assembleReport, type Aggregat, type ReportFrame } from './assemble-report.js';
