import type { TableSpec } from './table-spec.js';
import { TIDER_VISNING, UPPFOLJNING_VISNING, VOLYM_VISNING } from './visning/ovriga.js';

export const TIDER: TableSpec = {
  ...TIDER_VISNING,
};

export const UPPFOLJNING: TableSpec = {
  ...UPPFOLJNING_VISNING,
  skydda: (scope, tables) => {
    // Follow-ups by sysselsättning have no total in the report: only their kön rows add up.
    for (const rad of tables.uppfoljning) {
      scope.byKon(`uppfoljning.${rad.manaderEfterAvslut}.${rad.sysselsattning}`, rad.antal);
    }
  },
};

export const VOLYM: TableSpec = {
  ...VOLYM_VISNING,
  skydda: (scope, tables) => {
    scope.byKon('volym', tables.volym);
  },
};
