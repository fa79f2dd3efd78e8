import type { Antal } from '../report.js';
import type { TableSpec } from './table-spec.js';
import { MALUPPFYLLELSE_VISNING, MAL_VISNING, EKONOMI_VISNING } from './visning/mal-och-ekonomi.js';

export const MALUPPFYLLELSE: TableSpec = {
  ...MALUPPFYLLELSE_VISNING,
  skydda: (scope, tables) => {
    for (const rad of tables.maluppfyllelse) {
      const aktuellaAr = scope.count(
        `maluppfyllelse.${rad.ar}.aktuella`,
        rad.utfall.aktuella,
        (v) => {
          rad.utfall.aktuella = v;
        },
      );
      scope.count(`maluppfyllelse.${rad.ar}.nya`, rad.utfall.nya, (v) => {
        rad.utfall.nya = v;
      });
      // The year's avslutade are among its aktuella: with those suppressed the share rests on
      // fewer than five people.
      scope.share([aktuellaAr], () => {
        rad.utfall.andelArbeteStudier = null;
      });
    }
  },
};

export const MAL: TableSpec = {
  ...MAL_VISNING,
  skydda: (scope, tables) => {
    // A goal's utfall is over its own period, which no other table shares: it is suppressed on
    // its own, and the ratios that would give it back (andel av mål, i fas) go with it.
    for (const rad of tables.mal) {
      const dolj = (): void => {
        rad.andelAvMal = null;
        if (rad.iFas !== undefined) rad.iFas = null;
      };
      const { underlag } = rad;
      if (underlag === undefined) {
        const utfall = scope.count(`mal.${rad.malId}.utfall`, rad.utfall as Antal, (v) => {
          rad.utfall = v;
        });
        scope.share([utfall], dolj);
        continue;
      }
      const antalCell = scope.count(`mal.${rad.malId}.antal`, underlag.antal, (v) => {
        underlag.antal = v;
      });
      const avslutade = scope.count(`mal.${rad.malId}.avslutade`, underlag.avslutade, (v) => {
        underlag.avslutade = v;
      });
      scope.share([antalCell, avslutade], () => {
        rad.utfall = null;
        dolj();
      });
    }
  },
};

export const EKONOMI: TableSpec = {
  ...EKONOMI_VISNING,
  skydda: (scope, tables) => {
    // Kronor are no counts; a cost per person gives its count back (kostnad / per person).
    for (const rad of tables.ekonomi) {
      const aktuellaAr = scope.count(`ekonomi.${rad.ar}.aktuella`, rad.aktuella, (v) => {
        rad.aktuella = v;
      });
      const nyaAr = scope.count(`ekonomi.${rad.ar}.nya`, rad.nya, (v) => {
        rad.nya = v;
      });
      scope.share([aktuellaAr], () => {
        rad.kostnadPerDeltagare = null;
      });
      scope.share([nyaAr], () => {
        rad.kostnadPerNyDeltagare = null;
      });
    }
  },
};
