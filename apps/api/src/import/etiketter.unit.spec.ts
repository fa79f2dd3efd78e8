import {
  AVSLUTSORSAK_LISTA,
  etikettIndex,
  FORSORJNING_LISTA,
  KON_LISTA,
  kodFor,
  REMITTENT_LISTA,
  TID_LISTA,
  UTBILDNINGSNIVA_LISTA,
  type Kodlista,
} from './etiketter.js';
import { kolumnForRubrik, lasRubrikrad, normaliseradText } from './kolumner.js';

describe('import labels', () => {
  it.each([
    ['Egenremiss', 'egen'],
    ['Egenanmälan', 'egen'],
    ['Socialförvaltningen', 'socialtjanst'],
    ['Social- förvaltningen', 'socialtjanst'],
    ['Vården', 'vard'],
    ['Hälso- och sjukvård', 'vard'],
    ['Annat/ej angett', 'annan'],
    ['Annat / ej angett', 'annan'],
    ['AF', 'af'],
    ['af', 'af'],
    ['Jobbtorg', 'kommun-arbetsmarknad'],
    ['Skola/KAA', 'skola'],
    ['fk', 'fk'],
  ])('reads the remittent "%s" as %s', (text, kod) => {
    expect(kodFor(REMITTENT_LISTA, text)).toBe(kod);
  });

  it.each([
    ['A-kassa', 'a-kassa'],
    ['a-kassa', 'a-kassa'],
    ['Sjuk- och rehabpenning', 'sjuk-rehabpenning'],
    ['SJUK- OCH REHABPENNING', 'sjuk-rehabpenning'],
    ['Sjuk-/rehabiliteringspenning', 'sjuk-rehabpenning'],
    ['Forsorjningsstod', 'forsorjningsstod'],
    ['Ekonomiskt bistånd', 'forsorjningsstod'],
    ['Ingen offentlig försörjning', 'ingen-offentlig'],
    ['Aktivitetsstöd', 'aktivitetsstod'],
    ['Studiestöd', 'studiestod'],
    ['Uppgift saknas', 'okand'],
  ])('reads the försörjning "%s" as %s', (text, kod) => {
    expect(kodFor(FORSORJNING_LISTA, text)).toBe(kod);
  });

  it.each([
    [KON_LISTA, 'K', 'kvinna'],
    [KON_LISTA, 'Män', 'man'],
    [UTBILDNINGSNIVA_LISTA, 'Gymnasium', 'gymnasial'],
    [TID_LISTA, '1–2 år', '1-2-ar'],
    [TID_LISTA, '1-2 år', '1-2-ar'],
    [TID_LISTA, 'Över 10 år', 'over-10-ar'],
    [AVSLUTSORSAK_LISTA, 'Subventionerad anställning', 'arbete-subventionerat'],
    [AVSLUTSORSAK_LISTA, 'fortsatt rehabilitering', 'fortsatt-rehabilitering'],
  ] as [Kodlista<string>, string, string][])('reads "%s" in its list', (lista, text, kod) => {
    expect(kodFor(lista, text)).toBe(kod);
  });

  it('knows no code for a wording outside the list', () => {
    expect(kodFor(REMITTENT_LISTA, 'Polisen')).toBeUndefined();
    expect(kodFor(FORSORJNING_LISTA, 'Sjuk')).toBeUndefined();
  });

  it('gives no wording two codes in any list', () => {
    for (const lista of [
      KON_LISTA,
      REMITTENT_LISTA,
      FORSORJNING_LISTA,
      UTBILDNINGSNIVA_LISTA,
      TID_LISTA,
      AVSLUTSORSAK_LISTA,
    ] as Kodlista<string>[])
      expect(() => etikettIndex(lista)).not.toThrow();
  });

  it('refuses a list in which one wording names two codes', () => {
    const lista: Kodlista<'a' | 'b'> = {
      namn: 'test',
      okand: 'Okänd',
      koder: ['a', 'b'],
      etikett: { a: 'Alfa', b: 'Beta' },
      synonymer: { a: [], b: ['ALFA'] },
    };
    expect(() => etikettIndex(lista)).toThrow('"ALFA" betyder både a och b i test');
  });
});

describe('import headers', () => {
  it('folds case, accents, dashes and spacing', () => {
    expect(normaliseradText('  Sjuk–  och   REHABPENNING ')).toBe('sjuk-och rehabpenning');
    expect(normaliseradText('Försörjning vid inskrivning')).toBe('forsorjning vid inskrivning');
  });

  it('matches the template headers, the field names and synonyms', () => {
    expect(kolumnForRubrik('Födelseår')).toBe('fodelsear');
    expect(kolumnForRubrik('FODELSEAR')).toBe('fodelsear');
    expect(kolumnForRubrik('externtId')).toBe('externtId');
    expect(kolumnForRubrik('Avslutsanledning')).toBe('avslutsorsak');
    expect(kolumnForRubrik('Anteckningar')).toBeUndefined();
  });

  it('names the required columns a header row lacks and those it has twice', () => {
    const rubriker = lasRubrikrad(['Externt id', 'Insats', 'Kön', 'Anteckning', 'kön', 'Kommun']);
    expect([...rubriker.kolumner]).toEqual([
      [0, 'externtId'],
      [1, 'insats'],
      [2, 'kon'],
      [4, 'kon'],
      [5, 'kommun'],
    ]);
    expect(rubriker.saknas).toEqual(['fodelsear', 'remissdatum', 'remittent']);
    expect(rubriker.dubbletter).toEqual(['kon']);
  });
});
