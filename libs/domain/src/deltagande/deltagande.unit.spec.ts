import { DomainError } from '../domain-error.js';
import {
  decideDeltagande,
  deltagandeDecider,
  evolveDeltagande,
  initialDeltagande,
  type Avslut,
  type Deltagande,
  type DeltagandeCommand,
  type DeltagandeContext,
  type DeltagandeEvent,
  type Inskrivning,
  type InsatsSnapshot,
  type Person,
  type RegistreraRemiss,
  type RemissMottagen,
  type Uppfoljning,
} from './deltagande.js';

/*
 * Default course: insats from 2024-01-01 without slutdatum; remiss 2024-09-02, inskrivning
 * 2024-09-16, avslut 2024-12-20, six-month uppföljning 2025-06-19; today is 2025-06-30.
 * The person is born 1990 (34 at remiss).
 */
const IDAG = '2025-06-30';
const INSATS_ID = 'insats-1';
const DELTAGANDE_ID = 'deltagande-1';

const PERSON: Person = { kon: 'kvinna', fodelsear: 1990, kommun: '0114', personId: null };
const INSKRIVNING: Inskrivning = {
  datum: '2024-09-16',
  forsorjning: ['forsorjningsstod'],
  utbildningsniva: 'gymnasial',
  tidIOffentligForsorjning: '1-2-ar',
};
const AVSLUT: Avslut = { datum: '2024-12-20', avslutsorsak: 'arbete', forsorjning: ['lon'] };
const UPPFOLJNING: Uppfoljning = {
  datum: '2025-06-19',
  manaderEfterAvslut: 6,
  sysselsattning: 'arbete',
  forsorjning: ['lon'],
};

type ContextOverrides = {
  idag?: string;
  insats?: Partial<InsatsSnapshot>;
  personHarOppetDeltagandeIInsatsen?: boolean;
};
const context = (overrides: ContextOverrides = {}): DeltagandeContext => ({
  idag: overrides.idag ?? IDAG,
  insats: {
    insatsId: INSATS_ID,
    startdatum: '2024-01-01',
    slutdatum: null,
    matmetod: 'individ',
    avslutad: false,
    ...overrides.insats,
  },
  personHarOppetDeltagandeIInsatsen: overrides.personHarOppetDeltagandeIInsatsen ?? false,
});

// Events and states

type RemissOverrides = Partial<Omit<RemissMottagen['data'], 'person'>> & {
  person?: Partial<Person>;
};
const remissMottagen = ({ person, ...data }: RemissOverrides = {}): DeltagandeEvent => ({
  type: 'RemissMottagen',
  data: {
    deltagandeId: DELTAGANDE_ID,
    insatsId: INSATS_ID,
    datum: '2024-09-02',
    remittent: 'af',
    remittentEnhet: null,
    ...data,
    person: { ...PERSON, ...person },
  },
});
const deltagareInskriven = (data: Partial<Inskrivning> = {}): DeltagandeEvent => ({
  type: 'DeltagareInskriven',
  data: { ...INSKRIVNING, ...data },
});
const deltagareAvslutad = (data: Partial<Avslut> = {}): DeltagandeEvent => ({
  type: 'DeltagareAvslutad',
  data: { ...AVSLUT, ...data },
});
const uppfoljningRegistrerad = (data: Partial<Uppfoljning> = {}): DeltagandeEvent => ({
  type: 'UppfoljningRegistrerad',
  data: { ...UPPFOLJNING, ...data },
});

const given = (...events: DeltagandeEvent[]): Deltagande =>
  events.reduce(evolveDeltagande, initialDeltagande());

type Course = {
  remiss?: RemissOverrides;
  inskrivning?: Partial<Inskrivning>;
  avslut?: Partial<Avslut>;
  uppfoljningar?: Partial<Uppfoljning>[];
};
const remitterad = (remiss: RemissOverrides = {}): Deltagande => given(remissMottagen(remiss));
const aterremitterad = (datum = '2024-09-10'): Deltagande =>
  given(remissMottagen(), { type: 'RemissAterremitterad', data: { datum, orsak: 'Fel målgrupp' } });
const inskriven = ({ remiss, inskrivning }: Course = {}): Deltagande =>
  given(remissMottagen(remiss), deltagareInskriven(inskrivning));
const avslutad = ({ remiss, inskrivning, avslut, uppfoljningar = [] }: Course = {}): Deltagande =>
  given(
    remissMottagen(remiss),
    deltagareInskriven(inskrivning),
    deltagareAvslutad(avslut),
    ...uppfoljningar.map(uppfoljningRegistrerad),
  );
const makulerad = (): Deltagande =>
  given(remissMottagen(), { type: 'DeltagandeMakulerat', data: { orsak: 'Dubbelregistrering' } });

// Commands

type Data<T extends DeltagandeCommand['type']> = Extract<DeltagandeCommand, { type: T }>['data'];
const command =
  <T extends DeltagandeCommand['type']>(type: T, defaults: Data<T>) =>
  (data: Partial<Data<T>> = {}, ctx: DeltagandeContext = context()): DeltagandeCommand =>
    ({ type, data: { ...defaults, ...data }, context: ctx }) as DeltagandeCommand;

const REMISS_DATA: RegistreraRemiss['data'] = {
  deltagandeId: DELTAGANDE_ID,
  insatsId: INSATS_ID,
  datum: '2024-09-02',
  remittent: 'af',
  person: { kon: 'kvinna', fodelsear: 1990, kommun: '0114' },
};
const registreraRemiss = command('RegistreraRemiss', REMISS_DATA);
const remissMedPerson = (person: Partial<RegistreraRemiss['data']['person']>, ctx = context()) =>
  registreraRemiss({ person: { ...REMISS_DATA.person, ...person } }, ctx);
const aterremittera = command('Aterremittera', { datum: '2024-09-10', orsak: 'Fel målgrupp' });
const skrivIn = command('SkrivIn', INSKRIVNING);
const avsluta = command('Avsluta', AVSLUT);
const registreraUppfoljning = command('RegistreraUppfoljning', UPPFOLJNING);
const korrigeraRemiss = command('KorrigeraRemiss', { orsak: 'Felregistrerat' });
const korrigeraInskrivning = command('KorrigeraInskrivning', { orsak: 'Felregistrerat' });
const korrigeraAvslut = command('KorrigeraAvslut', { orsak: 'Felregistrerat' });
const korrigeraPersonuppgifter = command('KorrigeraPersonuppgifter', { orsak: 'Felregistrerat' });
const aterkallaAvslut = command('AterkallaAvslut', { orsak: 'Avslutad av misstag' });
const makulera = command('Makulera', { orsak: 'Dubbelregistrering' });

const decide = (cmd: DeltagandeCommand, state: Deltagande): DeltagandeEvent[] =>
  decideDeltagande(cmd, state);

const errorCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
};
const rejects = (cmd: DeltagandeCommand, state: Deltagande): string =>
  errorCode(() => decide(cmd, state));

describe('RegistreraRemiss', () => {
  it('records the remiss with the person and no personId', () => {
    expect(
      decide(registreraRemiss({ remittentEnhet: ' AF Haninge ' }), initialDeltagande()),
    ).toEqual([
      {
        type: 'RemissMottagen',
        data: {
          deltagandeId: DELTAGANDE_ID,
          insatsId: INSATS_ID,
          datum: '2024-09-02',
          remittent: 'af',
          remittentEnhet: 'AF Haninge',
          person: { kon: 'kvinna', fodelsear: 1990, kommun: '0114', personId: null },
        },
      },
    ]);
  });

  it('enrols directly: RemissMottagen and DeltagareInskriven together', () => {
    const events = decide(
      registreraRemiss({
        datum: '2024-09-16',
        inskrivning: { ...INSKRIVNING, forsorjning: ['studiestod', 'a-kassa'] },
      }),
      initialDeltagande(),
    );
    expect(events.map((e) => e.type)).toEqual(['RemissMottagen', 'DeltagareInskriven']);
    expect(events[1]).toEqual({
      type: 'DeltagareInskriven',
      data: { ...INSKRIVNING, forsorjning: ['a-kassa', 'studiestod'] },
    });
  });

  it('applies the inskrivning rules to a direct enrolment', () => {
    const cmd = registreraRemiss({ inskrivning: { ...INSKRIVNING, datum: '2024-09-01' } });
    expect(rejects(cmd, initialDeltagande())).toBe('DELTAGANDE.INSKRIVNING_FORE_REMISS');
  });

  it('rejects a second remiss', () => {
    expect(rejects(registreraRemiss(), remitterad())).toBe('DELTAGANDE.REMISS_FINNS_REDAN');
  });

  it('rejects a remiss to a volyminsats', () => {
    const ctx = context({ insats: { matmetod: 'volym' } });
    expect(rejects(registreraRemiss({}, ctx), initialDeltagande())).toBe('DELTAGANDE.VOLYMINSATS');
  });

  it('accepts a remiss to an insats with a slutdatum that is not avslutad', () => {
    const ctx = context({ insats: { slutdatum: '2025-12-31' } });
    expect(decide(registreraRemiss({}, ctx), initialDeltagande())).toHaveLength(1);
  });

  it('rejects a remiss to an avslutad insats', () => {
    const ctx = context({ insats: { slutdatum: '2025-12-31', avslutad: true } });
    expect(rejects(registreraRemiss({}, ctx), initialDeltagande())).toBe(
      'DELTAGANDE.INSATS_AVSLUTAD',
    );
  });

  it('accepts a registered person without another open deltagande in the insats', () => {
    const events = decide(remissMedPerson({ personId: 'person-1' }), initialDeltagande());
    expect(events[0]?.data).toMatchObject({ person: { personId: 'person-1' } });
  });

  it('rejects a person who already has an open deltagande in the insats', () => {
    const ctx = context({ personHarOppetDeltagandeIInsatsen: true });
    expect(rejects(remissMedPerson({ personId: 'person-1' }, ctx), initialDeltagande())).toBe(
      'DELTAGANDE.OPPET_DELTAGANDE_FINNS',
    );
  });

  describe('a person is one person', () => {
    const tidigare = (kon: Person['kon'][], fodelsear: number[]) => ({
      ...context(),
      personensUppgifter: { kon, fodelsear },
    });
    const refusal = (cmd: DeltagandeCommand): DomainError => {
      try {
        decide(cmd, initialDeltagande());
      } catch (error) {
        if (error instanceof DomainError) return error;
      }
      throw new Error('expected a DomainError');
    };

    it('accepts a deltagande with the kön and födelseår of the earlier ones', () => {
      const ctx = tidigare(['kvinna'], [1990]);
      expect(
        decide(remissMedPerson({ personId: 'person-1' }, ctx), initialDeltagande()),
      ).toHaveLength(1);
    });

    it('refuses another kön than the earlier deltagandens, naming it', () => {
      const error = refusal(
        remissMedPerson({ personId: 'person-1', kon: 'man' }, tidigare(['kvinna'], [1990])),
      );
      expect({ code: error.code, message: error.message, details: error.details }).toEqual({
        code: 'PERSON.UPPGIFTER_SKILJER_SIG',
        message:
          'Personen är registrerad med kön Kvinna i sina tidigare deltaganden (här angivet: Man); korrigera personuppgifterna om de är fel',
        details: { falt: 'kon', tidigare: 'kvinna', angivet: 'man' },
      });
    });

    it('refuses another födelseår than the earlier deltagandens, naming it', () => {
      const error = refusal(
        remissMedPerson({ personId: 'person-1', fodelsear: 1991 }, tidigare(['kvinna'], [1990])),
      );
      expect({ code: error.code, message: error.message, details: error.details }).toEqual({
        code: 'PERSON.UPPGIFTER_SKILJER_SIG',
        message:
          'Personen är registrerad med födelseår 1990 i sina tidigare deltaganden (här angivet: 1991); korrigera personuppgifterna om de är fel',
        details: { falt: 'fodelsear', tidigare: 1990, angivet: 1991 },
      });
    });

    it('refuses while earlier deltaganden disagree among themselves, until corrected', () => {
      expect(
        rejects(
          remissMedPerson({ personId: 'person-1' }, tidigare(['kvinna', 'man'], [1990])),
          initialDeltagande(),
        ),
      ).toBe('PERSON.UPPGIFTER_SKILJER_SIG');
    });

    it('accepts any kön and födelseår for a person without earlier deltaganden', () => {
      const ctx = tidigare([], []);
      expect(
        decide(remissMedPerson({ personId: 'person-1', kon: 'man' }, ctx), initialDeltagande()),
      ).toHaveLength(1);
    });
  });

  it('rejects details of another insats', () => {
    expect(rejects(registreraRemiss({ insatsId: 'insats-2' }), initialDeltagande())).toBe(
      'DELTAGANDE.FEL_INSATS',
    );
  });

  it('accepts a remiss dated today', () => {
    expect(decide(registreraRemiss({ datum: IDAG }), initialDeltagande())).toHaveLength(1);
  });

  it('rejects a remiss dated in the future', () => {
    expect(rejects(registreraRemiss({ datum: '2025-07-01' }), initialDeltagande())).toBe(
      'DELTAGANDE.DATUM_I_FRAMTIDEN',
    );
  });

  it('rejects a date that is not in the calendar', () => {
    expect(rejects(registreraRemiss({ datum: '2025-02-29' }), initialDeltagande())).toBe(
      'DELTAGANDE.OGILTIGT_DATUM',
    );
  });

  it('accepts a remiss on the insats startdatum and slutdatum', () => {
    const ctx = context({ insats: { slutdatum: '2024-12-31' } });
    expect(
      decide(registreraRemiss({ datum: '2024-01-01' }, ctx), initialDeltagande()),
    ).toHaveLength(1);
    expect(
      decide(registreraRemiss({ datum: '2024-12-31' }, ctx), initialDeltagande()),
    ).toHaveLength(1);
  });

  it('rejects a remiss before the insats started', () => {
    expect(rejects(registreraRemiss({ datum: '2023-12-31' }), initialDeltagande())).toBe(
      'DELTAGANDE.DATUM_UTANFOR_INSATS',
    );
  });

  it('rejects a remiss after the insats slutdatum', () => {
    const ctx = context({ insats: { slutdatum: '2024-08-31' } });
    expect(rejects(registreraRemiss({}, ctx), initialDeltagande())).toBe(
      'DELTAGANDE.DATUM_UTANFOR_INSATS',
    );
  });

  it.each([
    [2008, 16],
    [1960, 64],
  ])('accepts a person born %d (%d at remiss)', (fodelsear) => {
    expect(decide(remissMedPerson({ fodelsear }), initialDeltagande())).toHaveLength(1);
  });

  it.each([
    [2009, 15],
    [1959, 65],
  ])('rejects a person born %d (%d at remiss)', (fodelsear) => {
    expect(rejects(remissMedPerson({ fodelsear }), initialDeltagande())).toBe(
      'DELTAGANDE.ALDER_UTANFOR_MALGRUPP',
    );
  });

  it('rejects a födelseår that is not a whole year', () => {
    expect(rejects(remissMedPerson({ fodelsear: 1990.5 }), initialDeltagande())).toBe(
      'DELTAGANDE.OGILTIGT_FODELSEAR',
    );
  });

  it.each(['kvinna', 'man', 'ej-angivet'] as const)('accepts kön %s', (kon) => {
    expect(decide(remissMedPerson({ kon }), initialDeltagande())).toHaveLength(1);
  });

  it('rejects an unknown kön', () => {
    expect(rejects(remissMedPerson({ kon: 'k' as never }), initialDeltagande())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });

  it('rejects an unknown remittent', () => {
    expect(rejects(registreraRemiss({ remittent: 'polisen' as never }), initialDeltagande())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });

  it('rejects an unknown kommunkod', () => {
    expect(rejects(remissMedPerson({ kommun: '0100' }), initialDeltagande())).toBe(
      'DELTAGANDE.OKAND_KOMMUN',
    );
  });
});

describe('Aterremittera', () => {
  it('returns the remiss with a trimmed orsak', () => {
    expect(decide(aterremittera({ orsak: ' Fel målgrupp ' }), remitterad())).toEqual([
      { type: 'RemissAterremitterad', data: { datum: '2024-09-10', orsak: 'Fel målgrupp' } },
    ]);
  });

  it('accepts an återremiss on the remiss date', () => {
    expect(decide(aterremittera({ datum: '2024-09-02' }), remitterad())).toHaveLength(1);
  });

  it('rejects an återremiss before the remiss', () => {
    expect(rejects(aterremittera({ datum: '2024-09-01' }), remitterad())).toBe(
      'DELTAGANDE.ATERREMISS_FORE_REMISS',
    );
  });

  it('rejects an empty orsak', () => {
    expect(rejects(aterremittera({ orsak: '  ' }), remitterad())).toBe('DELTAGANDE.ORSAK_SAKNAS');
  });

  it('rejects an återremiss in the future', () => {
    expect(rejects(aterremittera({ datum: '2025-07-01' }), remitterad())).toBe(
      'DELTAGANDE.DATUM_I_FRAMTIDEN',
    );
  });

  it('rejects an återremiss after the insats slutdatum', () => {
    const ctx = context({ insats: { slutdatum: '2024-09-05' } });
    expect(rejects(aterremittera({}, ctx), remitterad())).toBe('DELTAGANDE.DATUM_UTANFOR_INSATS');
  });

  it('rejects an återremiss of an inskriven deltagare', () => {
    expect(rejects(aterremittera(), inskriven())).toBe('DELTAGANDE.REDAN_INSKRIVEN');
  });

  it('rejects a second återremiss', () => {
    expect(rejects(aterremittera(), aterremitterad())).toBe('DELTAGANDE.ATERREMITTERAT');
  });

  it('rejects an återremiss without a remiss', () => {
    expect(rejects(aterremittera(), initialDeltagande())).toBe('DELTAGANDE.FINNS_INTE');
  });
});

describe('SkrivIn', () => {
  it('enrols the deltagare with försörjning in code-list order', () => {
    expect(
      decide(skrivIn({ forsorjning: ['forsorjningsstod', 'sjuk-rehabpenning'] }), remitterad()),
    ).toEqual([
      {
        type: 'DeltagareInskriven',
        data: { ...INSKRIVNING, forsorjning: ['sjuk-rehabpenning', 'forsorjningsstod'] },
      },
    ]);
  });

  it('accepts an inskrivning on the remiss date', () => {
    expect(decide(skrivIn({ datum: '2024-09-02' }), remitterad())).toHaveLength(1);
  });

  it('rejects an inskrivning before the remiss', () => {
    expect(rejects(skrivIn({ datum: '2024-09-01' }), remitterad())).toBe(
      'DELTAGANDE.INSKRIVNING_FORE_REMISS',
    );
  });

  it('rejects an inskrivning in the future', () => {
    expect(rejects(skrivIn({ datum: '2025-07-01' }), remitterad())).toBe(
      'DELTAGANDE.DATUM_I_FRAMTIDEN',
    );
  });

  it('rejects an inskrivning after the insats slutdatum', () => {
    const ctx = context({ insats: { slutdatum: '2024-09-15', avslutad: true } });
    expect(rejects(skrivIn({}, ctx), remitterad())).toBe('DELTAGANDE.DATUM_UTANFOR_INSATS');
  });

  it('rejects enrolling an återremitterad deltagande', () => {
    expect(rejects(skrivIn(), aterremitterad())).toBe('DELTAGANDE.ATERREMITTERAT');
  });

  it('rejects enrolling twice', () => {
    expect(rejects(skrivIn(), inskriven())).toBe('DELTAGANDE.REDAN_INSKRIVEN');
    expect(rejects(skrivIn(), avslutad())).toBe('DELTAGANDE.REDAN_INSKRIVEN');
  });

  it('accepts 64 years at inskrivning', () => {
    const state = remitterad({ datum: '2024-12-01', person: { fodelsear: 1961 } });
    expect(decide(skrivIn({ datum: '2025-01-10' }), state)).toHaveLength(1);
  });

  it('rejects 65 years at inskrivning although 64 at remiss', () => {
    const state = remitterad({ datum: '2024-12-01', person: { fodelsear: 1960 } });
    expect(rejects(skrivIn({ datum: '2025-01-10' }), state)).toBe(
      'DELTAGANDE.ALDER_UTANFOR_MALGRUPP',
    );
  });

  it('rejects an unknown utbildningsnivå', () => {
    expect(rejects(skrivIn({ utbildningsniva: 'hog' as never }), remitterad())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });

  it('rejects an unknown tid i offentlig försörjning', () => {
    expect(rejects(skrivIn({ tidIOffentligForsorjning: '3-ar' as never }), remitterad())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });
});

describe('försörjning', () => {
  it.each([
    [['lon', 'ingen-offentlig']],
    [['okand']],
    [['sjukersattning', 'forsorjningsstod', 'lon']],
  ])('accepts %j', (forsorjning) => {
    expect(decide(skrivIn({ forsorjning: forsorjning as never }), remitterad())).toHaveLength(1);
  });

  it.each([
    [[], 'DELTAGANDE.FORSORJNING_SAKNAS'],
    [['bidrag'], 'DELTAGANDE.OKAND_KOD'],
    [['lon', 'lon'], 'DELTAGANDE.FORSORJNING_DUBBLETT'],
    [['ingen-offentlig', 'forsorjningsstod'], 'DELTAGANDE.FORSORJNING_MOTSAGELSE'],
    [['studiestod', 'ingen-offentlig'], 'DELTAGANDE.FORSORJNING_MOTSAGELSE'],
    [['okand', 'lon'], 'DELTAGANDE.FORSORJNING_OKAND_INTE_ENSAM'],
  ])('rejects %j with %s', (forsorjning, code) => {
    expect(rejects(skrivIn({ forsorjning: forsorjning as never }), remitterad())).toBe(code);
  });

  it('applies the same rules at avslut and uppföljning', () => {
    expect(rejects(avsluta({ forsorjning: [] }), inskriven())).toBe(
      'DELTAGANDE.FORSORJNING_SAKNAS',
    );
    expect(rejects(registreraUppfoljning({ forsorjning: ['okand', 'lon'] }), avslutad())).toBe(
      'DELTAGANDE.FORSORJNING_OKAND_INTE_ENSAM',
    );
  });
});

describe('Avsluta', () => {
  it('ends the deltagande', () => {
    expect(decide(avsluta(), inskriven())).toEqual([{ type: 'DeltagareAvslutad', data: AVSLUT }]);
  });

  it('accepts an avslut on the inskrivning date', () => {
    expect(decide(avsluta({ datum: '2024-09-16' }), inskriven())).toHaveLength(1);
  });

  it('rejects avslut before inskrivning', () => {
    expect(rejects(avsluta({ datum: '2024-09-15' }), inskriven())).toBe(
      'DELTAGANDE.AVSLUT_FORE_INSKRIVNING',
    );
  });

  it('rejects an avslut in the future', () => {
    expect(rejects(avsluta({ datum: '2025-07-01' }), inskriven())).toBe(
      'DELTAGANDE.DATUM_I_FRAMTIDEN',
    );
  });

  it('accepts an avslut on the insats slutdatum', () => {
    const ctx = context({ insats: { slutdatum: '2024-12-20', avslutad: true } });
    expect(decide(avsluta({}, ctx), inskriven())).toHaveLength(1);
  });

  it('rejects an avslut after the insats slutdatum', () => {
    const ctx = context({ insats: { slutdatum: '2024-12-19', avslutad: true } });
    expect(rejects(avsluta({}, ctx), inskriven())).toBe('DELTAGANDE.DATUM_UTANFOR_INSATS');
  });

  it('rejects avslut of a deltagare who is only remitterad', () => {
    expect(rejects(avsluta(), remitterad())).toBe('DELTAGANDE.INTE_INSKRIVEN');
  });

  it('rejects avslut of an återremitterad deltagande', () => {
    expect(rejects(avsluta(), aterremitterad())).toBe('DELTAGANDE.ATERREMITTERAT');
  });

  it('rejects a second avslut', () => {
    expect(rejects(avsluta(), avslutad())).toBe('DELTAGANDE.REDAN_AVSLUTAD');
  });

  it('rejects an unknown avslutsorsak', () => {
    expect(rejects(avsluta({ avslutsorsak: 'pension' as never }), inskriven())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });
});

describe('RegistreraUppfoljning', () => {
  it('records the uppföljning', () => {
    expect(decide(registreraUppfoljning(), avslutad())).toEqual([
      { type: 'UppfoljningRegistrerad', data: UPPFOLJNING },
    ]);
  });

  it('accepts an uppföljning after the insats slutdatum', () => {
    const ctx = context({ insats: { slutdatum: '2024-12-31', avslutad: true } });
    expect(decide(registreraUppfoljning({}, ctx), avslutad())).toHaveLength(1);
  });

  it('accepts an uppföljning on the avslut date', () => {
    expect(decide(registreraUppfoljning({ datum: '2024-12-20' }), avslutad())).toHaveLength(1);
  });

  it('rejects an uppföljning before the avslut', () => {
    expect(rejects(registreraUppfoljning({ datum: '2024-12-19' }), avslutad())).toBe(
      'DELTAGANDE.UPPFOLJNING_FORE_AVSLUT',
    );
  });

  it('rejects an uppföljning in the future', () => {
    expect(rejects(registreraUppfoljning({ datum: '2025-07-01' }), avslutad())).toBe(
      'DELTAGANDE.DATUM_I_FRAMTIDEN',
    );
  });

  it('rejects an uppföljning of a deltagare who is not avslutad', () => {
    expect(rejects(registreraUppfoljning(), inskriven())).toBe('DELTAGANDE.INTE_AVSLUTAD');
  });

  it('accepts 12 months after a 6-month uppföljning', () => {
    const state = avslutad({ uppfoljningar: [{}] });
    expect(
      decide(registreraUppfoljning({ manaderEfterAvslut: 12, datum: IDAG }), state),
    ).toHaveLength(1);
  });

  it('rejects a month other than 6 or 12', () => {
    expect(rejects(registreraUppfoljning({ manaderEfterAvslut: 3 as never }), avslutad())).toBe(
      'DELTAGANDE.OGILTIG_UPPFOLJNINGSTIDPUNKT',
    );
  });

  it('rejects a second uppföljning for the same month', () => {
    const state = avslutad({ uppfoljningar: [{}] });
    expect(rejects(registreraUppfoljning({ datum: IDAG }), state)).toBe(
      'DELTAGANDE.UPPFOLJNING_FINNS_REDAN',
    );
  });

  it('rejects an unknown sysselsättning', () => {
    expect(rejects(registreraUppfoljning({ sysselsattning: 'pension' as never }), avslutad())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });
});

describe('KorrigeraRemiss', () => {
  it('records only the fields that change', () => {
    expect(
      decide(
        korrigeraRemiss({ datum: '2024-09-02', remittent: 'fk', remittentEnhet: ' Lokalkontor ' }),
        inskriven(),
      ),
    ).toEqual([
      {
        type: 'RemissKorrigerad',
        data: { orsak: 'Felregistrerat', remittent: 'fk', remittentEnhet: 'Lokalkontor' },
      },
    ]);
  });

  it('rejects a correction that changes nothing', () => {
    expect(rejects(korrigeraRemiss({ datum: '2024-09-02', remittent: 'af' }), remitterad())).toBe(
      'DELTAGANDE.KORRIGERING_ANDRAR_INGET',
    );
  });

  it('rejects a correction without orsak', () => {
    expect(rejects(korrigeraRemiss({ orsak: ' ', remittent: 'fk' }), remitterad())).toBe(
      'DELTAGANDE.ORSAK_SAKNAS',
    );
  });

  it('accepts a remiss datum up to the inskrivning', () => {
    expect(decide(korrigeraRemiss({ datum: '2024-09-16' }), inskriven())).toHaveLength(1);
  });

  it('rejects a remiss datum after the inskrivning', () => {
    expect(rejects(korrigeraRemiss({ datum: '2024-09-17' }), inskriven())).toBe(
      'DELTAGANDE.INSKRIVNING_FORE_REMISS',
    );
  });

  it('accepts a correction of an återremitterad remiss', () => {
    expect(decide(korrigeraRemiss({ remittent: 'vard' }), aterremitterad())).toHaveLength(1);
  });

  it('rejects a remiss datum after the återremiss', () => {
    expect(rejects(korrigeraRemiss({ datum: '2024-09-11' }), aterremitterad())).toBe(
      'DELTAGANDE.ATERREMISS_FORE_REMISS',
    );
  });

  it('rejects a remiss datum that puts the age outside 16–64', () => {
    const state = remitterad({ datum: '2025-01-10', person: { fodelsear: 2009 } });
    expect(rejects(korrigeraRemiss({ datum: '2024-12-30' }), state)).toBe(
      'DELTAGANDE.ALDER_UTANFOR_MALGRUPP',
    );
  });

  it('rejects a remiss datum in the future', () => {
    expect(rejects(korrigeraRemiss({ datum: '2025-07-01' }), remitterad())).toBe(
      'DELTAGANDE.DATUM_I_FRAMTIDEN',
    );
  });

  it('rejects a remiss datum before the insats started', () => {
    expect(rejects(korrigeraRemiss({ datum: '2023-12-31' }), remitterad())).toBe(
      'DELTAGANDE.DATUM_UTANFOR_INSATS',
    );
  });

  it('rejects an unknown remittent', () => {
    expect(rejects(korrigeraRemiss({ remittent: 'x' as never }), remitterad())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });
});

describe('KorrigeraInskrivning', () => {
  it('records the changed försörjning in code-list order', () => {
    expect(
      decide(korrigeraInskrivning({ forsorjning: ['studiestod', 'a-kassa'] }), inskriven()),
    ).toEqual([
      {
        type: 'InskrivningKorrigerad',
        data: { orsak: 'Felregistrerat', forsorjning: ['a-kassa', 'studiestod'] },
      },
    ]);
  });

  it('treats the same försörjning in another order as no change', () => {
    const state = inskriven({ inskrivning: { forsorjning: ['a-kassa', 'studiestod'] } });
    expect(rejects(korrigeraInskrivning({ forsorjning: ['studiestod', 'a-kassa'] }), state)).toBe(
      'DELTAGANDE.KORRIGERING_ANDRAR_INGET',
    );
  });

  it('accepts a correction after avslut', () => {
    expect(decide(korrigeraInskrivning({ utbildningsniva: 'eftergymnasial' }), avslutad())).toEqual(
      [
        {
          type: 'InskrivningKorrigerad',
          data: { orsak: 'Felregistrerat', utbildningsniva: 'eftergymnasial' },
        },
      ],
    );
  });

  it('rejects a correction before inskrivning', () => {
    expect(rejects(korrigeraInskrivning({ utbildningsniva: 'okand' }), remitterad())).toBe(
      'DELTAGANDE.INTE_INSKRIVEN',
    );
  });

  it('accepts an inskrivning datum on the avslut date', () => {
    expect(decide(korrigeraInskrivning({ datum: '2024-12-20' }), avslutad())).toHaveLength(1);
  });

  it('rejects an inskrivning datum after the avslut', () => {
    expect(rejects(korrigeraInskrivning({ datum: '2024-12-21' }), avslutad())).toBe(
      'DELTAGANDE.AVSLUT_FORE_INSKRIVNING',
    );
  });

  it('rejects an inskrivning datum before the remiss', () => {
    expect(rejects(korrigeraInskrivning({ datum: '2024-09-01' }), inskriven())).toBe(
      'DELTAGANDE.INSKRIVNING_FORE_REMISS',
    );
  });

  it('rejects an inskrivning datum that puts the age outside 16–64', () => {
    const state = inskriven({
      remiss: { datum: '2024-12-01', person: { fodelsear: 1960 } },
      inskrivning: { datum: '2024-12-02' },
    });
    expect(rejects(korrigeraInskrivning({ datum: '2025-01-02' }), state)).toBe(
      'DELTAGANDE.ALDER_UTANFOR_MALGRUPP',
    );
  });

  it('rejects an invalid försörjning', () => {
    expect(
      rejects(korrigeraInskrivning({ forsorjning: ['ingen-offentlig', 'a-kassa'] }), inskriven()),
    ).toBe('DELTAGANDE.FORSORJNING_MOTSAGELSE');
  });

  it('rejects an unknown tid i offentlig försörjning', () => {
    expect(
      rejects(korrigeraInskrivning({ tidIOffentligForsorjning: 'x' as never }), inskriven()),
    ).toBe('DELTAGANDE.OKAND_KOD');
  });
});

describe('KorrigeraAvslut', () => {
  it('records the changed fields', () => {
    expect(
      decide(korrigeraAvslut({ datum: '2024-12-18', avslutsorsak: 'arbete' }), avslutad()),
    ).toEqual([
      { type: 'AvslutKorrigerad', data: { orsak: 'Felregistrerat', datum: '2024-12-18' } },
    ]);
  });

  it('rejects a correction of a deltagare who is not avslutad', () => {
    expect(rejects(korrigeraAvslut({ avslutsorsak: 'studier' }), inskriven())).toBe(
      'DELTAGANDE.INTE_AVSLUTAD',
    );
  });

  it('rejects an avslut datum before the inskrivning', () => {
    expect(rejects(korrigeraAvslut({ datum: '2024-09-15' }), avslutad())).toBe(
      'DELTAGANDE.AVSLUT_FORE_INSKRIVNING',
    );
  });

  it('accepts an avslut datum on the date of an uppföljning', () => {
    const state = avslutad({ uppfoljningar: [{ datum: '2025-01-10' }] });
    expect(decide(korrigeraAvslut({ datum: '2025-01-10' }), state)).toHaveLength(1);
  });

  it('rejects an avslut datum after an uppföljning', () => {
    const state = avslutad({ uppfoljningar: [{ datum: '2025-01-10' }] });
    expect(rejects(korrigeraAvslut({ datum: '2025-01-11' }), state)).toBe(
      'DELTAGANDE.UPPFOLJNING_FORE_AVSLUT',
    );
  });

  it('rejects an avslut datum after the insats slutdatum', () => {
    const ctx = context({ insats: { slutdatum: '2024-12-31', avslutad: true } });
    expect(rejects(korrigeraAvslut({ datum: '2025-01-02' }, ctx), avslutad())).toBe(
      'DELTAGANDE.DATUM_UTANFOR_INSATS',
    );
  });

  it('rejects an unknown avslutsorsak', () => {
    expect(rejects(korrigeraAvslut({ avslutsorsak: 'x' as never }), avslutad())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });
});

describe('KorrigeraPersonuppgifter', () => {
  it('records the changed personuppgifter', () => {
    expect(
      decide(
        korrigeraPersonuppgifter({ kon: 'man', fodelsear: 1990, kommun: '0115' }),
        inskriven(),
      ),
    ).toEqual([
      {
        type: 'PersonuppgifterKorrigerade',
        data: { orsak: 'Felregistrerat', kon: 'man', kommun: '0115' },
      },
    ]);
  });

  it('rejects a correction that changes nothing', () => {
    expect(rejects(korrigeraPersonuppgifter({ kon: 'kvinna' }), inskriven())).toBe(
      'DELTAGANDE.KORRIGERING_ANDRAR_INGET',
    );
  });

  it('accepts a födelseår that keeps the age within 16–64', () => {
    expect(decide(korrigeraPersonuppgifter({ fodelsear: 1960 }), inskriven())).toHaveLength(1);
  });

  it('rejects a födelseår that puts the age at remiss outside 16–64', () => {
    expect(rejects(korrigeraPersonuppgifter({ fodelsear: 1959 }), inskriven())).toBe(
      'DELTAGANDE.ALDER_UTANFOR_MALGRUPP',
    );
  });

  it('rejects a födelseår that is not a whole year', () => {
    expect(rejects(korrigeraPersonuppgifter({ fodelsear: 1990.5 }), inskriven())).toBe(
      'DELTAGANDE.OGILTIGT_FODELSEAR',
    );
  });

  it('rejects an unknown kommunkod', () => {
    expect(rejects(korrigeraPersonuppgifter({ kommun: '9999' }), inskriven())).toBe(
      'DELTAGANDE.OKAND_KOMMUN',
    );
  });

  it('rejects an unknown kön', () => {
    expect(rejects(korrigeraPersonuppgifter({ kon: 'x' as never }), inskriven())).toBe(
      'DELTAGANDE.OKAND_KOD',
    );
  });
});

describe('AterkallaAvslut', () => {
  it('recalls a mistaken avslut', () => {
    expect(decide(aterkallaAvslut(), avslutad())).toEqual([
      { type: 'AvslutAterkallat', data: { orsak: 'Avslutad av misstag' } },
    ]);
  });

  it('rejects recalling when the deltagare is not avslutad', () => {
    expect(rejects(aterkallaAvslut(), inskriven())).toBe('DELTAGANDE.INTE_AVSLUTAD');
  });

  it('rejects recalling an avslut that has an uppföljning', () => {
    expect(rejects(aterkallaAvslut(), avslutad({ uppfoljningar: [{}] }))).toBe(
      'DELTAGANDE.UPPFOLJNING_REGISTRERAD',
    );
  });

  it('rejects recalling when the person has another open deltagande in the insats', () => {
    const ctx = context({ personHarOppetDeltagandeIInsatsen: true });
    expect(rejects(aterkallaAvslut({}, ctx), avslutad())).toBe('DELTAGANDE.OPPET_DELTAGANDE_FINNS');
  });

  it('rejects recalling an avslut in an avslutad insats, which would reopen the deltagande', () => {
    const ctx = context({ insats: { slutdatum: '2024-12-31', avslutad: true } });
    expect(rejects(aterkallaAvslut({}, ctx), avslutad())).toBe('DELTAGANDE.INSATS_AVSLUTAD');
  });

  it('rejects an empty orsak', () => {
    expect(rejects(aterkallaAvslut({ orsak: '' }), avslutad())).toBe('DELTAGANDE.ORSAK_SAKNAS');
  });
});

describe('Makulera', () => {
  it.each([
    ['remitterad', remitterad],
    ['aterremitterad', () => aterremitterad()],
    ['inskriven', () => inskriven()],
    ['avslutad', () => avslutad({ uppfoljningar: [{}] })],
  ])('voids a %s deltagande', (_status, state) => {
    expect(decide(makulera({ orsak: ' Dubbelregistrering ' }), state())).toEqual([
      { type: 'DeltagandeMakulerat', data: { orsak: 'Dubbelregistrering' } },
    ]);
  });

  it('rejects an empty orsak', () => {
    expect(rejects(makulera({ orsak: '' }), inskriven())).toBe('DELTAGANDE.ORSAK_SAKNAS');
  });

  it('rejects voiding a deltagande that does not exist', () => {
    expect(rejects(makulera(), initialDeltagande())).toBe('DELTAGANDE.FINNS_INTE');
  });

  it.each([
    registreraRemiss(),
    aterremittera(),
    skrivIn(),
    avsluta(),
    registreraUppfoljning(),
    korrigeraRemiss({ remittent: 'fk' }),
    korrigeraPersonuppgifter({ kon: 'man' }),
    aterkallaAvslut(),
    makulera(),
  ])('rejects $type after makulering', (cmd) => {
    expect(rejects(cmd, makulerad())).toBe('DELTAGANDE.MAKULERAT');
  });
});

describe('the insats in the context', () => {
  it('must be the deltagande’s own insats', () => {
    const ctx = context({ insats: { insatsId: 'insats-2' } });
    expect(rejects(skrivIn({}, ctx), remitterad())).toBe('DELTAGANDE.FEL_INSATS');
  });
});

describe('evolveDeltagande', () => {
  it('starts as ny without facts', () => {
    expect(deltagandeDecider.initialState()).toEqual({
      status: 'ny',
      deltagandeId: null,
      insatsId: null,
      person: null,
      remiss: null,
      aterremiss: null,
      inskrivning: null,
      avslut: null,
      uppfoljningar: [],
      makulering: null,
    });
  });

  it('folds a whole course', () => {
    expect(avslutad({ uppfoljningar: [{}] })).toEqual({
      status: 'avslutad',
      deltagandeId: DELTAGANDE_ID,
      insatsId: INSATS_ID,
      person: PERSON,
      remiss: { datum: '2024-09-02', remittent: 'af', remittentEnhet: null },
      aterremiss: null,
      inskrivning: INSKRIVNING,
      avslut: AVSLUT,
      uppfoljningar: [UPPFOLJNING],
      makulering: null,
    });
  });

  it('folds a direct enrolment to inskriven', () => {
    const events = decide(
      registreraRemiss({ datum: '2024-09-16', inskrivning: INSKRIVNING }),
      initialDeltagande(),
    );
    const state = events.reduce(evolveDeltagande, initialDeltagande());
    expect(state.status).toBe('inskriven');
    expect(state.remiss?.datum).toBe('2024-09-16');
    expect(state.inskrivning).toEqual(INSKRIVNING);
  });

  it('records an återremiss', () => {
    expect(aterremitterad()).toMatchObject({
      status: 'aterremitterad',
      aterremiss: { datum: '2024-09-10', orsak: 'Fel målgrupp' },
    });
  });

  it('applies corrections to the corrected fields only', () => {
    const state = given(
      remissMottagen({ person: { personId: 'person-1' } }),
      deltagareInskriven(),
      deltagareAvslutad(),
      { type: 'RemissKorrigerad', data: { orsak: 'Fel', remittentEnhet: 'Lokalkontor' } },
      {
        type: 'InskrivningKorrigerad',
        data: { orsak: 'Fel', datum: '2024-09-20', forsorjning: ['a-kassa'] },
      },
      { type: 'AvslutKorrigerad', data: { orsak: 'Fel', avslutsorsak: 'studier' } },
      {
        type: 'PersonuppgifterKorrigerade',
        data: { orsak: 'Fel', fodelsear: 1991, kommun: '0115' },
      },
    );
    expect(state).toMatchObject({
      status: 'avslutad',
      person: { kon: 'kvinna', fodelsear: 1991, kommun: '0115', personId: 'person-1' },
      remiss: { datum: '2024-09-02', remittent: 'af', remittentEnhet: 'Lokalkontor' },
      inskrivning: { ...INSKRIVNING, datum: '2024-09-20', forsorjning: ['a-kassa'] },
      avslut: { ...AVSLUT, avslutsorsak: 'studier' },
    });
  });

  it('makes the deltagande inskriven again when the avslut is recalled', () => {
    const state = evolveDeltagande(avslutad(), {
      type: 'AvslutAterkallat',
      data: { orsak: 'Avslutad av misstag' },
    });
    expect(state).toEqual({ ...inskriven(), status: 'inskriven', avslut: null });
  });

  it('allows a new avslut after a recalled one', () => {
    const state = given(remissMottagen(), deltagareInskriven(), deltagareAvslutad(), {
      type: 'AvslutAterkallat',
      data: { orsak: 'Avslutad av misstag' },
    });
    expect(decide(avsluta({ datum: '2025-03-01' }), state)).toEqual([
      { type: 'DeltagareAvslutad', data: { ...AVSLUT, datum: '2025-03-01' } },
    ]);
  });

  it('keeps the facts and the status before makulering', () => {
    const before = inskriven();
    const state = evolveDeltagande(before, {
      type: 'DeltagandeMakulerat',
      data: { orsak: 'Dubbelregistrering' },
    });
    expect(state).toEqual({
      ...before,
      status: 'makulerad',
      makulering: { orsak: 'Dubbelregistrering', statusFore: 'inskriven' },
    });
  });

  it('does not mutate the previous state', () => {
    const before = inskriven();
    const copy = structuredClone(before);
    evolveDeltagande(before, deltagareAvslutad());
    evolveDeltagande(before, {
      type: 'InskrivningKorrigerad',
      data: { orsak: 'Fel', forsorjning: ['lon'] },
    });
    expect(before).toEqual(copy);
  });

  it('survives a JSON round trip, as the read model stores it', () => {
    const state = avslutad({ uppfoljningar: [{}] });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

/** Numbers and dates within what the read models store, as the HTTP layer's limits say. */
describe('values within API.md limits', () => {
  const thrown = (cmd: DeltagandeCommand, state: Deltagande): DomainError => {
    try {
      decide(cmd, state);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a DomainError');
  };
  // An insats from 1900: a remiss in 1915 of someone born 1899 keeps the age rule (16).
  const tidigInsats = context({ insats: { startdatum: '1900-01-01' } });
  const remiss1915 = (fodelsear: number): DeltagandeCommand =>
    registreraRemiss(
      { datum: '1915-06-01', person: { ...REMISS_DATA.person, fodelsear } },
      tidigInsats,
    );

  it('accepts a födelseår of 1900', () => {
    const remiss1916 = registreraRemiss(
      { datum: '1916-06-01', person: { ...REMISS_DATA.person, fodelsear: 1900 } },
      tidigInsats,
    );
    expect(decide(remiss1916, initialDeltagande())).toHaveLength(1);
  });

  it('rejects a födelseår before 1900 even when the age rule holds', () => {
    const error = thrown(remiss1915(1899), initialDeltagande());
    expect([error.code, error.message, error.details]).toEqual([
      'DELTAGANDE.OGILTIGT_FODELSEAR',
      'Födelseåret måste vara ett helt årtal från 1900 till och med 2100',
      { fodelsear: 1899 },
    ]);
  });

  it('rejects a corrected födelseår beyond 2100', () => {
    const error = thrown(korrigeraPersonuppgifter({ fodelsear: 2_147_483_648 }), inskriven());
    expect([error.code, error.message]).toEqual([
      'DELTAGANDE.OGILTIGT_FODELSEAR',
      'Födelseåret måste vara ett helt årtal från 1900 till och med 2100',
    ]);
  });

  it('rejects an uppföljning other than 6 or 12 months after avslut', () => {
    const error = thrown(
      registreraUppfoljning({ manaderEfterAvslut: 2_147_483_648 as 6 }),
      avslutad(),
    );
    expect([error.code, error.message]).toEqual([
      'DELTAGANDE.OGILTIG_UPPFOLJNINGSTIDPUNKT',
      'Uppföljning görs 6 eller 12 månader efter avslut',
    ]);
  });

  it('rejects a remissdatum in the year 0', () => {
    const error = thrown(
      registreraRemiss({ datum: '0000-06-01' }, context({ insats: { startdatum: '0001-01-01' } })),
      initialDeltagande(),
    );
    expect([error.code, error.message]).toEqual([
      'DELTAGANDE.OGILTIGT_DATUM',
      'Ogiltigt remissdatum: 0000-06-01',
    ]);
  });
});
