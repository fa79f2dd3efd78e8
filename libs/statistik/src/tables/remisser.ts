import type { Cell } from '../skydd-scope.js';
import type { TableSpec } from './table-spec.js';
import {
  REMISSER_VISNING,
  REMISSER_PER_REMITTENT_VISNING,
  REMISSER_PER_KOMMUN_VISNING,
  KOMMUNER_VISNING,
  NYA_PER_REMITTENT_VISNING,
  NYA_PER_REMITTENT_ENHET_VISNING,
} from './visning/remisser.js';

export const REMISSER: TableSpec = {
  ...REMISSER_VISNING,
  skydda: (scope, { remisser: r }) => {
    scope.byKon('remisser.mottagna', r.mottagna);
    scope.byKon('remisser.aterremitterade', r.aterremitterade);
    scope.byKon('remisser.vantande', r.vantande);
  },
};

export const REMISSER_PER_REMITTENT: TableSpec = {
  ...REMISSER_PER_REMITTENT_VISNING,
  skydda: (scope, { remisser: r }) => {
    scope.columns(
      r.perRemittent.map((rad) => scope.byKon(`remisser.remittent.${rad.remittent}`, rad.antal)),
      scope.registered('remisser.mottagna'),
    );
  },
};

export const REMISSER_PER_KOMMUN: TableSpec = {
  ...REMISSER_PER_KOMMUN_VISNING,
  skydda: (scope, { remisser: r }) => {
    scope.columns(
      r.perKommun.map((rad) => scope.byKon(`remisser.kommun.${rad.kommun}`, rad.antal)),
      scope.registered('remisser.mottagna'),
    );
  },
};

export const KOMMUNER: TableSpec = {
  ...KOMMUNER_VISNING,
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
};

export const NYA_PER_REMITTENT: TableSpec = {
  ...NYA_PER_REMITTENT_VISNING,
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
};

export const NYA_PER_REMITTENT_ENHET: TableSpec = {
  ...NYA_PER_REMITTENT_ENHET_VISNING,
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
};
