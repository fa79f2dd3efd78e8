/**
 * The import template's columns (DESIGN.md "Import"): one row per deltagande. `rubrik` is the
 * header the template writes; `synonymer` are other headers förbund use in their own sheets.
 * Headers are matched after `normaliseradText`, so case, accents and punctuation do not matter.
 */
export const KOLUMNER = [
  { nyckel: 'externtId', rubrik: 'Externt id', synonymer: ['id', 'löpnummer', 'deltagar-id'] },
  { nyckel: 'insats', rubrik: 'Insats', synonymer: ['insatsnamn', 'insats-id', 'projekt'] },
  { nyckel: 'kon', rubrik: 'Kön', synonymer: [] },
  { nyckel: 'fodelsear', rubrik: 'Födelseår', synonymer: ['född', 'födelse år'] },
  { nyckel: 'kommun', rubrik: 'Kommun', synonymer: ['kommunkod', 'hemkommun', 'bostadskommun'] },
  { nyckel: 'remissdatum', rubrik: 'Remissdatum', synonymer: ['remiss', 'datum för remiss'] },
  { nyckel: 'remittent', rubrik: 'Remittent', synonymer: ['remitterande part', 'anvisande part'] },
  {
    nyckel: 'remittentEnhet',
    rubrik: 'Remittentens enhet',
    synonymer: ['remittent enhet', 'remittentenhet', 'enhet'],
  },
  { nyckel: 'inskrivningsdatum', rubrik: 'Inskrivningsdatum', synonymer: ['inskrivning'] },
  {
    nyckel: 'forsorjningVidInskrivning',
    rubrik: 'Försörjning vid inskrivning',
    synonymer: ['försörjning inskrivning'],
  },
  { nyckel: 'utbildningsniva', rubrik: 'Utbildningsnivå', synonymer: ['utbildning'] },
  {
    nyckel: 'tidIOffentligForsorjning',
    rubrik: 'Tid i offentlig försörjning',
    synonymer: ['tid i försörjning'],
  },
  { nyckel: 'avslutsdatum', rubrik: 'Avslutsdatum', synonymer: ['avslut', 'utskrivningsdatum'] },
  {
    nyckel: 'avslutsorsak',
    rubrik: 'Avslutsorsak',
    synonymer: ['avslutsanledning', 'avslutningsanledning', 'orsak till avslut'],
  },
  {
    nyckel: 'forsorjningVidAvslut',
    rubrik: 'Försörjning vid avslut',
    synonymer: ['försörjning avslut', 'försörjning efter insats'],
  },
  { nyckel: 'aterremissdatum', rubrik: 'Återremissdatum', synonymer: ['återremiss'] },
  {
    nyckel: 'aterremissorsak',
    rubrik: 'Återremissorsak',
    synonymer: ['orsak till återremiss', 'återremissanledning'],
  },
] as const;

export type Kolumn = (typeof KOLUMNER)[number]['nyckel'];

/** Without these the file cannot describe a deltagande at all: refused before any row is read. */
export const OBLIGATORISKA_KOLUMNER: readonly Kolumn[] = [
  'externtId',
  'insats',
  'kon',
  'fodelsear',
  'kommun',
  'remissdatum',
  'remittent',
];

export const RUBRIK: Record<Kolumn, string> = Object.fromEntries(
  KOLUMNER.map((k) => [k.nyckel, k.rubrik]),
) as Record<Kolumn, string>;

/**
 * Case, accents, dashes and spacing folded away: "Sjuk- och rehabpenning", "SJUK-OCH
 * REHABPENNING" and "Sjuk- och  rehabpenning" are one text; so are "Försörjningsstöd" and
 * "Forsorjningsstod" (files saved without å, ä, ö).
 */
export const normaliseradText = (text: string): string => {
  if (text.length > MAX_CACHAD_LANGD) return normalisera(text);
  let normaliserad = NORMALISERADE.get(text);
  if (normaliserad === undefined) {
    // A file repeats a few dozen wordings hundreds of thousands of times; the cache stays small
    // whatever else the file holds (short texts only, emptied when full).
    if (NORMALISERADE.size >= MAX_NORMALISERADE) NORMALISERADE.clear();
    normaliserad = normalisera(text);
    NORMALISERADE.set(text, normaliserad);
  }
  return normaliserad;
};

const MAX_NORMALISERADE = 10_000;
const MAX_CACHAD_LANGD = 200;
const NORMALISERADE = new Map<string, string>();

const normalisera = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*([-/,()<>])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

const RUBRIK_INDEX = new Map<string, Kolumn>(
  KOLUMNER.flatMap((k) =>
    [k.rubrik, k.nyckel, ...k.synonymer].map((text) => [normaliseradText(text), k.nyckel] as const),
  ),
);

/** Which column a header names; undefined for a column the import does not read. */
export const kolumnForRubrik = (rubrik: string): Kolumn | undefined =>
  RUBRIK_INDEX.get(normaliseradText(rubrik));

export type Rubrikrad = {
  /** Column index (0-based, as the file has them) → the import's column. */
  readonly kolumner: ReadonlyMap<number, Kolumn>;
  readonly saknas: readonly Kolumn[];
  readonly dubbletter: readonly Kolumn[];
};

/** Reads a header row: which file column holds what, what is missing and what comes twice. */
export const lasRubrikrad = (rubriker: readonly string[]): Rubrikrad => {
  const kolumner = new Map<number, Kolumn>();
  const sedda = new Set<Kolumn>();
  const dubbletter = new Set<Kolumn>();
  rubriker.forEach((rubrik, index) => {
    const kolumn = kolumnForRubrik(rubrik);
    if (!kolumn) return;
    if (sedda.has(kolumn)) dubbletter.add(kolumn);
    sedda.add(kolumn);
    kolumner.set(index, kolumn);
  });
  return {
    kolumner,
    saknas: OBLIGATORISKA_KOLUMNER.filter((k) => !sedda.has(k)),
    dubbletter: [...dubbletter],
  };
};
