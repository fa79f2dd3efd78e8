import { ALDERSGRUPPER, DELTAGARE } from './deltagare.js';
import { FORSORJNING, FORSORJNING_OVERGANGAR } from './forsorjning.js';
import { iKatalogordning } from './visning/katalog.js';
import { EKONOMI, MAL, MALUPPFYLLELSE } from './mal-och-ekonomi.js';
import { TIDER, UPPFOLJNING, VOLYM } from './ovriga.js';
import {
  KOMMUNER,
  NYA_PER_REMITTENT,
  NYA_PER_REMITTENT_ENHET,
  REMISSER,
  REMISSER_PER_KOMMUN,
  REMISSER_PER_REMITTENT,
} from './remisser.js';
import type { TableSpec } from './table-spec.js';
import { UTFALL_PER_AVSLUTSORSAK, UTFALL_PER_GRUPP } from './utfall.js';

const SPECS: readonly TableSpec[] = [
  DELTAGARE,
  ALDERSGRUPPER,
  REMISSER,
  REMISSER_PER_REMITTENT,
  REMISSER_PER_KOMMUN,
  KOMMUNER,
  NYA_PER_REMITTENT,
  NYA_PER_REMITTENT_ENHET,
  UTFALL_PER_AVSLUTSORSAK,
  UTFALL_PER_GRUPP,
  FORSORJNING,
  FORSORJNING_OVERGANGAR,
  TIDER,
  UPPFOLJNING,
  VOLYM,
  MALUPPFYLLELSE,
  MAL,
  EKONOMI,
];

/**
 * Every statistics table, in the report's order (the catalogue's): the exports, the PDF and
 * suppression walk this list. A table sums only to tables before it.
 */
export const TABELLER: readonly TableSpec[] = iKatalogordning(SPECS, 'TableSpec');

export { TABELL_IDS, TABELL_KATALOG, tabellTitel, type TableId } from './visning/katalog.js';
export * from './table-spec.js';
