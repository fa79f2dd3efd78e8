/**
 * The statistics tables by id, in the order the report presents them (exports, PDF, web),
 * with their Swedish titles. Imports nothing, so the web can use it at run time: the
 * registry (`./index.ts`) builds each table's `TableSpec` from its entry here.
 */
export const TABELL_KATALOG = {
  deltagare: { title: 'Deltagare', sheetName: 'Deltagare' },
  aldersgrupper: { title: 'Åldersgrupper (ålder vid inskrivning)', sheetName: 'Åldersgrupper' },
  remisser: { title: 'Remisser', sheetName: 'Remisser' },
  remisserPerRemittent: { title: 'Remisser per remittent', sheetName: 'Remisser per remittent' },
  remisserPerKommun: { title: 'Remisser per kommun', sheetName: 'Remisser per kommun' },
  kommuner: { title: 'Per kommun (remisser, aktuella och nya)', sheetName: 'Per kommun' },
  nyaPerRemittent: {
    title: 'Nya deltagare per remittent',
    sheetName: 'Nya deltagare per remittent',
  },
  nyaPerRemittentEnhet: {
    title: 'Nya deltagare per remittent och enhet',
    sheetName: 'Nya per remittent och enhet',
  },
  utfallPerAvslutsorsak: {
    title: 'Utfall per avslutsorsak',
    sheetName: 'Utfall per avslutsorsak',
  },
  utfallPerGrupp: { title: 'Utfall per grupp (andel av avslutade)', sheetName: 'Utfall per grupp' },
  forsorjning: {
    title: 'Försörjning vid inskrivning och avslut (bland avslutade)',
    sheetName: 'Försörjning',
  },
  forsorjningOvergangar: {
    title: 'Övergångar i försörjning (bland avslutade)',
    sheetName: 'Övergångar i försörjning',
  },
  tider: { title: 'Kötid och tid i insats', sheetName: 'Kötid och tid i insats' },
  uppfoljning: { title: 'Uppföljning efter avslut', sheetName: 'Uppföljning' },
  volym: { title: 'Volym', sheetName: 'Volym' },
  maluppfyllelse: { title: 'Måluppfyllelse per kalenderår', sheetName: 'Måluppfyllelse' },
  mal: { title: 'Mål: utfall över målets egen period till periodens slut', sheetName: 'Mål' },
  ekonomi: {
    title: 'Ekonomi per kalenderår (kronor; per deltagare under kalenderåret inom perioden)',
    sheetName: 'Ekonomi',
  },
} as const satisfies Record<string, { title: string; sheetName: string }>;

export type TableId = keyof typeof TABELL_KATALOG;

/** The ids in the report's order. */
export const TABELL_IDS = Object.keys(TABELL_KATALOG) as TableId[];

/** The title of a table, as every export and the PDF print it. */
export const tabellTitel = (id: TableId): string => TABELL_KATALOG[id].title;

/**
 * `items` (one per table) in the catalogue's order. Fails on load when a catalogued table has
 * none or one is not catalogued: the registry's specs and the web's views are both checked so.
 */
export const iKatalogordning = <T extends { readonly id: TableId }>(
  items: readonly T[],
  vad: string,
): T[] => {
  const ordnade = TABELL_IDS.map((id) => {
    const item = items.find((i) => i.id === id);
    if (!item) throw new Error(`No ${vad} for ${id}`);
    return item;
  });
  const okatalogiserade = items.filter((item) => !ordnade.includes(item)).map((item) => item.id);
  if (okatalogiserade.length > 0) {
    throw new Error(
      `${vad}s missing from the catalogue (katalog.ts): ${okatalogiserade.join(', ')}`,
    );
  }
  return ordnade;
};
