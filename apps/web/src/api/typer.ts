/**
 * Named types from the API's contract (the OpenAPI document, generated into schema.d.ts by
 * `npm run api:types`), so the web depends on what the API promises, not on the server's code.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

/** `GET /statistik` (API.md "The statistics report"). */
export type StatistikReport = Schemas['StatistikReport'];
/** A count; with skydda a small count is suppressed to "<5" or "..". */
export type Antal = Schemas['Antal'];
/** A share 0–1; null where the denominator is 0 or protected. */
export type Andel = Schemas['Andel'];
export type ByKon = Schemas['ByKon'];
export type ByKonAndel = Schemas['ByKonAndel'];
export type InsatsTables = Schemas['InsatsTables'];
export type GruppTables = Schemas['GruppTables'];
export type TotaltTables = Schemas['TotaltTables'];
export type MalRow = Schemas['MalRow'];
export type OversiktRow = Schemas['OversiktRow'];
export type Jamforelse = Schemas['Jamforelse'];

/** An export made (`GET /rapporter`, `GET /rapporter/{id}`). */
export type RapportDto = Schemas['RapportDto'];
/** A cell that moved between two reports, and the events behind it. */
export type AndringDto = Schemas['AndringDto'];
export type HandelseDto = Schemas['HandelseDto'];
/** `GET /statistik/forandringar`. */
export type ForandringarDto = Schemas['ForandringarDto'];
