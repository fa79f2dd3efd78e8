import { isAndelsmatt, MALMATT_ETIKETT } from '#domain';
import type { Andel, Antal } from '../report.js';
import { defineTable } from './define.js';
import { andel, antal, kronor, tal, text } from './table-spec.js';

export const MALUPPFYLLELSE = defineTable('maluppfyllelse', {
  columns: [
    'År',
    'Mål: deltagare',
    'Utfall: aktuella',
    'Mål: nya deltagare',
    'Utfall: nya',
    'Mål: andel arbete/studier',
    'Utfall: andel arbete/studier',
  ],
  rows: ({ tables }) =>
    tables.maluppfyllelse.map((rad) => [
      tal(rad.ar),
      tal(rad.mal?.deltagare ?? null),
      antal(rad.utfall.aktuella),
      tal(rad.mal?.nyaDeltagare ?? null),
      antal(rad.utfall.nya),
      andel(rad.mal?.andelArbeteStudier ?? null),
      andel(rad.utfall.andelArbeteStudier),
    ]),
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
});

export const MAL = defineTable('mal', {
  columns: ['Mått', 'Från', 'Till', 'Mål', 'Utfall', 'Andel av mål', 'I fas'],
  rows: ({ tables }) =>
    tables.mal.map((rad) => {
      const delAv = isAndelsmatt(rad.matt);
      return [
        text(MALMATT_ETIKETT[rad.matt]),
        text(rad.fran),
        text(rad.till),
        delAv ? andel(rad.varde) : tal(rad.varde),
        delAv ? andel(rad.utfall as Andel) : antal(rad.utfall as Antal),
        andel(rad.andelAvMal),
        text(rad.iFas === undefined ? '' : rad.iFas === null ? '–' : rad.iFas ? 'Ja' : 'Nej'),
      ];
    }),
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
});

export const EKONOMI = defineTable('ekonomi', {
  columns: [
    'År',
    'Budget',
    'Kostnad',
    'Aktuella deltagare',
    'Kostnad per deltagare',
    'Nya deltagare',
    'Kostnad per ny deltagare',
  ],
  rows: ({ tables }) =>
    tables.ekonomi.map((rad) => [
      tal(rad.ar),
      kronor(rad.budget),
      kronor(rad.kostnad),
      antal(rad.aktuella),
      kronor(rad.kostnadPerDeltagare),
      antal(rad.nya),
      kronor(rad.kostnadPerNyDeltagare),
    ]),
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
});
