import type { Aggregat, ReportFrame } from './assemble-report.js';
import { emptyAggregat } from './forandringar.js';
import { andelAvMal, iFas, malFor } from './mal.js';

const AR_2020 = { fran: '2020-01-01', till: '2020-12-31' };

describe('iFas', () => {
  // MIA Vidare: 330 nya from 2020-06-01 to 2022-06-30 = 214 + 365 + 181 = 760 days.
  const mia = { matt: 'nya', fran: '2020-06-01', till: '2022-06-30', varde: 330 } as const;

  it('is on course when the count reaches the goal prorated by the days gone by', () => {
    // Gone by at 2020-12-31: 214 of 760 days, so 330 × 214 / 760 = 92.92… are due.
    expect(iFas(mia, AR_2020, 93)).toBe(true);
    expect(iFas(mia, AR_2020, 92)).toBe(false);
  });

  it('counts both ends of the elapsed days and stops them at the goal’s own till', () => {
    // 2020-01-01 – 2020-01-10 is 10 days, a tenth of a 100-day goal: 10 of 100 due.
    const goal = { matt: 'deltagare', fran: '2020-01-01', till: '2020-04-09', varde: 100 } as const;
    expect(iFas(goal, { fran: '2020-01-01', till: '2020-01-10' }, 10)).toBe(true);
    expect(iFas(goal, { fran: '2020-01-01', till: '2020-01-10' }, 9)).toBe(false);
    // A report that ends after the goal has all 100 days gone by.
    const senare = { fran: '2020-03-01', till: '2020-04-30' };
    expect(iFas(goal, senare, 100)).toBe(true);
    expect(iFas(goal, senare, 99)).toBe(false);
  });

  it('decides a goal met exactly on the day without rounding', () => {
    // 300 over 2020-05-01 – 2022-04-30 (730 days); 2020-05-01 – 2020-12-31 is 245 days:
    // 300 × 245 / 730 = 100.68…, so 100 is short and 101 on course.
    const samma = { matt: 'nya', fran: '2020-05-01', till: '2022-04-30', varde: 300 } as const;
    expect(iFas(samma, AR_2020, 100)).toBe(false);
    expect(iFas(samma, AR_2020, 101)).toBe(true);
    // 73 of 730 days: 300 × 73 / 730 = 30 exactly.
    expect(iFas(samma, { fran: '2020-05-01', till: '2020-07-12' }, 30)).toBe(true);
  });

  it('compares a share with the goal unprorated, and is null without avslutade', () => {
    const andel = { matt: 'andel-arbete-studier', fran: '2020-06-01', till: '2022-06-30' } as const;
    expect(iFas({ ...andel, varde: 0.25 }, AR_2020, 0.25)).toBe(true);
    expect(iFas({ ...andel, varde: 0.25 }, AR_2020, 0.24)).toBe(false);
    expect(iFas({ ...andel, varde: 0.25 }, AR_2020, null)).toBeNull();
  });

  it('is left out for a goal no longer than the report’s period', () => {
    const helar = { matt: 'deltagare', ...AR_2020, varde: 250 } as const;
    expect(iFas(helar, AR_2020, 235)).toBeUndefined();
    expect(iFas(helar, { fran: '2019-07-01', till: '2020-12-31' }, 235)).toBeUndefined();
    // 250 × 182 / 366 = 124.3… due by 30 June.
    expect(iFas(helar, { fran: '2020-01-01', till: '2020-06-30' }, 125)).toBe(true);
    expect(iFas(helar, { fran: '2020-01-01', till: '2020-06-30' }, 124)).toBe(false);
  });
});

describe('andelAvMal', () => {
  it('is utfall over the goal, null for a goal of 0 or an unknown utfall', () => {
    expect(andelAvMal(235, 250)).toBe(0.94);
    expect(andelAvMal(0.17, 0.25)).toBeCloseTo(0.68, 12);
    expect(andelAvMal(3, 0)).toBeNull();
    expect(andelAvMal(null, 0.4)).toBeNull();
  });
});

/** Aggregates with nothing in them: a test adds the rows it is about. */
const aggregat = (over: Partial<Aggregat>): Aggregat => ({ ...emptyAggregat(), ...over });

const FRAME: ReportFrame = {
  forbund: { id: 'f', namn: 'Östra Södertörn' },
  ...AR_2020,
  asOf: '2021-02-01T00:00:00.000Z',
  insatser: [],
  aldersgrupper: [],
  ar: [2020],
  arMedEgetFonster: [],
  ekonomiFonster: { 2020: 'period' },
};

const perKon = (insats_id: string, aktuella: number, nya: number, avslutade: number) => ({
  insats_id,
  kon: 'kvinna' as const,
  aktuella,
  nya,
  avslutade,
  overforda: aktuella - nya,
  pagaende: aktuella - avslutade,
  mottagna: 0,
  aterremitterade: 0,
  vantande: 0,
  egna_personer: 0,
});

describe('malFor', () => {
  /*
   * Unga vuxna-teamen, 2020: Haninge 94 nya, Tyresö 80, Nynäshamn 49 (223 nya); among their
   * avslutade 30 + 20 + 10 to arbete, 10 + 5 + 4 to studier, 20 + 10 + 6 otherwise: 79 of 115
   * to arbete eller studier = 0.6869…; a fourth insats outside the grupp counts in neither.
   */
  const UNGA = ['haninge', 'tyreso', 'nynashamn'];
  const data = aggregat({
    perKon: [
      perKon('haninge', 182, 94, 60),
      perKon('tyreso', 183, 80, 35),
      perKon('nynashamn', 117, 49, 20),
      perKon('annan', 500, 400, 300),
    ],
    avslutsorsak: [
      ...[
        ['haninge', 30, 10, 20],
        ['tyreso', 20, 5, 10],
        ['nynashamn', 10, 4, 6],
        ['annan', 300, 0, 0],
      ].flatMap(([insats_id, arbete, studier, annat]) => [
        {
          insats_id: insats_id as string,
          avslutsorsak: 'arbete' as const,
          kon: 'kvinna' as const,
          antal: arbete as number,
        },
        {
          insats_id: insats_id as string,
          avslutsorsak: 'studier' as const,
          kon: 'kvinna' as const,
          antal: studier as number,
        },
        {
          insats_id: insats_id as string,
          avslutsorsak: 'sjukdom' as const,
          kon: 'kvinna' as const,
          antal: annat as number,
        },
      ]),
    ],
    mal: [
      {
        mal_id: 'u1',
        insats_id: null,
        grupp: 'Unga vuxna-teamen',
        matt: 'nya',
        ...AR_2020,
        varde: 315,
      },
      {
        mal_id: 'u2',
        insats_id: null,
        grupp: 'Unga vuxna-teamen',
        matt: 'andel-arbete-studier',
        ...AR_2020,
        varde: 0.65,
      },
      { mal_id: 'x', insats_id: null, grupp: 'Annan grupp', matt: 'nya', ...AR_2020, varde: 1 },
    ],
  });

  it('gives a grupp its own goals with utfall summed over its insatser', () => {
    expect(
      malFor(data, FRAME, { typ: 'grupp', grupp: 'Unga vuxna-teamen', insatsIds: UNGA }),
    ).toEqual([
      { malId: 'u1', matt: 'nya', ...AR_2020, varde: 315, utfall: 223, andelAvMal: 223 / 315 },
      {
        malId: 'u2',
        matt: 'andel-arbete-studier',
        ...AR_2020,
        varde: 0.65,
        utfall: 79 / 115,
        andelAvMal: 79 / 115 / 0.65,
        underlag: { antal: 79, avslutade: 115 },
      },
    ]);
  });

  it('gives neither the förbund nor an insats a grupp’s goals', () => {
    expect(malFor(data, FRAME, { typ: 'forbund' })).toEqual([]);
    expect(malFor(data, FRAME, { typ: 'insats', insatsId: 'haninge' })).toEqual([]);
  });

  it('prorates a grupp’s goal in a half-year report', () => {
    const halvar = { ...FRAME, till: '2020-06-30' };
    const [nya] = malFor(data, halvar, {
      typ: 'grupp',
      grupp: 'Unga vuxna-teamen',
      insatsIds: UNGA,
    });
    // The window 2020-01-01 – 2020-06-30 is the report's period: 223 nya, and
    // 315 × 182 / 366 = 156.6… due by then.
    expect(nya).toMatchObject({ utfall: 223, iFas: true });
  });
});
