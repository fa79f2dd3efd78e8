import { DomainError } from '../domain-error.js';
import {
  decideForbund,
  evolveForbund,
  forbundDecider,
  initialForbund,
  type Forbund,
  type ForbundEvent,
  type ForbundMalSatt,
} from './forbund.js';

const GRUPPMAL_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const FORBUNDSMAL_ID = '1b2c3d4e-5f60-4718-a9ba-cbdcedfe0f10';

/** The three youth teams' shared goal: 315 nya in 2020, as one group goal. */
const GRUPPMAL: ForbundMalSatt['data'] = {
  malId: GRUPPMAL_ID,
  grupp: 'Unga vuxna-teamen',
  matt: 'nya',
  fran: '2020-01-01',
  till: '2020-12-31',
  varde: 315,
};

const given = (...events: ForbundEvent[]): Forbund =>
  events.reduce(evolveForbund, initialForbund());
const malSatt = (data: Partial<ForbundMalSatt['data']> = {}): ForbundEvent => ({
  type: 'MalSatt',
  data: { ...GRUPPMAL, ...data },
});
const satt = (data: Partial<ForbundMalSatt['data']> = {}, state = initialForbund()) =>
  decideForbund({ type: 'SattForbundsmal', data: { ...GRUPPMAL, ...data } }, state);
const taBort = (malId: string, state: Forbund, grupp: string | null = GRUPPMAL.grupp) =>
  decideForbund({ type: 'TaBortForbundsmal', data: { malId, grupp } }, state);

const errorCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('SattForbundsmal', () => {
  it('sets a goal of a grupp, its name trimmed', () => {
    expect(satt({ grupp: ' Unga vuxna-teamen  ' })).toEqual([{ type: 'MalSatt', data: GRUPPMAL }]);
  });

  it('sets a goal of the whole förbund with grupp null, or blank', () => {
    const forbundsmal = {
      malId: FORBUNDSMAL_ID,
      matt: 'andel-arbete-studier',
      varde: 0.65,
    } as const;
    const expected = [{ type: 'MalSatt', data: { ...GRUPPMAL, ...forbundsmal, grupp: null } }];
    expect(satt({ ...forbundsmal, grupp: null })).toEqual(expected);
    expect(satt({ ...forbundsmal, grupp: '   ' })).toEqual(expected);
  });

  it('accepts a grupp name of 500 characters and refuses 501', () => {
    expect(satt({ grupp: 'g'.repeat(500) })[0]?.data).toMatchObject({ grupp: 'g'.repeat(500) });
    expect(errorCode(() => satt({ grupp: 'g'.repeat(501) }))).toBe('MAL.OGILTIG_GRUPP');
  });

  it('replaces a goal in its own place and refuses to move it to the other place', () => {
    const state = given(malSatt(), malSatt({ malId: FORBUNDSMAL_ID, grupp: null }));
    expect(satt({ varde: 320 }, state)[0]?.data).toMatchObject({ varde: 320 });
    expect(errorCode(() => satt({ grupp: null }, state))).toBe('MAL.ANNAN_PLATS');
    expect(errorCode(() => satt({ grupp: 'Bron' }, state))).toBe('MAL.ANNAN_PLATS');
    expect(errorCode(() => satt({ malId: FORBUNDSMAL_ID }, state))).toBe('MAL.ANNAN_PLATS');
    // A new id may go anywhere.
    expect(
      satt({ malId: '2b2c3d4e-5f60-4718-a9ba-cbdcedfe0f10', grupp: 'Bron' }, state),
    ).toHaveLength(1);
  });

  it.each([
    [{ malId: 'unga-vuxna' }, 'MAL.OGILTIGT_ID'],
    [{ matt: 'budget' }, 'MAL.OKANT_MATT'],
    [{ till: '2019-12-31' }, 'MAL.TILL_FORE_FRAN'],
    [{ till: '2030-01-01' }, 'MAL.FOR_LANG_PERIOD'],
    [{ varde: 315.5 }, 'MAL.OGILTIGT_ANTAL'],
    [{ matt: 'andel-arbete-studier', varde: 65 }, 'MAL.OGILTIG_ANDEL'],
  ])('refuses %j with the goal rules (%s)', (data, code) => {
    expect(errorCode(() => satt(data as Partial<ForbundMalSatt['data']>))).toBe(code);
  });
});

describe('TaBortForbundsmal', () => {
  it('removes a goal the förbund has', () => {
    expect(taBort(GRUPPMAL_ID, given(malSatt()))).toEqual([
      { type: 'MalBorttaget', data: { malId: GRUPPMAL_ID } },
    ]);
  });

  it.each([FORBUNDSMAL_ID, 'constructor', 'hasOwnProperty'])(
    'refuses to remove the unknown goal %s',
    (malId) => {
      expect(errorCode(() => taBort(malId, given(malSatt())))).toBe('MAL.FINNS_INTE');
    },
  );

  it('answers a goal removed through the other place as unknown', () => {
    const state = given(malSatt(), malSatt({ malId: FORBUNDSMAL_ID, grupp: null }));
    expect(errorCode(() => taBort(GRUPPMAL_ID, state, null))).toBe('MAL.FINNS_INTE');
    expect(errorCode(() => taBort(GRUPPMAL_ID, state, 'Bron'))).toBe('MAL.FINNS_INTE');
    expect(errorCode(() => taBort(FORBUNDSMAL_ID, state))).toBe('MAL.FINNS_INTE');
    expect(taBort(FORBUNDSMAL_ID, state, null)).toHaveLength(1);
  });

  it('refuses to remove a goal twice', () => {
    const state = given(malSatt(), { type: 'MalBorttaget', data: { malId: GRUPPMAL_ID } });
    expect(errorCode(() => taBort(GRUPPMAL_ID, state))).toBe('MAL.FINNS_INTE');
  });
});

describe('evolveForbund', () => {
  it('starts without goals', () => {
    expect(forbundDecider.initialState()).toEqual({ mal: {} });
  });

  it('keeps goals by malId with their grupp, a second MalSatt replacing the first', () => {
    const state = given(
      malSatt(),
      malSatt({ malId: FORBUNDSMAL_ID, grupp: null, varde: 1000 }),
      malSatt({ varde: 300, grupp: 'Unga vuxna' }),
    );
    expect(state).toEqual({
      mal: {
        [GRUPPMAL_ID]: {
          grupp: 'Unga vuxna',
          matt: 'nya',
          fran: '2020-01-01',
          till: '2020-12-31',
          varde: 300,
        },
        [FORBUNDSMAL_ID]: {
          grupp: null,
          matt: 'nya',
          fran: '2020-01-01',
          till: '2020-12-31',
          varde: 1000,
        },
      },
    });
  });

  it('drops a removed goal and keeps the others', () => {
    const state = given(malSatt(), malSatt({ malId: FORBUNDSMAL_ID }), {
      type: 'MalBorttaget',
      data: { malId: GRUPPMAL_ID },
    });
    expect(Object.keys(state.mal)).toEqual([FORBUNDSMAL_ID]);
  });

  it('does not change the state it was given', () => {
    const before = given(malSatt());
    const copy = structuredClone(before);
    evolveForbund(before, { type: 'MalBorttaget', data: { malId: GRUPPMAL_ID } });
    evolveForbund(before, malSatt({ varde: 1 }));
    expect(before).toEqual(copy);
  });
});
