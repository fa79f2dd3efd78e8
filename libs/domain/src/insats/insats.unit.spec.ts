import { DomainError } from '../domain-error.js';
import {
  decideInsats,
  evolveInsats,
  initialInsats,
  insatsDecider,
  type Insats,
  type InsatsCommand,
  type InsatsEvent,
  type InsatsSkapad,
} from './insats.js';

const IDAG = '2025-06-30';
const context = { idag: IDAG };

const SKAPAD: InsatsSkapad['data'] = {
  insatsId: 'insats-1',
  forbundId: 'forbund-1',
  namn: 'Ung i Tyresö',
  inriktning: 'individinriktad',
  matmetod: 'individ',
  startdatum: '2024-01-01',
  slutdatum: null,
  utforare: null,
  malgrupp: null,
  grupp: null,
  ordning: null,
};

const insatsSkapad = (data: Partial<InsatsSkapad['data']> = {}): InsatsEvent => ({
  type: 'InsatsSkapad',
  data: { ...SKAPAD, ...data },
});
const given = (...events: InsatsEvent[]): Insats => events.reduce(evolveInsats, initialInsats());
const skapad = (data: Partial<InsatsSkapad['data']> = {}): Insats => given(insatsSkapad(data));
const volyminsats = (data: Partial<InsatsSkapad['data']> = {}): Insats =>
  skapad({ matmetod: 'volym', ...data });
const avslutad = (slutdatum = '2025-03-31'): Insats =>
  given(insatsSkapad(), { type: 'InsatsAvslutad', data: { slutdatum } });

const skapa = (data: Partial<InsatsSkapad['data']> = {}): InsatsCommand => ({
  type: 'SkapaInsats',
  data: { ...SKAPAD, ...data },
  context,
});
const andra = (data: Extract<InsatsCommand, { type: 'AndraInsats' }>['data']): InsatsCommand => ({
  type: 'AndraInsats',
  data,
  context,
});
const sattArsmal = (
  data: Partial<Extract<InsatsCommand, { type: 'SattArsmal' }>['data']> = {},
): InsatsCommand => ({
  type: 'SattArsmal',
  data: { ar: 2025, deltagare: 40, nyaDeltagare: 25, andelArbeteStudier: 0.3, ...data },
  context,
});
const avsluta = (
  slutdatum: string,
  deltaganden: { oppna?: string[]; senasteDatum?: string | null } = {},
): InsatsCommand => ({
  type: 'AvslutaInsats',
  data: { slutdatum },
  context: {
    ...context,
    oppnaDeltaganden: deltaganden.oppna ?? [],
    senasteDeltagandedatum: deltaganden.senasteDatum ?? null,
  },
});
const registreraVolym = (
  data: Partial<Extract<InsatsCommand, { type: 'RegistreraVolym' }>['data']> = {},
  idag = IDAG,
): InsatsCommand => ({
  type: 'RegistreraVolym',
  data: { datum: '2025-03-12', kvinnor: 12, man: 8, ejAngivet: 1, aktivitet: null, ...data },
  context: { idag },
});

const volymRegistrerad = (datum: string): InsatsEvent => ({
  type: 'VolymRegistrerad',
  data: { datum, kvinnor: 1, man: 1, ejAngivet: 0, aktivitet: null, kommun: null },
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

describe('SkapaInsats', () => {
  it('creates the insats', () => {
    expect(decideInsats(skapa(), initialInsats())).toEqual([
      { type: 'InsatsSkapad', data: SKAPAD },
    ]);
  });

  it('trims namn and stores blank free text as null', () => {
    const [event] = decideInsats(
      skapa({ namn: '  Balder ', utforare: '  ', malgrupp: ' Unga 16–29 ' }),
      initialInsats(),
    );
    expect(event?.data).toMatchObject({ namn: 'Balder', utforare: null, malgrupp: 'Unga 16–29' });
  });

  it('rejects creating an insats twice', () => {
    expect(errorCode(() => decideInsats(skapa(), skapad()))).toBe('INSATS.FINNS_REDAN');
  });

  it('rejects an empty namn', () => {
    expect(errorCode(() => decideInsats(skapa({ namn: '   ' }), initialInsats()))).toBe(
      'INSATS.NAMN_SAKNAS',
    );
  });

  it('accepts slutdatum on startdatum', () => {
    const events = decideInsats(skapa({ slutdatum: '2024-01-01' }), initialInsats());
    expect(events[0]?.data).toMatchObject({ slutdatum: '2024-01-01' });
  });

  it('rejects slutdatum before startdatum', () => {
    expect(errorCode(() => decideInsats(skapa({ slutdatum: '2023-12-31' }), initialInsats()))).toBe(
      'INSATS.SLUT_FORE_START',
    );
  });

  it('rejects a date that is not in the calendar', () => {
    expect(
      errorCode(() => decideInsats(skapa({ startdatum: '2023-02-29' }), initialInsats())),
    ).toBe('INSATS.OGILTIGT_DATUM');
    expect(errorCode(() => decideInsats(skapa({ slutdatum: '2025-13-01' }), initialInsats()))).toBe(
      'INSATS.OGILTIGT_DATUM',
    );
  });

  it('rejects unknown inriktning and matmetod', () => {
    const okand = 'okand' as never;
    expect(errorCode(() => decideInsats(skapa({ inriktning: okand }), initialInsats()))).toBe(
      'INSATS.OKAND_KOD',
    );
    expect(errorCode(() => decideInsats(skapa({ matmetod: okand }), initialInsats()))).toBe(
      'INSATS.OKAND_KOD',
    );
  });
});

describe('commands on an insats that does not exist', () => {
  it.each([andra({ namn: 'Nytt namn' }), sattArsmal(), avsluta('2025-06-30'), registreraVolym()])(
    'rejects $type',
    (command) => {
      expect(errorCode(() => decideInsats(command, initialInsats()))).toBe('INSATS.FINNS_INTE');
    },
  );
});

describe('AndraInsats', () => {
  it('records only the fields that change', () => {
    expect(
      decideInsats(
        andra({
          namn: 'Ung i Tyresö 2.0',
          inriktning: 'individinriktad',
          utforare: 'Tyresö kommun',
        }),
        skapad(),
      ),
    ).toEqual([
      { type: 'InsatsAndrad', data: { namn: 'Ung i Tyresö 2.0', utforare: 'Tyresö kommun' } },
    ]);
  });

  it('can clear slutdatum', () => {
    expect(decideInsats(andra({ slutdatum: null }), skapad({ slutdatum: '2025-12-31' }))).toEqual([
      { type: 'InsatsAndrad', data: { slutdatum: null } },
    ]);
  });

  it('rejects a change that changes nothing', () => {
    expect(
      errorCode(() => decideInsats(andra({ namn: ' Ung i Tyresö ', malgrupp: '' }), skapad())),
    ).toBe('INSATS.ANDRAR_INGET');
  });

  it('rejects an empty namn', () => {
    expect(errorCode(() => decideInsats(andra({ namn: '' }), skapad()))).toBe('INSATS.NAMN_SAKNAS');
  });

  it('rejects a startdatum after the slutdatum', () => {
    expect(
      errorCode(() =>
        decideInsats(andra({ startdatum: '2026-01-01' }), skapad({ slutdatum: '2025-12-31' })),
      ),
    ).toBe('INSATS.SLUT_FORE_START');
  });

  it('accepts moving both dates together', () => {
    expect(
      decideInsats(
        andra({ startdatum: '2026-01-01', slutdatum: '2026-12-31' }),
        skapad({ slutdatum: '2025-12-31' }),
      ),
    ).toEqual([
      { type: 'InsatsAndrad', data: { startdatum: '2026-01-01', slutdatum: '2026-12-31' } },
    ]);
  });

  it.each([{ slutdatum: '2025-04-30' }, { startdatum: '2024-02-01' }, { slutdatum: null }])(
    'rejects changing the dates of an avslutad insats: %j',
    (data) => {
      expect(errorCode(() => decideInsats(andra(data), avslutad()))).toBe('INSATS.AVSLUTAD');
    },
  );

  it('renames an avslutad insats and places it in a grupp and order for the reports', () => {
    expect(
      decideInsats(andra({ namn: 'Bron', grupp: 'Rätt stöd för mig', ordning: 2 }), avslutad()),
    ).toEqual([
      { type: 'InsatsAndrad', data: { namn: 'Bron', grupp: 'Rätt stöd för mig', ordning: 2 } },
    ]);
  });

  it('sets and clears grupp and ordning', () => {
    const grupperad = given(insatsSkapad({ grupp: 'Unga vuxna-teamen', ordning: 10 }));
    expect(decideInsats(andra({ grupp: ' ', ordning: null }), grupperad)).toEqual([
      { type: 'InsatsAndrad', data: { grupp: null, ordning: null } },
    ]);
  });

  it.each([-1, 10_001, 2.5])('rejects ordning %p', (ordning) => {
    expect(errorCode(() => decideInsats(andra({ ordning }), skapad()))).toBe(
      'INSATS.OGILTIG_ORDNING',
    );
  });

  it('rejects a slutdatum before a deltagande date already registered', () => {
    const command: InsatsCommand = {
      type: 'AndraInsats',
      data: { slutdatum: '2025-05-31' },
      context: { ...context, senasteDeltagandedatum: '2025-06-01' },
    };
    let error: unknown;
    try {
      decideInsats(command, skapad());
    } catch (thrown) {
      error = thrown;
    }
    expect((error as DomainError).code).toBe('INSATS.REGISTRERAT_EFTER_SLUTDATUM');
    expect((error as DomainError).message).toBe(
      'Insatsen har registreringar daterade 2025-06-01, efter slutdatum 2025-05-31',
    );
  });

  it('accepts a slutdatum on the latest deltagande date', () => {
    expect(
      decideInsats(
        {
          type: 'AndraInsats',
          data: { slutdatum: '2025-06-01' },
          context: { ...context, senasteDeltagandedatum: '2025-06-01' },
        },
        skapad(),
      ),
    ).toEqual([{ type: 'InsatsAndrad', data: { slutdatum: '2025-06-01' } }]);
  });

  it('rejects a slutdatum before the latest volym registered', () => {
    const medVolym = given(insatsSkapad({ matmetod: 'volym' }), volymRegistrerad('2025-05-20'));
    expect(errorCode(() => decideInsats(andra({ slutdatum: '2025-05-19' }), medVolym))).toBe(
      'INSATS.REGISTRERAT_EFTER_SLUTDATUM',
    );
    expect(decideInsats(andra({ slutdatum: '2025-05-20' }), medVolym)).toHaveLength(1);
  });
});

describe('SattArsmal', () => {
  it('sets the årsmål of a year', () => {
    expect(decideInsats(sattArsmal(), skapad())).toEqual([
      {
        type: 'ArsmalSatt',
        data: { ar: 2025, deltagare: 40, nyaDeltagare: 25, andelArbeteStudier: 0.3 },
      },
    ]);
  });

  it.each([2000, 2100])('accepts the year %d', (ar) => {
    expect(decideInsats(sattArsmal({ ar }), skapad())[0]?.data).toMatchObject({ ar });
  });

  it.each([1999, 2101, 2025.5])('rejects the year %d', (ar) => {
    expect(errorCode(() => decideInsats(sattArsmal({ ar }), skapad()))).toBe('INSATS.OGILTIGT_AR');
  });

  it('accepts zero deltagare', () => {
    expect(
      decideInsats(sattArsmal({ deltagare: 0, nyaDeltagare: 0 }), skapad())[0]?.data,
    ).toMatchObject({
      deltagare: 0,
      nyaDeltagare: 0,
    });
  });

  it.each([{ deltagare: -1 }, { deltagare: 1.5 }, { nyaDeltagare: -1 }, { nyaDeltagare: 2.5 }])(
    'rejects %j',
    (data) => {
      expect(errorCode(() => decideInsats(sattArsmal(data), skapad()))).toBe(
        'INSATS.OGILTIGT_ANTAL',
      );
    },
  );

  it.each([0, 1])('accepts the share %d', (andelArbeteStudier) => {
    expect(decideInsats(sattArsmal({ andelArbeteStudier }), skapad())[0]?.data).toMatchObject({
      andelArbeteStudier,
    });
  });

  it.each([-0.1, 1.01, Number.NaN])('rejects the share %d', (andelArbeteStudier) => {
    expect(errorCode(() => decideInsats(sattArsmal({ andelArbeteStudier }), skapad()))).toBe(
      'INSATS.OGILTIG_ANDEL',
    );
  });
});

describe('AvslutaInsats', () => {
  it('ends the insats', () => {
    expect(decideInsats(avsluta('2025-06-30'), skapad())).toEqual([
      { type: 'InsatsAvslutad', data: { slutdatum: '2025-06-30' } },
    ]);
  });

  it('accepts a slutdatum on the startdatum', () => {
    expect(decideInsats(avsluta('2024-01-01'), skapad())).toHaveLength(1);
  });

  it('rejects a slutdatum before the startdatum', () => {
    expect(errorCode(() => decideInsats(avsluta('2023-12-31'), skapad()))).toBe(
      'INSATS.SLUT_FORE_START',
    );
  });

  it('rejects ending an insats twice', () => {
    expect(errorCode(() => decideInsats(avsluta('2025-06-30'), avslutad()))).toBe(
      'INSATS.REDAN_AVSLUTAD',
    );
  });

  it('rejects an invalid slutdatum', () => {
    expect(errorCode(() => decideInsats(avsluta('2025-02-30'), skapad()))).toBe(
      'INSATS.OGILTIGT_DATUM',
    );
  });

  it('rejects a slutdatum after today: a planned end is a change of slutdatum', () => {
    expect(errorCode(() => decideInsats(avsluta('2025-07-01'), skapad()))).toBe(
      'INSATS.SLUTDATUM_I_FRAMTIDEN',
    );
  });

  it('refuses while deltaganden are open, naming them', () => {
    const oppna = ['d-1', 'd-2'];
    let error: unknown;
    try {
      decideInsats(avsluta('2025-06-30', { oppna }), skapad());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INSATS.OPPNA_DELTAGANDEN');
    expect((error as DomainError).message).toBe(
      'Insatsen har 2 öppna deltaganden; avsluta eller återremittera dem först',
    );
    expect((error as DomainError).details).toEqual({ oppnaDeltaganden: ['d-1', 'd-2'] });
  });

  it('rejects a slutdatum before a deltagande date already registered', () => {
    expect(
      errorCode(() =>
        decideInsats(avsluta('2025-05-31', { senasteDatum: '2025-06-01' }), skapad()),
      ),
    ).toBe('INSATS.REGISTRERAT_EFTER_SLUTDATUM');
  });

  it('accepts a slutdatum on the latest deltagande date', () => {
    expect(decideInsats(avsluta('2025-06-01', { senasteDatum: '2025-06-01' }), skapad())).toEqual([
      { type: 'InsatsAvslutad', data: { slutdatum: '2025-06-01' } },
    ]);
  });

  it('rejects a slutdatum before the latest volym registered', () => {
    const medVolym = given(
      insatsSkapad({ matmetod: 'volym' }),
      volymRegistrerad('2025-05-20'),
      volymRegistrerad('2025-03-01'),
    );
    expect(errorCode(() => decideInsats(avsluta('2025-05-19'), medVolym))).toBe(
      'INSATS.REGISTRERAT_EFTER_SLUTDATUM',
    );
    expect(decideInsats(avsluta('2025-05-20'), medVolym)).toHaveLength(1);
  });
});

describe('RegistreraVolym', () => {
  it('registers heads by kön on a volyminsats', () => {
    expect(decideInsats(registreraVolym({ aktivitet: ' Föreläsning ' }), volyminsats())).toEqual([
      {
        type: 'VolymRegistrerad',
        data: {
          datum: '2025-03-12',
          kvinnor: 12,
          man: 8,
          ejAngivet: 1,
          aktivitet: 'Föreläsning',
          kommun: null,
        },
      },
    ]);
  });

  it('rejects volym on an insats that follows deltaganden', () => {
    expect(errorCode(() => decideInsats(registreraVolym(), skapad()))).toBe(
      'INSATS.INTE_VOLYMINSATS',
    );
  });

  it('accepts zeros', () => {
    expect(
      decideInsats(registreraVolym({ kvinnor: 0, man: 0, ejAngivet: 0 }), volyminsats()),
    ).toHaveLength(1);
  });

  it.each([{ kvinnor: -1 }, { man: 2.5 }, { ejAngivet: -3 }, { kvinnor: Number.NaN }])(
    'rejects %j',
    (data) => {
      expect(errorCode(() => decideInsats(registreraVolym(data), volyminsats()))).toBe(
        'INSATS.OGILTIGT_ANTAL',
      );
    },
  );

  it('accepts a datum of today', () => {
    expect(decideInsats(registreraVolym({ datum: IDAG }), volyminsats())).toHaveLength(1);
  });

  it('rejects a datum after today', () => {
    expect(
      errorCode(() => decideInsats(registreraVolym({ datum: '2025-07-01' }), volyminsats())),
    ).toBe('INSATS.DATUM_I_FRAMTIDEN');
  });

  it('accepts the insats start- and slutdatum', () => {
    const insats = volyminsats({ slutdatum: '2025-03-31' });
    expect(decideInsats(registreraVolym({ datum: '2024-01-01' }), insats)).toHaveLength(1);
    expect(decideInsats(registreraVolym({ datum: '2025-03-31' }), insats)).toHaveLength(1);
  });

  it('rejects a datum before the insats started', () => {
    expect(
      errorCode(() => decideInsats(registreraVolym({ datum: '2023-12-31' }), volyminsats())),
    ).toBe('INSATS.DATUM_UTANFOR_INSATS');
  });

  it('rejects a datum after the insats ended', () => {
    const insats = volyminsats({ slutdatum: '2025-03-31' });
    expect(errorCode(() => decideInsats(registreraVolym({ datum: '2025-04-01' }), insats))).toBe(
      'INSATS.DATUM_UTANFOR_INSATS',
    );
  });

  it('rejects an invalid datum', () => {
    expect(
      errorCode(() => decideInsats(registreraVolym({ datum: '2025-02-29' }), volyminsats())),
    ).toBe('INSATS.OGILTIGT_DATUM');
  });
});

describe('evolveInsats', () => {
  it('starts as an insats that does not exist', () => {
    expect(insatsDecider.initialState()).toEqual({
      exists: false,
      insatsId: null,
      forbundId: null,
      namn: null,
      inriktning: null,
      matmetod: null,
      startdatum: null,
      slutdatum: null,
      utforare: null,
      malgrupp: null,
      grupp: null,
      ordning: null,
      avslutad: false,
      senasteVolymdatum: null,
      arsmal: {},
      mal: {},
      ekonomi: {},
    });
  });

  it('folds creation, changes, årsmål and avslut', () => {
    const state = given(
      insatsSkapad({ slutdatum: '2025-12-31', utforare: 'Kommunen' }),
      { type: 'InsatsAndrad', data: { namn: 'Balder', utforare: null } },
      {
        type: 'ArsmalSatt',
        data: { ar: 2025, deltagare: 40, nyaDeltagare: 25, andelArbeteStudier: 0.3 },
      },
      {
        type: 'ArsmalSatt',
        data: { ar: 2025, deltagare: 45, nyaDeltagare: 30, andelArbeteStudier: 0.35 },
      },
      {
        type: 'ArsmalSatt',
        data: { ar: 2026, deltagare: 50, nyaDeltagare: 30, andelArbeteStudier: 0.4 },
      },
      { type: 'InsatsAvslutad', data: { slutdatum: '2025-06-30' } },
    );
    expect(state).toEqual({
      exists: true,
      insatsId: 'insats-1',
      forbundId: 'forbund-1',
      namn: 'Balder',
      inriktning: 'individinriktad',
      matmetod: 'individ',
      startdatum: '2024-01-01',
      slutdatum: '2025-06-30',
      utforare: null,
      malgrupp: null,
      grupp: null,
      ordning: null,
      avslutad: true,
      senasteVolymdatum: null,
      mal: {},
      ekonomi: {},
      arsmal: {
        2025: { deltagare: 45, nyaDeltagare: 30, andelArbeteStudier: 0.35 },
        2026: { deltagare: 50, nyaDeltagare: 30, andelArbeteStudier: 0.4 },
      },
    });
  });

  it('keeps only the latest volym date from volym', () => {
    const state = volyminsats();
    expect(
      evolveInsats(state, {
        type: 'VolymRegistrerad',
        data: {
          datum: '2025-03-12',
          kvinnor: 1,
          man: 2,
          ejAngivet: 0,
          aktivitet: null,
          kommun: null,
        },
      }),
    ).toEqual({ ...state, senasteVolymdatum: '2025-03-12' });
  });

  it('does not mutate the previous state', () => {
    const before = skapad();
    const copy = structuredClone(before);
    evolveInsats(before, {
      type: 'ArsmalSatt',
      data: { ar: 2025, deltagare: 1, nyaDeltagare: 1, andelArbeteStudier: 0 },
    });
    expect(before).toEqual(copy);
  });

  it('survives a JSON round trip', () => {
    const state = given(insatsSkapad(), {
      type: 'ArsmalSatt',
      data: { ar: 2025, deltagare: 40, nyaDeltagare: 25, andelArbeteStudier: 0.3 },
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

/** Every count is bounded by what the read models hold (PostgreSQL integer), API.md's limits. */
describe('counts within API.md limits (0–1,000,000)', () => {
  const thrown = (fn: () => unknown): DomainError => {
    try {
      fn();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a DomainError');
  };

  it('accepts a volym of exactly 1,000,000 per kön', () => {
    const data = { kvinnor: 1_000_000, man: 1_000_000, ejAngivet: 1_000_000 };
    expect(decideInsats(registreraVolym(data), volyminsats())[0]?.data).toMatchObject(data);
  });

  it.each([
    ['kvinnor', 2_147_483_648],
    ['man', 1_000_001],
    ['ejAngivet', Number.MAX_SAFE_INTEGER],
  ])('rejects a volym with %s = %d', (falt, varde) => {
    const error = thrown(() => decideInsats(registreraVolym({ [falt]: varde }), volyminsats()));
    expect([error.code, error.message, error.details]).toEqual([
      'INSATS.OGILTIGT_ANTAL',
      `${falt} måste vara ett heltal från 0 till och med 1 000 000`,
      { falt, varde, max: 1_000_000 },
    ]);
  });

  it('accepts årsmål of exactly 1,000,000', () => {
    const data = { deltagare: 1_000_000, nyaDeltagare: 1_000_000 };
    expect(decideInsats(sattArsmal(data), skapad())[0]?.data).toMatchObject(data);
  });

  it.each([
    ['deltagare', 3_000_000_000],
    ['nyaDeltagare', 1_000_001],
  ])('rejects årsmål with %s = %d', (falt, varde) => {
    const error = thrown(() => decideInsats(sattArsmal({ [falt]: varde }), skapad()));
    expect([error.code, error.message]).toEqual([
      'INSATS.OGILTIGT_ANTAL',
      `${falt} måste vara ett heltal från 0 till och med 1 000 000`,
    ]);
  });

  it('rejects a startdatum in the year 0, which no read model can store as a date', () => {
    const error = thrown(() => decideInsats(skapa({ startdatum: '0000-01-01' }), initialInsats()));
    expect([error.code, error.message]).toEqual([
      'INSATS.OGILTIGT_DATUM',
      'Ogiltigt datum för startdatum: 0000-01-01',
    ]);
  });
});
