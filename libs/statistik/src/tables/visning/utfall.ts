import { AVSLUTSORSAK_ETIKETT, UTFALL_GRUPP_ETIKETT } from '../../../../domain/src/index.js';
import type { StatistikTables } from '../../report.js';
import {
  andel,
  ANDEL_KOLUMNER,
  andelByKon,
  byKon,
  defineVisning,
  KON_KOLUMNER,
  text,
  type AndelAv,
} from './tabell.js';

/** An outcome's shares (layout `bred`) are of the avslutade of the same kön, as the seeds'. */
export const avAvslutade = (tables: StatistikTables): AndelAv => ({
  namn: 'avslutade',
  antal: tables.deltagare.avslutade,
});

export const UTFALL_PER_AVSLUTSORSAK_VISNING = defineVisning('utfallPerAvslutsorsak', {
  columns: ['Avslutsorsak', ...KON_KOLUMNER, 'Andel av avslutade'],
  rows: ({ tables }) =>
    tables.utfall.perAvslutsorsak.map((rad) => [
      text(AVSLUTSORSAK_ETIKETT[rad.avslutsorsak]),
      ...byKon(rad.antal),
      andel(rad.andel),
    ]),
  andelAv: 'avslutade',
  konRader: ({ tables }) =>
    tables.utfall.perAvslutsorsak.map((rad) => ({
      etikett: AVSLUTSORSAK_ETIKETT[rad.avslutsorsak],
      antal: rad.antal,
      andelAv: avAvslutade(tables),
    })),
});

/** The grupper sum the avslutsorsaker of each; arbete and studier sum to "arbete eller studier". */
export const UTFALL_PER_GRUPP_VISNING = defineVisning('utfallPerGrupp', {
  columns: ['Utfall', ...KON_KOLUMNER, ...ANDEL_KOLUMNER],
  rows: ({ tables: { utfall } }) => [
    ...utfall.perGrupp.map((rad) => [
      text(UTFALL_GRUPP_ETIKETT[rad.grupp]),
      ...byKon(rad.antal),
      ...andelByKon(rad.andel),
    ]),
    [
      text('Arbete eller studier'),
      ...byKon(utfall.arbeteEllerStudier.antal),
      ...andelByKon(utfall.arbeteEllerStudier.andel),
    ],
  ],
  andelAv: 'avslutade',
  konRader: (scope) => {
    const { utfall } = scope.tables;
    const andelAv = avAvslutade(scope.tables);
    return [
      ...utfall.perGrupp.map((rad) => ({
        etikett: UTFALL_GRUPP_ETIKETT[rad.grupp],
        antal: rad.antal,
        andelAv,
      })),
      { etikett: 'Arbete eller studier', antal: utfall.arbeteEllerStudier.antal, andelAv },
    ];
  },
});
