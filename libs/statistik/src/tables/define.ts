import { TABELL_KATALOG, type TableId } from './katalog.js';
import type { TableSpec } from './table-spec.js';

/** A spec with its title and sheet name from the catalogue. */
export const defineTable = (
  id: TableId,
  spec: Omit<TableSpec, 'id' | 'title' | 'sheetName'>,
): TableSpec => ({ id, ...TABELL_KATALOG[id], ...spec });
