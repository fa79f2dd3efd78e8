import { REMITTENT_ETIKETT } from '#domain';
import type { ByKon, KommunRow } from '../report.js';
import type { Cell } from '../skydd-scope.js';
import { defineTable } from './define.js';
import { andel, antal, byKon, kommunEtikett, KON_KOLUMNER, text } from './table-spec.js';

export const REMISSER = defineTable('remisser', {
  columns: ['Mått', ...KON_KOLUMNER],
  rows: ({ tables: { remisser: r } }) => [
    [text('Mottagna'), ...byKon(r.mottagna)],
    [text('Återremitterade'), ...byKon(r.aterremitterade)],
    [text('Väntande vid periodens slut'), ...byKon(r.vantande)],
  ],
  konRader: ({ tables: { remisser: r } }) => [
    { etikett: 'Mottagna', antal: r.mottagna },
    { etikett: 'Återremitterade', antal: r.aterremitterade },
    { etikett: 'Väntande vid periodens slut', antal: r.vantande },
  ],
  skydda: (scope, { remisser: r }) => {
    scope.byKon('remisser.mottagna', r.mottagna);
    scope.byKon('remisser.aterremitterade', r.aterremitterade);
    scope.byKon('remisser.vantande', r.vantande);
  },
});

export const REMISSER_PER_REMITTENT = defineTable('remisserPerRemittent', {
  columns: ['Remittent', ...KON_KOLUMNER],
  rows: ({ tables }) =>
    tables.remisser.perRemittent.map((rad) => [
      text(REMITTENT_ETIKETT[rad.remittent]),
      ...byKon(rad.antal),
    ]),
  konRader: ({ tables }) =>
    tables.remisser.perRemittent.map((rad) => ({
      etikett: REMITTENT_ETIKETT[rad.remittent],
      antal: rad.antal,
    })),
  skydda: (scope, { remisser: r }) => {
    scope.columns(
      r.perRemittent.map((rad) => scope.byKon(`remisser.remittent.${rad.remittent}`, rad.antal)),
      scope.registered('remisser.mottagna'),
    );
  },
});

export const REMISSER_PER_KOMMUN = defineTable('remisserPerKommun', {
  columns: ['Kommun', ...KON_KOLUMNER],
  rows: ({ tables }) =>
    tables.remisser.perKommun.map((rad) => [text(kommunEtikett(rad.kommun)), ...byKon(rad.antal)]),
  konRader: ({ tables }) =>
    tables.remisser.perKommun.map((rad) => ({
      etikett: kommunEtikett(rad.kommun),
      antal: rad.antal,
    })),
  skydda: (scope, { remisser: r }) => {
    scope.columns(
      r.perKommun.map((rad) => scope.byKon(`remisser.kommun.${rad.kommun}`, rad.antal)),
      scope.registered('remisser.mottagna'),
    );
  },
});

const KOMMUN_MATT = [
  ['Mottagna remisser', 'mottagna'],
  ['Återremitterade remisser', 'aterremitterade'],
  ['Inskrivna av mottagna remisser', 'inskrivna'],
  ['Aktuella', 'aktuella'],
  ['Nya', 'nya'],
] as const;

const kommunMatt = (rad: KommunRow): readonly (readonly [string, ByKon])[] =>
  KOMMUN_MATT.map(([matt, key]) => [
    matt,
    key === 'aktuella' || key === 'nya' ? rad[key] : rad.remisser[key],
  ]);

/**
 * The kommun table splits the remisser's and deltagare's counts by kommun, so each column
 * sums to the count it splits (every deltagande has a kommun); its mottagna are the remisser
 * table's perKommun again, held alike by a sum of one part. Inskrivna have no total in the
 * report: only kön and insatser add up.
 */
export const KOMMUNER = defineTable('kommuner', {
  columns: ['Kommun', 'Mått', ...KON_KOLUMNER],
  rows: ({ tables }) =>
    tables.kommuner.flatMap((rad) =>
      kommunMatt(rad).map(([matt, antal]) => [
        text(kommunEtikett(rad.kommun)),
        text(matt),
        ...byKon(antal),
      ]),
    ),
  konRader: ({ tables }) =>
    tables.kommuner.flatMap((rad) =>
      kommunMatt(rad).map(([matt, antal]) => ({
        etikett: `${kommunEtikett(rad.kommun)}: ${matt}`,
        antal,
      })),
    ),
  skydda: (scope, tables) => {
    const rader = tables.kommuner.map((rad) => {
      const path = `kommuner.${rad.kommun}`;
      const mottagna = scope.byKon(`${path}.remisser.mottagna`, rad.remisser.mottagna);
      const perKommun = scope.konCells(`remisser.kommun.${rad.kommun}`);
      if (perKommun) scope.columns([perKommun], mottagna);
      return {
        mottagna,
        aterremitterade: scope.byKon(
          `${path}.remisser.aterremitterade`,
          rad.remisser.aterremitterade,
        ),
        inskrivna: scope.byKon(`${path}.remisser.inskrivna`, rad.remisser.inskrivna),
        aktuella: scope.byKon(`${path}.aktuella`, rad.aktuella),
        nya: scope.byKon(`${path}.nya`, rad.nya),
      };
    });
    for (const [measure, total] of [
      ['mottagna', 'remisser.mottagna'],
      ['aterremitterade', 'remisser.aterremitterade'],
      ['aktuella', 'deltagare.aktuella'],
      ['nya', 'deltagare.nya'],
    ] as const) {
      scope.columns(
        rader.map((rad) => rad[measure]),
        scope.registered(total),
      );
    }
  },
});

export const NYA_PER_REMITTENT = defineTable('nyaPerRemittent', {
  columns: ['Remittent', 'Antal', 'Andel av nya'],
  rows: ({ tables }) =>
    tables.nyaPerRemittent.map((rad) => [
      text(REMITTENT_ETIKETT[rad.remittent]),
      antal(rad.antal),
      andel(rad.andel),
    ]),
  skydda: (scope, tables) => {
    const nya = scope.registered('deltagare.nya');
    const cells = tables.nyaPerRemittent.map((rad) => {
      const cell = scope.count(`nyaPerRemittent.${rad.remittent}`, rad.antal, (value) => {
        rad.antal = value;
      });
      scope.share([cell, nya.totalt], () => {
        rad.andel = null;
      });
      return cell;
    });
    scope.sum(cells, nya.totalt);
  },
});

/** Nya per remittent and enhet sum to nya per remittent. */
export const NYA_PER_REMITTENT_ENHET = defineTable('nyaPerRemittentEnhet', {
  columns: ['Remittent', 'Enhet', 'Antal'],
  rows: ({ tables }) =>
    tables.nyaPerRemittentEnhet.map((rad) => [
      text(REMITTENT_ETIKETT[rad.remittent]),
      text(rad.enhet ?? 'Ej angiven'),
      antal(rad.antal),
    ]),
  skydda: (scope, tables) => {
    const perRemittent = new Map<string, Cell[]>();
    for (const rad of tables.nyaPerRemittentEnhet) {
      const cell = scope.count(
        `nyaPerRemittentEnhet.${JSON.stringify([rad.remittent, rad.enhet])}`,
        rad.antal,
        (value) => {
          rad.antal = value;
        },
      );
      perRemittent.set(rad.remittent, [...(perRemittent.get(rad.remittent) ?? []), cell]);
    }
    for (const [remittent, cells] of perRemittent) {
      const total = scope.cells.get(`nyaPerRemittent.${remittent}`);
      if (!total) throw new Error(`skydda: nyaPerRemittent.${remittent} is not registered yet`);
      scope.sum(cells, total);
    }
  },
});
