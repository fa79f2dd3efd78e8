import { SYSSELSATTNING_ETIKETT } from '../../../../domain/src/index.js';
import type { ByKon } from '../../report.js';
import { byKon, dagar, defineVisning, KON_KOLUMNER, tal, text } from './tabell.js';

/** The report's label for a count unknown because a part of it is suppressed (skydd-scope's DOLD). */
const DOLD = '..' as const;

/** Counts summed kön by kön; a sum with a suppressed part is unknown (".."). */
const summaPerKon = (rader: readonly ByKon[]): ByKon => {
  const summa = (kon: keyof ByKon) =>
    rader.reduce<ByKon[typeof kon]>(
      (sum, rad) =>
        typeof sum === 'number' && typeof rad[kon] === 'number' ? sum + rad[kon] : DOLD,
      0,
    );
  return {
    kvinna: summa('kvinna'),
    man: summa('man'),
    ejAngivet: summa('ejAngivet'),
    totalt: summa('totalt'),
  };
};

/** Means and medians only: no counts, so nothing to suppress. */
export const TIDER_VISNING = defineVisning('tider', {
  columns: ['Mått', 'Medel (dagar)', 'Median (dagar)'],
  rows: ({ tables }) => [
    [
      text('Kötid från remiss till inskrivning (nya)'),
      dagar(tables.remisser.kotidDagar.medel),
      dagar(tables.remisser.kotidDagar.median),
    ],
    [
      text('Tid i insats från inskrivning till avslut (avslutade)'),
      dagar(tables.tidIInsatsDagar.medel),
      dagar(tables.tidIInsatsDagar.median),
    ],
  ],
});

export const UPPFOLJNING_VISNING = defineVisning('uppfoljning', {
  columns: ['Månader efter avslut', 'Sysselsättning', ...KON_KOLUMNER],
  rows: ({ tables }) =>
    tables.uppfoljning.map((rad) => [
      tal(rad.manaderEfterAvslut),
      text(SYSSELSATTNING_ETIKETT[rad.sysselsattning]),
      ...byKon(rad.antal),
    ]),
  andelAv: 'uppföljda',
  // Shares of the follow-ups of the same kön at the same month (each has one sysselsättning).
  konRader: ({ tables }) =>
    tables.uppfoljning.map((rad) => ({
      etikett: `${rad.manaderEfterAvslut} månader efter avslut: ${SYSSELSATTNING_ETIKETT[rad.sysselsattning]}`,
      antal: rad.antal,
      andelAv: {
        namn: 'uppföljda',
        antal: summaPerKon(
          tables.uppfoljning
            .filter((annan) => annan.manaderEfterAvslut === rad.manaderEfterAvslut)
            .map((annan) => annan.antal),
        ),
      },
    })),
});

export const VOLYM_VISNING = defineVisning('volym', {
  columns: KON_KOLUMNER,
  rows: ({ tables }) => [byKon(tables.volym)],
  konRader: ({ tables }) => [{ etikett: 'Volym', antal: tables.volym }],
});
