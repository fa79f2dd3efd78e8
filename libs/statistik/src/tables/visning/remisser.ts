import { REMITTENT_ETIKETT } from '../../../../domain/src/index.js';
import type { ByKon, KommunRow } from '../../report.js';
import { andel, antal, byKon, defineVisning, kommunEtikett, KON_KOLUMNER, text } from './tabell.js';

export const REMISSER_VISNING = defineVisning('remisser', {
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
});

export const REMISSER_PER_REMITTENT_VISNING = defineVisning('remisserPerRemittent', {
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
});

export const REMISSER_PER_KOMMUN_VISNING = defineVisning('remisserPerKommun', {
  columns: ['Kommun', ...KON_KOLUMNER],
  rows: ({ tables }) =>
    tables.remisser.perKommun.map((rad) => [text(kommunEtikett(rad.kommun)), ...byKon(rad.antal)]),
  konRader: ({ tables }) =>
    tables.remisser.perKommun.map((rad) => ({
      etikett: kommunEtikett(rad.kommun),
      antal: rad.antal,
    })),
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
export const KOMMUNER_VISNING = defineVisning('kommuner', {
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
});

export const NYA_PER_REMITTENT_VISNING = defineVisning('nyaPerRemittent', {
  columns: ['Remittent', 'Antal', 'Andel av nya'],
  rows: ({ tables }) =>
    tables.nyaPerRemittent.map((rad) => [
      text(REMITTENT_ETIKETT[rad.remittent]),
      antal(rad.antal),
      andel(rad.andel),
    ]),
});

/** Nya per remittent and enhet sum to nya per remittent. */
export const NYA_PER_REMITTENT_ENHET_VISNING = defineVisning('nyaPerRemittentEnhet', {
  columns: ['Remittent', 'Enhet', 'Antal'],
  rows: ({ tables }) =>
    tables.nyaPerRemittentEnhet.map((rad) => [
      text(REMITTENT_ETIKETT[rad.remittent]),
      text(rad.enhet ?? 'Ej angiven'),
      antal(rad.antal),
    ]),
});
