import { DomainError } from '../domain-error.js';
import type { MalSatt } from '../mal/mal.js';
import {
  decideInsats,
  evolveInsats,
  initialInsats,
  type Insats,
  type InsatsCommand,
  type InsatsEvent,
  type InsatsSkapad,
} from './insats.js';

/* Version 2 of the insats: grupp and ordning, goals, economy, årsmål parts, volym by kommun. */

const IDAG = '2025-06-30';
const context = { idag: IDAG };
const MAL_ID = '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a090';
const ANNAT_MAL_ID = '7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928';

const SKAPAD: InsatsSkapad['data'] = {
  insatsId: '6d1f0c3e-2f6a-4b8e-9c61-0a8f4e2b7d10',
  forbundId: '0b6f2a44-3c1d-4e5f-8a9b-7c6d5e4f3a2b',
  namn: 'MIA Vidare',
  inriktning: 'individinriktad',
  matmetod: 'individ',
  startdatum: '2020-01-01',
  slutdatum: null,
  utforare: null,
  malgrupp: null,
  grupp: null,
  ordning: null,
};

const given = (...events: InsatsEvent[]): Insats => events.reduce(evolveInsats, initialInsats());
const skapad = (data: Partial<InsatsSkapad['data']> = {}, ...then: InsatsEvent[]): Insats =>
  given({ type: 'InsatsSkapad', data: { ...SKAPAD, ...data } }, ...then);

type Data<T extends InsatsCommand['type']> = Extract<InsatsCommand, { type: T }>['data'];
const command = <T extends InsatsCommand['type']>(type: T, data: Data<T>): InsatsCommand =>
  ({ type, data, context }) as InsatsCommand;

/** MIA Vidare's goal in Östra Södertörn 2020: 330 nya t.o.m. juni 2022. */
const MAL: MalSatt['data'] = {
  malId: MAL_ID,
  matt: 'nya',
  fran: '2020-01-01',
  till: '2022-06-30',
  varde: 330,
};
const malSatt = (data: Partial<MalSatt['data']> = {}): InsatsEvent => ({
  type: 'MalSatt',
  data: { ...MAL, ...data },
});

const errorCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
};
const sattMalCode = (data: Partial<Record<keyof MalSatt['data'], unknown>>): string =>
  errorCode(() =>
    decideInsats(command('SattMal', { ...MAL, ...data } as MalSatt['data']), skapad()),
  );

describe('SattMal on an insats', () => {
  it('sets a goal over several years', () => {
    expect(decideInsats(command('SattMal', MAL), skapad())).toEqual([
      { type: 'MalSatt', data: MAL },
    ]);
  });

  it('sets a share goal and keeps only the fields of a goal', () => {
    const andel = { malId: MAL_ID, matt: 'andel-arbete-studier', fran: '2020-01-01' } as const;
    const data = { ...andel, till: '2022-06-30', varde: 0.25, okand: 'x' } as MalSatt['data'];
    expect(decideInsats(command('SattMal', data), skapad())).toEqual([
      { type: 'MalSatt', data: { ...andel, till: '2022-06-30', varde: 0.25 } },
    ]);
  });

  it('accepts a goal of one day, and a period of ten years less a day', () => {
    expect(decideInsats(command('SattMal', { ...MAL, till: MAL.fran }), skapad())).toHaveLength(1);
    expect(decideInsats(command('SattMal', { ...MAL, till: '2029-12-31' }), skapad())).toHaveLength(
      1,
    );
  });

  it.each([0, 1_000_000])('accepts the count %d', (varde) => {
    expect(decideInsats(command('SattMal', { ...MAL, varde }), skapad())[0]?.data).toMatchObject({
      varde,
    });
  });

  it.each([0, 1])('accepts the share %d', (varde) => {
    const data = { ...MAL, matt: 'andel-ordinarie-insats', varde } as const;
    expect(decideInsats(command('SattMal', data), skapad())[0]?.data).toMatchObject({ varde });
  });

  it.each([
    ['a malId that is not a uuid', { malId: 'mal-1' }, 'MAL.OGILTIGT_ID'],
    ['a malId that is not a string', { malId: 7 }, 'MAL.OGILTIGT_ID'],
    ['an unknown measure', { matt: 'kostnad' }, 'MAL.OKANT_MATT'],
    ['a fran outside the calendar', { fran: '2021-02-29' }, 'MAL.OGILTIGT_DATUM'],
    ['a till that is not a date', { till: '30 juni 2022' }, 'MAL.OGILTIGT_DATUM'],
    ['a till before fran', { till: '2019-12-31' }, 'MAL.TILL_FORE_FRAN'],
    ['a period of ten whole years', { till: '2030-01-01' }, 'MAL.FOR_LANG_PERIOD'],
    ['a negative count', { varde: -1 }, 'MAL.OGILTIGT_ANTAL'],
    ['a count that is not whole', { varde: 330.5 }, 'MAL.OGILTIGT_ANTAL'],
    ['a count above 1,000,000', { varde: 1_000_001 }, 'MAL.OGILTIGT_ANTAL'],
    ['a share above 1', { matt: 'andel-arbete', varde: 1.01 }, 'MAL.OGILTIG_ANDEL'],
    ['a negative share', { matt: 'andel-studier', varde: -0.01 }, 'MAL.OGILTIG_ANDEL'],
    ['a share that is not a number', { matt: 'andel-arbete', varde: '0.4' }, 'MAL.OGILTIG_ANDEL'],
  ])('refuses %s', (_, data, code) => {
    expect(sattMalCode(data)).toBe(code);
  });

  it('refuses a goal on an insats that does not exist', () => {
    expect(errorCode(() => decideInsats(command('SattMal', MAL), initialInsats()))).toBe(
      'INSATS.FINNS_INTE',
    );
  });
});

describe('TaBortMal on an insats', () => {
  it('removes a goal the insats has', () => {
    expect(decideInsats(command('TaBortMal', { malId: MAL_ID }), skapad({}, malSatt()))).toEqual([
      { type: 'MalBorttaget', data: { malId: MAL_ID } },
    ]);
  });

  it('refuses to remove a goal the insats does not have', () => {
    const state = skapad({}, malSatt());
    expect(
      errorCode(() => decideInsats(command('TaBortMal', { malId: ANNAT_MAL_ID }), state)),
    ).toBe('MAL.FINNS_INTE');
  });

  it('refuses to remove a goal already removed', () => {
    const state = skapad({}, malSatt(), { type: 'MalBorttaget', data: { malId: MAL_ID } });
    expect(errorCode(() => decideInsats(command('TaBortMal', { malId: MAL_ID }), state))).toBe(
      'MAL.FINNS_INTE',
    );
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'refuses to remove %s, which every object has but no goal is',
    (malId) => {
      expect(errorCode(() => decideInsats(command('TaBortMal', { malId }), skapad()))).toBe(
        'MAL.FINNS_INTE',
      );
    },
  );
});

describe('evolveInsats with goals', () => {
  it('keeps goals by malId, a second MalSatt replacing the first', () => {
    const state = skapad(
      {},
      malSatt(),
      malSatt({ malId: ANNAT_MAL_ID, matt: 'andel-arbete-studier', varde: 0.25 }),
      malSatt({ varde: 300, till: '2022-04-30' }),
    );
    expect(state.mal).toEqual({
      [MAL_ID]: { matt: 'nya', fran: '2020-01-01', till: '2022-04-30', varde: 300 },
      [ANNAT_MAL_ID]: {
        matt: 'andel-arbete-studier',
        fran: '2020-01-01',
        till: '2022-06-30',
        varde: 0.25,
      },
    });
  });

  it('drops a removed goal and keeps the others', () => {
    const state = skapad({}, malSatt(), malSatt({ malId: ANNAT_MAL_ID }), {
      type: 'MalBorttaget',
      data: { malId: MAL_ID },
    });
    expect(Object.keys(state.mal)).toEqual([ANNAT_MAL_ID]);
  });
});

describe('SattEkonomi', () => {
  it('records the parts given', () => {
    expect(
      decideInsats(command('SattEkonomi', { ar: 2020, kostnad: 1_693_787 }), skapad()),
    ).toEqual([{ type: 'EkonomiSatt', data: { ar: 2020, kostnad: 1_693_787 } }]);
  });

  it('merges the parts of a year and keeps other years apart', () => {
    const state = skapad(
      {},
      { type: 'EkonomiSatt', data: { ar: 2020, budget: 1_800_000 } },
      { type: 'EkonomiSatt', data: { ar: 2021, budget: 1_900_000, kostnad: 1_750_000 } },
      { type: 'EkonomiSatt', data: { ar: 2020, kostnad: 1_693_787 } },
      { type: 'EkonomiSatt', data: { ar: 2021, budget: 2_000_000 } },
    );
    expect(state.ekonomi).toEqual({
      2020: { budget: 1_800_000, kostnad: 1_693_787 },
      2021: { budget: 2_000_000, kostnad: 1_750_000 },
    });
  });

  it('refuses a year without budget or kostnad', () => {
    expect(errorCode(() => decideInsats(command('SattEkonomi', { ar: 2020 }), skapad()))).toBe(
      'INSATS.EKONOMI_SAKNAS',
    );
  });

  it.each([0, 1_000_000_000])('accepts %d kronor', (budget) => {
    expect(decideInsats(command('SattEkonomi', { ar: 2020, budget }), skapad())[0]?.data).toEqual({
      ar: 2020,
      budget,
    });
  });

  it.each([
    { budget: -1 },
    { budget: 1_000_000_001 },
    { kostnad: 100.5 },
    { budget: 10, kostnad: Number.NaN },
  ])('refuses %j', (parts) => {
    expect(
      errorCode(() => decideInsats(command('SattEkonomi', { ar: 2020, ...parts }), skapad())),
    ).toBe('INSATS.OGILTIGT_BELOPP');
  });

  it.each([2000, 2100])('accepts the year %d', (ar) => {
    expect(decideInsats(command('SattEkonomi', { ar, budget: 1 }), skapad())).toHaveLength(1);
  });

  it.each([1999, 2101, 2020.5])('refuses the year %d', (ar) => {
    expect(errorCode(() => decideInsats(command('SattEkonomi', { ar, budget: 1 }), skapad()))).toBe(
      'INSATS.OGILTIGT_AR',
    );
  });
});

describe('SattArsmal with one part', () => {
  const arsmal2020: InsatsEvent = {
    type: 'ArsmalSatt',
    data: { ar: 2020, deltagare: 45, nyaDeltagare: 30, andelArbeteStudier: 0.35 },
  };

  it('records only the part given', () => {
    expect(
      decideInsats(command('SattArsmal', { ar: 2020, deltagare: 250 }), skapad({}, arsmal2020)),
    ).toEqual([{ type: 'ArsmalSatt', data: { ar: 2020, deltagare: 250 } }]);
  });

  it('keeps the other parts of the year when folded', () => {
    const state = skapad({}, arsmal2020, {
      type: 'ArsmalSatt',
      data: { ar: 2020, andelArbeteStudier: 0.4 },
    });
    expect(state.arsmal).toEqual({
      2020: { deltagare: 45, nyaDeltagare: 30, andelArbeteStudier: 0.4 },
    });
  });

  it('leaves the parts never set absent (Resursrådet: 250 deltagare and nothing else)', () => {
    const state = skapad({}, { type: 'ArsmalSatt', data: { ar: 2020, deltagare: 250 } });
    expect(state.arsmal).toEqual({ 2020: { deltagare: 250 } });
  });

  it('refuses an årsmål without any part', () => {
    expect(errorCode(() => decideInsats(command('SattArsmal', { ar: 2020 }), skapad()))).toBe(
      'INSATS.ARSMAL_SAKNAS',
    );
  });
});

describe('grupp and ordning', () => {
  const skapa = (data: Partial<Data<'SkapaInsats'>>) =>
    decideInsats(command('SkapaInsats', { ...SKAPAD, ...data }), initialInsats());

  it('trims grupp and keeps ordning', () => {
    expect(skapa({ grupp: '  Rätt stöd för mig ', ordning: 2 })[0]?.data).toMatchObject({
      grupp: 'Rätt stöd för mig',
      ordning: 2,
    });
  });

  it('stores a blank or missing grupp and a missing ordning as null', () => {
    const { grupp: _g, ordning: _o, ...utan } = SKAPAD;
    expect(skapa({ grupp: '   ', ordning: null })[0]?.data).toMatchObject({
      grupp: null,
      ordning: null,
    });
    expect(decideInsats(command('SkapaInsats', utan), initialInsats())[0]?.data).toMatchObject({
      grupp: null,
      ordning: null,
    });
  });

  it.each([0, 10_000])('accepts the ordning %d', (ordning) => {
    expect(skapa({ ordning })[0]?.data).toMatchObject({ ordning });
  });

  it.each([-1, 10_001, 1.5])('refuses the ordning %d', (ordning) => {
    expect(errorCode(() => skapa({ ordning }))).toBe('INSATS.OGILTIG_ORDNING');
  });

  it('folds grupp and ordning into the state', () => {
    expect(skapad({ grupp: 'Unga vuxna-teamen', ordning: 4 })).toMatchObject({
      grupp: 'Unga vuxna-teamen',
      ordning: 4,
    });
  });

  describe('AndraInsats', () => {
    const iGrupp = skapad({ grupp: 'Rätt stöd för mig', ordning: 2 });
    const andra = (data: Data<'AndraInsats'>, state = iGrupp) =>
      decideInsats(command('AndraInsats', data), state);

    it('moves the insats to another grupp, trimmed, and records only what changed', () => {
      expect(andra({ grupp: ' Unga vuxna-teamen ', ordning: 2 })).toEqual([
        { type: 'InsatsAndrad', data: { grupp: 'Unga vuxna-teamen' } },
      ]);
    });

    it('takes the insats out of its grupp and order with null or blank', () => {
      expect(andra({ grupp: '  ', ordning: null })).toEqual([
        { type: 'InsatsAndrad', data: { grupp: null, ordning: null } },
      ]);
    });

    it('refuses a change to the same grupp', () => {
      expect(errorCode(() => andra({ grupp: 'Rätt stöd för mig ' }))).toBe('INSATS.ANDRAR_INGET');
    });

    it('refuses an ordning out of bounds', () => {
      expect(errorCode(() => andra({ ordning: 10_001 }))).toBe('INSATS.OGILTIG_ORDNING');
    });

    it('folds the change', () => {
      const state = skapad(
        { grupp: 'Rätt stöd för mig', ordning: 2 },
        {
          type: 'InsatsAndrad',
          data: { grupp: null, ordning: 7 },
        },
      );
      expect(state).toMatchObject({ grupp: null, ordning: 7 });
    });
  });
});

describe('RegistreraVolym with kommun', () => {
  const volyminsats = skapad({ matmetod: 'volym' });
  const registrera = (kommun?: string | null) =>
    decideInsats(
      command('RegistreraVolym', {
        datum: '2025-03-12',
        kvinnor: 19,
        man: 4,
        ejAngivet: 0,
        aktivitet: null,
        ...(kommun === undefined ? {} : { kommun }),
      }),
      volyminsats,
    );

  it('records a known kommun code', () => {
    expect(registrera('1441')).toEqual([
      {
        type: 'VolymRegistrerad',
        data: {
          datum: '2025-03-12',
          kvinnor: 19,
          man: 4,
          ejAngivet: 0,
          aktivitet: null,
          kommun: '1441',
        },
      },
    ]);
  });

  it('records a missing or null kommun as null', () => {
    expect(registrera()[0]?.data).toMatchObject({ kommun: null });
    expect(registrera(null)[0]?.data).toMatchObject({ kommun: null });
  });

  it.each(['9999', 'Lerum', ''])('refuses the unknown kommun code %j', (kommun) => {
    expect(errorCode(() => registrera(kommun))).toBe('INSATS.OKAND_KOMMUN');
  });
});
