/**
 * The declarative half of the table registry (see `../index.ts`): what each statistics table
 * shows, in the report's order. Browser-safe, so the web's statistics page renders the same
 * columns and rows as the exports and the PDF; the server's `TABELLER` adds suppression.
 */
import { ALDERSGRUPPER_VISNING, DELTAGARE_VISNING } from './deltagare.js';
import { FORSORJNING_OVERGANGAR_VISNING, FORSORJNING_VISNING } from './forsorjning.js';
import { iKatalogordning, type TableId } from './katalog.js';
import { EKONOMI_VISNING, MAL_VISNING, MALUPPFYLLELSE_VISNING } from './mal-och-ekonomi.js';
import { TIDER_VISNING, UPPFOLJNING_VISNING, VOLYM_VISNING } from './ovriga.js';
import {
  KOMMUNER_VISNING,
  NYA_PER_REMITTENT_ENHET_VISNING,
  NYA_PER_REMITTENT_VISNING,
  REMISSER_PER_KOMMUN_VISNING,
  REMISSER_PER_REMITTENT_VISNING,
  REMISSER_VISNING,
} from './remisser.js';
import type { TabellVisning } from './tabell.js';
import { UTFALL_PER_AVSLUTSORSAK_VISNING, UTFALL_PER_GRUPP_VISNING } from './utfall.js';

const ALLA: readonly TabellVisning[] = [
  DELTAGARE_VISNING,
  ALDERSGRUPPER_VISNING,
  REMISSER_VISNING,
  REMISSER_PER_REMITTENT_VISNING,
  REMISSER_PER_KOMMUN_VISNING,
  KOMMUNER_VISNING,
  NYA_PER_REMITTENT_VISNING,
  NYA_PER_REMITTENT_ENHET_VISNING,
  UTFALL_PER_AVSLUTSORSAK_VISNING,
  UTFALL_PER_GRUPP_VISNING,
  FORSORJNING_VISNING,
  FORSORJNING_OVERGANGAR_VISNING,
  TIDER_VISNING,
  UPPFOLJNING_VISNING,
  VOLYM_VISNING,
  MALUPPFYLLELSE_VISNING,
  MAL_VISNING,
  EKONOMI_VISNING,
];

/** Every table's view by id; a catalogued table without one fails here, on load. */
export const VISNINGAR = Object.fromEntries(
  iKatalogordning(ALLA, 'TabellVisning').map((visning) => [visning.id, visning]),
) as Record<TableId, TabellVisning>;

export { TABELL_IDS, TABELL_KATALOG, tabellTitel, type TableId } from './katalog.js';
export * from './tabell.js';
