import type { TableSpec } from './table-spec.js';
import { DELTAGARE_VISNING, ALDERSGRUPPER_VISNING } from './visning/deltagare.js';

export const DELTAGARE: TableSpec = {
  ...DELTAGARE_VISNING,
  skydda: (scope, { deltagare: d }) => {
    const aktuella = scope.byKon('deltagare.aktuella', d.aktuella);
    const nya = scope.byKon('deltagare.nya', d.nya);
    const overforda = scope.byKon('deltagare.overforda', d.overforda);
    const avslutade = scope.byKon('deltagare.avslutade', d.avslutade);
    const pagaende = scope.byKon('deltagare.pagaende', d.pagaende);
    // DESIGN.md: aktuella = nya + överförda; and avslutade ⊆ aktuella, the rest are pågående.
    scope.columns([nya, overforda], aktuella);
    scope.columns([avslutade, pagaende], aktuella);
  },
};

export const ALDERSGRUPPER: TableSpec = {
  ...ALDERSGRUPPER_VISNING,
  skydda: (scope, tables) => {
    // Bands that leave ages out only bound the total; a bound narrows a cell down all the same.
    const grupper = tables.aldersgrupper.map((rad) => ({
      aktuella: scope.byKon(`aldersgrupp.${rad.grupp}.aktuella`, rad.aktuella),
      nya: scope.byKon(`aldersgrupp.${rad.grupp}.nya`, rad.nya),
    }));
    scope.columns(
      grupper.map((grupp) => grupp.aktuella),
      scope.registered('deltagare.aktuella'),
    );
    scope.columns(
      grupper.map((grupp) => grupp.nya),
      scope.registered('deltagare.nya'),
    );
  },
};
