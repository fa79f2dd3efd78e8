import { isAndelsmatt, MALMATT_ETIKETT } from '../../../../domain/src/index.js';
import type { Andel, Antal } from '../../report.js';
import { andel, antal, defineVisning, kronor, tal, text } from './tabell.js';

export const MALUPPFYLLELSE_VISNING = defineVisning('maluppfyllelse', {
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
});

export const MAL_VISNING = defineVisning('mal', {
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
});

export const EKONOMI_VISNING = defineVisning('ekonomi', {
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
});
