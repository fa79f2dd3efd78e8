import {
  AVSLUTSORSAK,
  DEFAULT_ALDERSGRUPPER,
  FORSORJNING,
  FORSORJNINGAR_I_GRUPP,
  FORSORJNING_ETIKETT,
  KON,
  OFFENTLIGA_FORSORJNINGAR,
  REMITTENT_ETIKETT,
  UTFALL_FOR_AVSLUTSORSAK,
  aldersgruppFor,
  isKod,
  parseAldersgrupper,
} from './codes.js';
import { DomainError } from './domain-error.js';

const errorCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('code lists', () => {
  it('keep the order of DESIGN.md', () => {
    expect(KON).toEqual(['kvinna', 'man', 'ej-angivet']);
    expect(FORSORJNING[0]).toBe('sjuk-rehabpenning');
    expect(FORSORJNING[FORSORJNING.length - 1]).toBe('okand');
  });

  it('label codes in Swedish', () => {
    expect(FORSORJNING_ETIKETT['sjuk-rehabpenning']).toBe('Sjuk-/rehabiliteringspenning');
    expect(FORSORJNING_ETIKETT.okand).toBe('Uppgift saknas');
    expect(REMITTENT_ETIKETT.af).toBe('Arbetsförmedlingen');
  });

  it('count every code except lön, ingen-offentlig and okänd as public försörjning', () => {
    expect(OFFENTLIGA_FORSORJNINGAR).toEqual([
      'sjuk-rehabpenning',
      'aktivitetsersattning',
      'sjukersattning',
      'a-kassa',
      'aktivitetsstod',
      'etableringsersattning',
      'forsorjningsstod',
      'studiestod',
    ]);
  });

  it('group försörjning into ohälsa, arbetsmarknadsstöd and ekonomiskt bistånd', () => {
    expect(FORSORJNINGAR_I_GRUPP).toEqual({
      ohalsa: ['sjuk-rehabpenning', 'aktivitetsersattning', 'sjukersattning'],
      arbetsmarknadsstod: ['a-kassa', 'aktivitetsstod', 'etableringsersattning'],
      'ekonomiskt-bistand': ['forsorjningsstod'],
    });
  });

  it('map each avslutsorsak to its utfall group', () => {
    const perGrupp = (grupp: string) =>
      AVSLUTSORSAK.filter((orsak) => UTFALL_FOR_AVSLUTSORSAK[orsak] === grupp);
    expect(perGrupp('arbete')).toEqual(['arbete', 'arbete-subventionerat']);
    expect(perGrupp('studier')).toEqual(['studier']);
    expect(perGrupp('arbetssokande')).toEqual(['arbetssokande']);
    expect(perGrupp('ovriga')).toHaveLength(9);
  });

  it('recognise known codes only', () => {
    expect(isKod(KON, 'kvinna')).toBe(true);
    expect(isKod(KON, 'Kvinna')).toBe(false);
    expect(isKod(KON, undefined)).toBe(false);
  });
});

describe('DEFAULT_ALDERSGRUPPER', () => {
  it('covers 16–64 without gaps or overlaps', () => {
    expect(DEFAULT_ALDERSGRUPPER.map((g) => g.grupp)).toEqual([
      '16-19',
      '20-24',
      '25-29',
      '30-39',
      '40-49',
      '50-59',
      '60-64',
    ]);
    for (let alder = 16; alder <= 64; alder++) {
      expect(DEFAULT_ALDERSGRUPPER.filter((g) => alder >= g.fran && alder <= g.till)).toHaveLength(
        1,
      );
    }
  });
});

describe('parseAldersgrupper', () => {
  it('parses bands into fran and till', () => {
    expect(parseAldersgrupper('16-24,25-64')).toEqual([
      { grupp: '16-24', fran: 16, till: 24 },
      { grupp: '25-64', fran: 25, till: 64 },
    ]);
  });

  it('tolerates spaces and returns bands in ascending order', () => {
    expect(parseAldersgrupper(' 30-64 , 16-29 ')).toEqual([
      { grupp: '16-29', fran: 16, till: 29 },
      { grupp: '30-64', fran: 30, till: 64 },
    ]);
  });

  it('accepts a single-year band and gaps between bands', () => {
    expect(parseAldersgrupper('18-18,20-24')).toEqual([
      { grupp: '18-18', fran: 18, till: 18 },
      { grupp: '20-24', fran: 20, till: 24 },
    ]);
  });

  it.each(['', '16', '16-', '-24', 'a-b', '16-24;25-64', '16.5-24', '16-24,', '24-16'])(
    'rejects the malformed %j',
    (text) => {
      expect(errorCode(() => parseAldersgrupper(text))).toBe('ALDERSGRUPP.OGILTIG');
    },
  );

  it('rejects overlapping bands', () => {
    expect(errorCode(() => parseAldersgrupper('16-25,25-64'))).toBe('ALDERSGRUPP.OVERLAPPAR');
    expect(errorCode(() => parseAldersgrupper('20-30,16-64'))).toBe('ALDERSGRUPP.OVERLAPPAR');
  });
});

describe('aldersgruppFor', () => {
  it('finds the band of an age', () => {
    expect(aldersgruppFor(24)).toEqual({ grupp: '20-24', fran: 20, till: 24 });
    expect(aldersgruppFor(25, parseAldersgrupper('16-24,25-64'))?.grupp).toBe('25-64');
  });

  it('finds no band outside them', () => {
    expect(aldersgruppFor(65)).toBeUndefined();
  });
});
