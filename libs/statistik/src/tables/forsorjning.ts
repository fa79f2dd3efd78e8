import { FORSORJNING_ETIKETT } from '#domain';
import { defineTable } from './define.js';
import { antal, byKon, KON_KOLUMNER, text } from './table-spec.js';

export const FORSORJNING = defineTable('forsorjning', {
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
  skydda: (scope, { forsorjning: f }) => {
    const avslutade = scope.byKon('forsorjning.avslutade', f.avslutade);
    // The same count as deltagare.avslutade: a sum of one part keeps the two alike.
    scope.columns([scope.registered('deltagare.avslutade')], avslutade);
    // A person may hold several codes, so the rows may sum past avslutade. Treated as a sum all
    // the same: most hold one code, and the bound alone narrows a lone suppressed cell down.
    const koder = f.rader.map((rad) => ({
      in: scope.byKon(`forsorjning.${rad.kod}.inskrivning`, rad.vidInskrivning),
      ut: scope.byKon(`forsorjning.${rad.kod}.avslut`, rad.vidAvslut),
    }));
    scope.columns(
      koder.map((kod) => kod.in),
      avslutade,
    );
    scope.columns(
      koder.map((kod) => kod.ut),
      avslutade,
    );
  },
});

export const FORSORJNING_OVERGANGAR = defineTable('forsorjningOvergangar', {
  columns: ['Vid inskrivning', 'Vid avslut', 'Antal'],
  rows: ({ tables }) =>
    tables.forsorjning.overgangar.map((rad) => [
      text(FORSORJNING_ETIKETT[rad.fran]),
      text(FORSORJNING_ETIKETT[rad.till]),
      antal(rad.antal),
    ]),
  skydda: (scope, { forsorjning: f }) => {
    // Pairs count a person once per combination of codes, so they have no total in the report.
    for (const rad of f.overgangar) {
      scope.count(`forsorjning.overgang.${rad.fran}.${rad.till}`, rad.antal, (value) => {
        rad.antal = value;
      });
    }
  },
});
