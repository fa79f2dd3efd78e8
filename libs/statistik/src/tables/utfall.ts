import { AVSLUTSORSAK_ETIKETT, UTFALL_FOR_AVSLUTSORSAK, UTFALL_GRUPP_ETIKETT } from '#domain';
import { defineTable } from './define.js';
import type { StatistikTables } from '../report.js';
import {
  andel,
  ANDEL_KOLUMNER,
  andelByKon,
  byKon,
  KON_KOLUMNER,
  text,
  type AndelAv,
} from './table-spec.js';

/** An outcome's shares (layout `bred`) are of the avslutade of the same kön, as the seeds'. */
export const avAvslutade = (tables: StatistikTables): AndelAv => ({
  namn: 'avslutade',
  antal: tables.deltagare.avslutade,
});

export const UTFALL_PER_AVSLUTSORSAK = defineTable('utfallPerAvslutsorsak', {
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
});

/** The grupper sum the avslutsorsaker of each; arbete and studier sum to "arbete eller studier". */
export const UTFALL_PER_GRUPP = defineTable('utfallPerGrupp', {
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
});
