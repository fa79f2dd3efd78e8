import { defineTable } from './define.js';
import { byKon, KON_KOLUMNER, text, type KonRad, type TableScope } from './table-spec.js';

const deltagareRader = ({ tables: { deltagare: d }, unikaPersoner }: TableScope): KonRad[] => [
  { etikett: 'Aktuella', antal: d.aktuella },
  { etikett: 'Nya', antal: d.nya },
  { etikett: 'Överförda från tidigare period', antal: d.overforda },
  { etikett: 'Avslutade', antal: d.avslutade },
  { etikett: 'Pågående vid periodens slut', antal: d.pagaende },
  ...(unikaPersoner ? [{ etikett: 'Unika personer', antal: unikaPersoner }] : []),
];

export const DELTAGARE = defineTable('deltagare', {
  columns: ['Mått', ...KON_KOLUMNER],
  rows: (scope) => deltagareRader(scope).map((rad) => [text(rad.etikett), ...byKon(rad.antal)]),
  konRader: deltagareRader,
  // Unika personer are registered by skyddaReport: only grupper and the förbund have them.
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
});

export const ALDERSGRUPPER = defineTable('aldersgrupper', {
  columns: ['Åldersgrupp', 'Mått', ...KON_KOLUMNER],
  rows: ({ tables }) =>
    tables.aldersgrupper.flatMap((rad) => [
      [text(`${rad.grupp} år`), text('Aktuella'), ...byKon(rad.aktuella)],
      [text(`${rad.grupp} år`), text('Nya'), ...byKon(rad.nya)],
    ]),
  konRader: ({ tables }) =>
    tables.aldersgrupper.flatMap((rad) => [
      { etikett: `Aktuella ${rad.grupp} år`, antal: rad.aktuella },
      { etikett: `Nya ${rad.grupp} år`, antal: rad.nya },
    ]),
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
});
