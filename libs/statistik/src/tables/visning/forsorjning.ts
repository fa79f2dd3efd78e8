import { FORSORJNING_ETIKETT } from '../../../../domain/src/index.js';
import { antal, byKon, defineVisning, KON_KOLUMNER, text } from './tabell.js';

export const FORSORJNING_VISNING = defineVisning('forsorjning', {
  columns: [
    'Försörjning',
    ...KON_KOLUMNER.map((kolumn) => `Vid inskrivning: ${kolumn}`),
    ...KON_KOLUMNER.map((kolumn) => `Vid avslut: ${kolumn}`),
  ],
  rows: ({ tables }) =>
    tables.forsorjning.rader.map((rad) => [
      text(FORSORJNING_ETIKETT[rad.kod]),
      ...byKon(rad.vidInskrivning),
      ...byKon(rad.vidAvslut),
    ]),
  andelAv: 'avslutade',
  // Shares of the avslutade of the same kön (DESIGN.md; the seeds' "193 av 270 kvinnor").
  konRader: ({ tables: { forsorjning: f } }) => {
    const andelAv = { namn: 'avslutade', antal: f.avslutade };
    return f.rader.flatMap((rad) => [
      {
        etikett: `${FORSORJNING_ETIKETT[rad.kod]} vid inskrivning`,
        antal: rad.vidInskrivning,
        andelAv,
      },
      { etikett: `${FORSORJNING_ETIKETT[rad.kod]} vid avslut`, antal: rad.vidAvslut, andelAv },
    ]);
  },
});

export const FORSORJNING_OVERGANGAR_VISNING = defineVisning('forsorjningOvergangar', {
  columns: ['Vid inskrivning', 'Vid avslut', 'Antal'],
  rows: ({ tables }) =>
    tables.forsorjning.overgangar.map((rad) => [
      text(FORSORJNING_ETIKETT[rad.fran]),
      text(FORSORJNING_ETIKETT[rad.till]),
      antal(rad.antal),
    ]),
});
