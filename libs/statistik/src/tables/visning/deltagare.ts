import {
  byKon,
  defineVisning,
  KON_KOLUMNER,
  text,
  type KonRad,
  type TableScope,
} from './tabell.js';

const deltagareRader = ({ tables: { deltagare: d }, unikaPersoner }: TableScope): KonRad[] => [
  { etikett: 'Aktuella', antal: d.aktuella },
  { etikett: 'Nya', antal: d.nya },
  { etikett: 'Överförda från tidigare period', antal: d.overforda },
  { etikett: 'Avslutade', antal: d.avslutade },
  { etikett: 'Pågående vid periodens slut', antal: d.pagaende },
  ...(unikaPersoner ? [{ etikett: 'Unika personer', antal: unikaPersoner }] : []),
];

export const DELTAGARE_VISNING = defineVisning('deltagare', {
  columns: ['Mått', ...KON_KOLUMNER],
  rows: (scope) => deltagareRader(scope).map((rad) => [text(rad.etikett), ...byKon(rad.antal)]),
  konRader: deltagareRader,
  // Unika personer are registered by skyddaReport: only grupper and the förbund have them.
});

export const ALDERSGRUPPER_VISNING = defineVisning('aldersgrupper', {
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
});
