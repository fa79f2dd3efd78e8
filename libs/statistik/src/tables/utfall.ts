import { UTFALL_FOR_AVSLUTSORSAK } from '#domain';
import type { TableSpec } from './table-spec.js';
import { UTFALL_PER_AVSLUTSORSAK_VISNING, UTFALL_PER_GRUPP_VISNING } from './visning/utfall.js';

export const UTFALL_PER_AVSLUTSORSAK: TableSpec = {
  ...UTFALL_PER_AVSLUTSORSAK_VISNING,
  skydda: (scope, { utfall: u }) => {
    const avslutade = scope.registered('deltagare.avslutade');
    const orsaker = u.perAvslutsorsak.map((rad) => {
      const cells = scope.byKon(`utfall.avslutsorsak.${rad.avslutsorsak}`, rad.antal);
      scope.share([cells.totalt, avslutade.totalt], () => {
        rad.andel = null;
      });
      return cells;
    });
    scope.columns(orsaker, avslutade);
  },
};

export const UTFALL_PER_GRUPP: TableSpec = {
  ...UTFALL_PER_GRUPP_VISNING,
  skydda: (scope, { utfall: u }) => {
    const avslutade = scope.registered('deltagare.avslutade');
    const orsaker = u.perAvslutsorsak.map((rad) => ({
      grupp: UTFALL_FOR_AVSLUTSORSAK[rad.avslutsorsak],
      cells: scope.registered(`utfall.avslutsorsak.${rad.avslutsorsak}`),
    }));
    const utfallsgrupper = u.perGrupp.map((rad) => {
      const cells = scope.byKon(`utfall.grupp.${rad.grupp}`, rad.antal);
      scope.shareByKon(cells, avslutade, rad.andel);
      scope.columns(
        orsaker.filter((orsak) => orsak.grupp === rad.grupp).map((orsak) => orsak.cells),
        cells,
      );
      return { grupp: rad.grupp, cells };
    });
    scope.columns(
      utfallsgrupper.map((grupp) => grupp.cells),
      avslutade,
    );
    const arbeteEllerStudier = scope.byKon('utfall.arbeteEllerStudier', u.arbeteEllerStudier.antal);
    scope.shareByKon(arbeteEllerStudier, avslutade, u.arbeteEllerStudier.andel);
    scope.columns(
      utfallsgrupper
        .filter((grupp) => grupp.grupp === 'arbete' || grupp.grupp === 'studier')
        .map((grupp) => grupp.cells),
      arbeteEllerStudier,
    );
  },
};
