import type { TableSpec } from './table-spec.js';
import { FORSORJNING_VISNING, FORSORJNING_OVERGANGAR_VISNING } from './visning/forsorjning.js';

export const FORSORJNING: TableSpec = {
  ...FORSORJNING_VISNING,
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
};

export const FORSORJNING_OVERGANGAR: TableSpec = {
  ...FORSORJNING_OVERGANGAR_VISNING,
  skydda: (scope, { forsorjning: f }) => {
    // Pairs count a person once per combination of codes, so they have no total in the report.
    for (const rad of f.overgangar) {
      scope.count(`forsorjning.overgang.${rad.fran}.${rad.till}`, rad.antal, (value) => {
        rad.antal = value;
      });
    }
  },
};
