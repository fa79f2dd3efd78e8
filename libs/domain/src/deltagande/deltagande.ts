import { isCivilDate, yearOf, type CivilDate } from '../civil-date.js';
import {
  AVSLUTSORSAK,
  FORSORJNING,
  KON,
  KON_ETIKETT,
  MANADER_EFTER_AVSLUT,
  OFFENTLIGA_FORSORJNINGAR,
  REMITTENT,
  SYSSELSATTNING,
  TID_I_OFFENTLIG_FORSORJNING,
  UTBILDNINGSNIVA,
  isKod,
  type Avslutsorsak,
  type Forsorjning,
  type Kon,
  type ManaderEfterAvslut,
  type Matmetod,
  type Remittent,
  type Sysselsattning,
  type TidIOffentligForsorjning,
  type Utbildningsniva,
} from '../codes.js';
import type { Decider } from '../decider.js';
import { DomainError } from '../domain-error.js';
import { decodeDeltagandeEvent } from '../events/decode.js';
import { isKommunkod } from '../kommuner.js';
import { FODELSEAR, isHeltalMellan } from '../limits.js';

/* Decider for the stream `deltagande-<uuid>`: one person's course through one insats. */

export const DELTAGANDE_STATUS = [
  'ny',
  'remitterad',
  'aterremitterad',
  'inskriven',
  'avslutad',
  'makulerad',
] as const;
export type DeltagandeStatus = (typeof DELTAGANDE_STATUS)[number];

/** No direct identifier: `personId` only links deltaganden of a person registered with samtycke. */
export type Person = { kon: Kon; fodelsear: number; kommun: string; personId: string | null };
export type Remiss = { datum: CivilDate; remittent: Remittent; remittentEnhet: string | null };
export type Aterremiss = { datum: CivilDate; orsak: string };
export type Inskrivning = {
  datum: CivilDate;
  forsorjning: Forsorjning[];
  utbildningsniva: Utbildningsniva;
  tidIOffentligForsorjning: TidIOffentligForsorjning;
};
export type Avslut = { datum: CivilDate; avslutsorsak: Avslutsorsak; forsorjning: Forsorjning[] };
export type Uppfoljning = {
  datum: CivilDate;
  manaderEfterAvslut: ManaderEfterAvslut;
  sysselsattning: Sysselsattning;
  forsorjning: Forsorjning[];
};
export type Makulering = { orsak: string; statusFore: Exclude<DeltagandeStatus, 'makulerad'> };

/** Finsam's target group: age = the date's year − födelseår. */
export const MALGRUPP_ALDER = { fran: 16, till: 64 } as const;
export const alderVid = (fodelsear: number, datum: CivilDate): number => yearOf(datum) - fodelsear;

export type RemissMottagen = {
  type: 'RemissMottagen';
  data: { deltagandeId: string; insatsId: string; person: Person } & Remiss;
};
export type RemissAterremitterad = { type: 'RemissAterremitterad'; data: Aterremiss };
export type DeltagareInskriven = { type: 'DeltagareInskriven'; data: Inskrivning };
export type DeltagareAvslutad = { type: 'DeltagareAvslutad'; data: Avslut };
export type UppfoljningRegistrerad = { type: 'UppfoljningRegistrerad'; data: Uppfoljning };
/* Corrections carry only the fields that change, so the historik shows exactly what was corrected. */
export type RemissKorrigerad = {
  type: 'RemissKorrigerad';
  data: { orsak: string } & Partial<Remiss>;
};
export type InskrivningKorrigerad = {
  type: 'InskrivningKorrigerad';
  data: { orsak: string } & Partial<Inskrivning>;
};
export type AvslutKorrigerad = {
  type: 'AvslutKorrigerad';
  data: { orsak: string } & Partial<Avslut>;
};
export type Personuppgifter = Omit<Person, 'personId'>;
export type PersonuppgifterKorrigerade = {
  type: 'PersonuppgifterKorrigerade';
  data: { orsak: string } & Partial<Personuppgifter>;
};
export type AvslutAterkallat = { type: 'AvslutAterkallat'; data: { orsak: string } };
export type DeltagandeMakulerat = { type: 'DeltagandeMakulerat'; data: { orsak: string } };

export type DeltagandeEvent =
  | RemissMottagen
  | RemissAterremitterad
  | DeltagareInskriven
  | DeltagareAvslutad
  | UppfoljningRegistrerad
  | RemissKorrigerad
  | InskrivningKorrigerad
  | AvslutKorrigerad
  | PersonuppgifterKorrigerade
  | AvslutAterkallat
  | DeltagandeMakulerat;

/** What the decider needs to know about the deltagande's insats. */
export type InsatsSnapshot = {
  insatsId: string;
  startdatum: CivilDate;
  slutdatum: CivilDate | null;
  matmetod: Matmetod;
  avslutad: boolean;
};
export type DeltagandeContext = {
  idag: CivilDate;
  insats: InsatsSnapshot;
  /** Another open deltagande of the same registered person (personId) in this insats. */
  personHarOppetDeltagandeIInsatsen?: boolean;
  /**
   * Every kön and födelseår on the registered person's other, non-makulerade deltaganden:
   * they belong to the person, so a new deltagande must agree with them.
   */
  personensUppgifter?: { kon: readonly Kon[]; fodelsear: readonly number[] };
};

type Command<T extends string, D> = { type: T; data: D; context: DeltagandeContext };
export type RegistreraRemiss = Command<
  'RegistreraRemiss',
  {
    deltagandeId: string;
    insatsId: string;
    datum: CivilDate;
    remittent: Remittent;
    remittentEnhet?: string | null;
    person: Personuppgifter & { personId?: string | null };
    /** Direct enrolment: the remiss and the inskrivning are registered together. */
    inskrivning?: Inskrivning;
  }
>;
export type Aterremittera = Command<'Aterremittera', Aterremiss>;
export type SkrivIn = Command<'SkrivIn', Inskrivning>;
export type Avsluta = Command<'Avsluta', Avslut>;
export type RegistreraUppfoljning = Command<'RegistreraUppfoljning', Uppfoljning>;
export type KorrigeraRemiss = Command<'KorrigeraRemiss', RemissKorrigerad['data']>;
export type KorrigeraInskrivning = Command<'KorrigeraInskrivning', InskrivningKorrigerad['data']>;
export type KorrigeraAvslut = Command<'KorrigeraAvslut', AvslutKorrigerad['data']>;
export type KorrigeraPersonuppgifter = Command<
  'KorrigeraPersonuppgifter',
  PersonuppgifterKorrigerade['data']
>;
export type AterkallaAvslut = Command<'AterkallaAvslut', { orsak: string }>;
export type Makulera = Command<'Makulera', { orsak: string }>;

export type DeltagandeCommand =
  | RegistreraRemiss
  | Aterremittera
  | SkrivIn
  | Avsluta
  | RegistreraUppfoljning
  | KorrigeraRemiss
  | KorrigeraInskrivning
  | KorrigeraAvslut
  | KorrigeraPersonuppgifter
  | AterkallaAvslut
  | Makulera;

/** Plain JSON: the read model stores this very state, so write and read side cannot drift. */
export type Deltagande = {
  status: DeltagandeStatus;
  deltagandeId: string | null;
  insatsId: string | null;
  person: Person | null;
  remiss: Remiss | null;
  aterremiss: Aterremiss | null;
  inskrivning: Inskrivning | null;
  avslut: Avslut | null;
  uppfoljningar: Uppfoljning[];
  makulering: Makulering | null;
};

export const initialDeltagande = (): Deltagande => ({
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

export const evolveDeltagande = (state: Deltagande, event: DeltagandeEvent): Deltagande => {
  switch (event.type) {
    case 'RemissMottagen': {
      const { deltagandeId, insatsId, person, datum, remittent, remittentEnhet } = event.data;
      return {
        ...state,
        status: 'remitterad',
        deltagandeId,
        insatsId,
        person: { ...person },
        remiss: { datum, remittent, remittentEnhet },
      };
    }
    case 'RemissAterremitterad':
      return { ...state, status: 'aterremitterad', aterremiss: { ...event.data } };
    case 'DeltagareInskriven':
      return {
        ...state,
        status: 'inskriven',
        inskrivning: { ...event.data, forsorjning: [...event.data.forsorjning] },
      };
    case 'DeltagareAvslutad':
      return {
        ...state,
        status: 'avslutad',
        avslut: { ...event.data, forsorjning: [...event.data.forsorjning] },
      };
    case 'UppfoljningRegistrerad':
      return {
        ...state,
        uppfoljningar: [
          ...state.uppfoljningar,
          { ...event.data, forsorjning: [...event.data.forsorjning] },
        ],
      };
    case 'RemissKorrigerad': {
      const { remiss } = state;
      const d = event.data;
      if (!remiss) return state;
      return {
        ...state,
        remiss: {
          datum: d.datum ?? remiss.datum,
          remittent: d.remittent ?? remiss.remittent,
          remittentEnhet: d.remittentEnhet === undefined ? remiss.remittentEnhet : d.remittentEnhet,
        },
      };
    }
    case 'InskrivningKorrigerad': {
      const { inskrivning } = state;
      const d = event.data;
      if (!inskrivning) return state;
      return {
        ...state,
        inskrivning: {
          datum: d.datum ?? inskrivning.datum,
          forsorjning: [...(d.forsorjning ?? inskrivning.forsorjning)],
          utbildningsniva: d.utbildningsniva ?? inskrivning.utbildningsniva,
          tidIOffentligForsorjning:
            d.tidIOffentligForsorjning ?? inskrivning.tidIOffentligForsorjning,
        },
      };
    }
    case 'AvslutKorrigerad': {
      const { avslut } = state;
      const d = event.data;
      if (!avslut) return state;
      return {
        ...state,
        avslut: {
          datum: d.datum ?? avslut.datum,
          avslutsorsak: d.avslutsorsak ?? avslut.avslutsorsak,
          forsorjning: [...(d.forsorjning ?? avslut.forsorjning)],
        },
      };
    }
    case 'PersonuppgifterKorrigerade': {
      const { person } = state;
      const d = event.data;
      if (!person) return state;
      return {
        ...state,
        person: {
          kon: d.kon ?? person.kon,
          fodelsear: d.fodelsear ?? person.fodelsear,
          kommun: d.kommun ?? person.kommun,
          personId: person.personId,
        },
      };
    }
    case 'AvslutAterkallat':
      return { ...state, status: 'inskriven', avslut: null };
    case 'DeltagandeMakulerat':
      if (state.status === 'makulerad') return state;
      return {
        ...state,
        status: 'makulerad',
        makulering: { orsak: event.data.orsak, statusFore: state.status },
      };
  }
  const _exhaustive: never = event;
  return _exhaustive;
};

export const decideDeltagande = (
  command: DeltagandeCommand,
  state: Deltagande,
): DeltagandeEvent[] => {
  if (state.status === 'makulerad')
    throw new DomainError(
      'DELTAGANDE.MAKULERAT',
      'Deltagandet är makulerat; inget kan registreras efter makulering',
    );
  if (command.type === 'RegistreraRemiss') return registreraRemiss(command, state);
  if (state.status === 'ny')
    throw new DomainError('DELTAGANDE.FINNS_INTE', 'Deltagandet finns inte');
  if (state.insatsId !== command.context.insats.insatsId)
    throw new DomainError(
      'DELTAGANDE.FEL_INSATS',
      'Uppgifterna om insatsen gäller en annan insats än deltagandets',
      {
        insatsId: state.insatsId,
      },
    );

  switch (command.type) {
    case 'Aterremittera':
      return aterremittera(command, state);
    case 'SkrivIn':
      return skrivIn(command.data, command.context, state);
    case 'Avsluta':
      return avsluta(command, state);
    case 'RegistreraUppfoljning':
      return registreraUppfoljning(command, state);
    case 'KorrigeraRemiss':
      return korrigeraRemiss(command, state);
    case 'KorrigeraInskrivning':
      return korrigeraInskrivning(command, state);
    case 'KorrigeraAvslut':
      return korrigeraAvslut(command, state);
    case 'KorrigeraPersonuppgifter':
      return korrigeraPersonuppgifter(command, state);
    case 'AterkallaAvslut':
      return aterkallaAvslut(command, state);
    case 'Makulera':
      return [{ type: 'DeltagandeMakulerat', data: { orsak: requireOrsak(command.data.orsak) } }];
  }
  const _exhaustive: never = command;
  return _exhaustive;
};

export const deltagandeDecider: Decider<Deltagande, DeltagandeCommand, DeltagandeEvent> = {
  initialState: initialDeltagande,
  evolve: evolveDeltagande,
  decide: decideDeltagande,
  decode: decodeDeltagandeEvent,
};

const registreraRemiss = (
  { data, context }: RegistreraRemiss,
  state: Deltagande,
): DeltagandeEvent[] => {
  if (state.status !== 'ny')
    throw new DomainError('DELTAGANDE.REMISS_FINNS_REDAN', 'Deltagandet har redan en remiss');
  const { insats } = context;
  if (data.insatsId !== insats.insatsId)
    throw new DomainError(
      'DELTAGANDE.FEL_INSATS',
      'Uppgifterna om insatsen gäller en annan insats än remissens',
      {
        insatsId: data.insatsId,
      },
    );
  if (insats.matmetod !== 'individ')
    throw new DomainError(
      'DELTAGANDE.VOLYMINSATS',
      'En volyminsats räknas bara i antal och tar inte emot deltaganden',
    );
  if (insats.avslutad)
    throw new DomainError(
      'DELTAGANDE.INSATS_AVSLUTAD',
      'Insatsen är avslutad och tar inte emot nya remisser',
    );
  if (context.personHarOppetDeltagandeIInsatsen) throw oppetDeltagandeFinns();
  requireKod(REMITTENT, data.remittent, 'remittent');
  requireKod(KON, data.person.kon, 'kon');
  requireFodelsear(data.person.fodelsear);
  requireSammaPerson(data.person, context.personensUppgifter);
  requireKommun(data.person.kommun);
  requireDate(data.datum, 'remissdatum', context, true);

  const remiss: RemissMottagen = {
    type: 'RemissMottagen',
    data: {
      deltagandeId: data.deltagandeId,
      insatsId: data.insatsId,
      datum: data.datum,
      remittent: data.remittent,
      remittentEnhet: optionalText(data.remittentEnhet),
      person: {
        kon: data.person.kon,
        fodelsear: data.person.fodelsear,
        kommun: data.person.kommun,
        personId: data.person.personId ?? null,
      },
    },
  };
  checked(state, [remiss]);
  if (!data.inskrivning) return [remiss];
  return [remiss, ...skrivIn(data.inskrivning, context, evolveDeltagande(state, remiss))];
};

const aterremittera = ({ data, context }: Aterremittera, state: Deltagande): DeltagandeEvent[] => {
  requireRemitterad(state);
  const orsak = requireOrsak(data.orsak);
  requireDate(data.datum, 'återremissdatum', context, true);
  return checked(state, [{ type: 'RemissAterremitterad', data: { datum: data.datum, orsak } }]);
};

const skrivIn = (
  data: Inskrivning,
  context: DeltagandeContext,
  state: Deltagande,
): DeltagandeEvent[] => {
  requireRemitterad(state);
  const forsorjning = requireForsorjning(data.forsorjning);
  requireKod(UTBILDNINGSNIVA, data.utbildningsniva, 'utbildningsniva');
  requireKod(
    TID_I_OFFENTLIG_FORSORJNING,
    data.tidIOffentligForsorjning,
    'tidIOffentligForsorjning',
  );
  requireDate(data.datum, 'inskrivningsdatum', context, true);
  return checked(state, [
    {
      type: 'DeltagareInskriven',
      data: {
        datum: data.datum,
        forsorjning,
        utbildningsniva: data.utbildningsniva,
        tidIOffentligForsorjning: data.tidIOffentligForsorjning,
      },
    },
  ]);
};

const avsluta = ({ data, context }: Avsluta, state: Deltagande): DeltagandeEvent[] => {
  if (state.status === 'avslutad')
    throw new DomainError('DELTAGANDE.REDAN_AVSLUTAD', 'Deltagaren är redan avslutad');
  if (state.status === 'aterremitterad') throw aterremitterat();
  if (state.status !== 'inskriven') throw inteInskriven();
  const forsorjning = requireForsorjning(data.forsorjning);
  requireKod(AVSLUTSORSAK, data.avslutsorsak, 'avslutsorsak');
  requireDate(data.datum, 'avslutsdatum', context, true);
  return checked(state, [
    {
      type: 'DeltagareAvslutad',
      data: { datum: data.datum, avslutsorsak: data.avslutsorsak, forsorjning },
    },
  ]);
};

const registreraUppfoljning = (
  { data, context }: RegistreraUppfoljning,
  state: Deltagande,
): DeltagandeEvent[] => {
  if (state.status !== 'avslutad')
    throw inteAvslutad('Uppföljning kan bara registreras efter avslut');
  if (!isKod(MANADER_EFTER_AVSLUT, data.manaderEfterAvslut))
    throw new DomainError(
      'DELTAGANDE.OGILTIG_UPPFOLJNINGSTIDPUNKT',
      'Uppföljning görs 6 eller 12 månader efter avslut',
      { manaderEfterAvslut: data.manaderEfterAvslut },
    );
  if (state.uppfoljningar.some((u) => u.manaderEfterAvslut === data.manaderEfterAvslut))
    throw new DomainError(
      'DELTAGANDE.UPPFOLJNING_FINNS_REDAN',
      `Uppföljningen ${data.manaderEfterAvslut} månader efter avslut är redan registrerad`,
      { manaderEfterAvslut: data.manaderEfterAvslut },
    );
  const forsorjning = requireForsorjning(data.forsorjning);
  requireKod(SYSSELSATTNING, data.sysselsattning, 'sysselsattning');
  // Follow-up comes 6–12 months after exit, so it may well fall after the insats's slutdatum.
  requireDate(data.datum, 'uppföljningsdatum', context, false);
  return checked(state, [
    {
      type: 'UppfoljningRegistrerad',
      data: {
        datum: data.datum,
        manaderEfterAvslut: data.manaderEfterAvslut,
        sysselsattning: data.sysselsattning,
        forsorjning,
      },
    },
  ]);
};

const korrigeraRemiss = (
  { data, context }: KorrigeraRemiss,
  state: Deltagande,
): DeltagandeEvent[] => {
  const orsak = requireOrsak(data.orsak);
  const remiss = present(state.remiss);
  const changed = changedFields<Remiss>(
    {
      datum: data.datum,
      remittent: data.remittent,
      remittentEnhet:
        data.remittentEnhet === undefined ? undefined : optionalText(data.remittentEnhet),
    },
    remiss,
  );
  if (changed.remittent !== undefined) requireKod(REMITTENT, changed.remittent, 'remittent');
  if (changed.datum !== undefined) requireDate(changed.datum, 'remissdatum', context, true);
  return checked(state, [{ type: 'RemissKorrigerad', data: { orsak, ...changed } }]);
};

const korrigeraInskrivning = (
  { data, context }: KorrigeraInskrivning,
  state: Deltagande,
): DeltagandeEvent[] => {
  if (state.status !== 'inskriven' && state.status !== 'avslutad') throw inteInskriven();
  const orsak = requireOrsak(data.orsak);
  const changed = changedFields<Inskrivning>(
    {
      datum: data.datum,
      forsorjning:
        data.forsorjning === undefined ? undefined : requireForsorjning(data.forsorjning),
      utbildningsniva: data.utbildningsniva,
      tidIOffentligForsorjning: data.tidIOffentligForsorjning,
    },
    present(state.inskrivning),
  );
  if (changed.utbildningsniva !== undefined)
    requireKod(UTBILDNINGSNIVA, changed.utbildningsniva, 'utbildningsniva');
  if (changed.tidIOffentligForsorjning !== undefined)
    requireKod(
      TID_I_OFFENTLIG_FORSORJNING,
      changed.tidIOffentligForsorjning,
      'tidIOffentligForsorjning',
    );
  if (changed.datum !== undefined) requireDate(changed.datum, 'inskrivningsdatum', context, true);
  return checked(state, [{ type: 'InskrivningKorrigerad', data: { orsak, ...changed } }]);
};

const korrigeraAvslut = (
  { data, context }: KorrigeraAvslut,
  state: Deltagande,
): DeltagandeEvent[] => {
  if (state.status !== 'avslutad') throw inteAvslutad('Bara ett registrerat avslut kan korrigeras');
  const orsak = requireOrsak(data.orsak);
  const changed = changedFields<Avslut>(
    {
      datum: data.datum,
      avslutsorsak: data.avslutsorsak,
      forsorjning:
        data.forsorjning === undefined ? undefined : requireForsorjning(data.forsorjning),
    },
    present(state.avslut),
  );
  if (changed.avslutsorsak !== undefined)
    requireKod(AVSLUTSORSAK, changed.avslutsorsak, 'avslutsorsak');
  if (changed.datum !== undefined) requireDate(changed.datum, 'avslutsdatum', context, true);
  return checked(state, [{ type: 'AvslutKorrigerad', data: { orsak, ...changed } }]);
};

const korrigeraPersonuppgifter = (
  { data }: KorrigeraPersonuppgifter,
  state: Deltagande,
): DeltagandeEvent[] => {
  const orsak = requireOrsak(data.orsak);
  const person = present(state.person);
  const changed = changedFields<Personuppgifter>(
    { kon: data.kon, fodelsear: data.fodelsear, kommun: data.kommun },
    { kon: person.kon, fodelsear: person.fodelsear, kommun: person.kommun },
  );
  if (changed.kon !== undefined) requireKod(KON, changed.kon, 'kon');
  if (changed.fodelsear !== undefined) requireFodelsear(changed.fodelsear);
  if (changed.kommun !== undefined) requireKommun(changed.kommun);
  return checked(state, [{ type: 'PersonuppgifterKorrigerade', data: { orsak, ...changed } }]);
};

const aterkallaAvslut = (
  { data, context }: AterkallaAvslut,
  state: Deltagande,
): DeltagandeEvent[] => {
  if (state.status !== 'avslutad') throw inteAvslutad('Bara ett registrerat avslut kan återkallas');
  // Follow-ups describe life after the exit; without the exit they would describe nothing.
  if (state.uppfoljningar.length > 0)
    throw new DomainError(
      'DELTAGANDE.UPPFOLJNING_REGISTRERAD',
      'Avslutet kan inte återkallas när en uppföljning är registrerad',
    );
  // Reopening would leave an open deltagande in an insats that was ended with none.
  if (context.insats.avslutad)
    throw new DomainError(
      'DELTAGANDE.INSATS_AVSLUTAD',
      'Insatsen är avslutad; ett avslut i den kan inte återkallas',
    );
  if (context.personHarOppetDeltagandeIInsatsen) throw oppetDeltagandeFinns();
  return [{ type: 'AvslutAterkallat', data: { orsak: requireOrsak(data.orsak) } }];
};

/*
 * Rules between the facts of one deltagande. Checked on the state the new events would give,
 * so a correction is held to the same rules as the registration it corrects.
 */
const checked = (state: Deltagande, events: DeltagandeEvent[]): DeltagandeEvent[] => {
  const { remiss, aterremiss, inskrivning, avslut, uppfoljningar, person } = events.reduce(
    evolveDeltagande,
    state,
  );
  if (remiss && aterremiss && aterremiss.datum < remiss.datum)
    throw ordning(
      'DELTAGANDE.ATERREMISS_FORE_REMISS',
      'Återremissen kan inte vara före remissen',
      remiss.datum,
      aterremiss.datum,
    );
  if (remiss && inskrivning && inskrivning.datum < remiss.datum)
    throw ordning(
      'DELTAGANDE.INSKRIVNING_FORE_REMISS',
      'Inskrivningen kan inte vara före remissen',
      remiss.datum,
      inskrivning.datum,
    );
  if (inskrivning && avslut && avslut.datum < inskrivning.datum)
    throw ordning(
      'DELTAGANDE.AVSLUT_FORE_INSKRIVNING',
      'Avslutet kan inte vara före inskrivningen',
      inskrivning.datum,
      avslut.datum,
    );
  for (const uppfoljning of uppfoljningar) {
    if (avslut && uppfoljning.datum < avslut.datum)
      throw ordning(
        'DELTAGANDE.UPPFOLJNING_FORE_AVSLUT',
        'Uppföljningen kan inte vara före avslutet',
        avslut.datum,
        uppfoljning.datum,
      );
  }
  if (person && remiss) requireAlder(person.fodelsear, remiss.datum, 'remissen');
  if (person && inskrivning) requireAlder(person.fodelsear, inskrivning.datum, 'inskrivningen');
  return events;
};

const ordning = (code: string, message: string, fore: CivilDate, efter: CivilDate): DomainError =>
  new DomainError(code, `${message} (${efter} är före ${fore})`, { fore, efter });

const requireAlder = (fodelsear: number, datum: CivilDate, vid: string): void => {
  const alder = alderVid(fodelsear, datum);
  if (alder < MALGRUPP_ALDER.fran || alder > MALGRUPP_ALDER.till)
    throw new DomainError(
      'DELTAGANDE.ALDER_UTANFOR_MALGRUPP',
      `Deltagaren är ${alder} år vid ${vid}; Finsams målgrupp är ${MALGRUPP_ALDER.fran}–${MALGRUPP_ALDER.till} år`,
      { alder, fodelsear, datum },
    );
};

/** A date a command sets: a real date, not in the future, within the insats's start and (if asked) slut. */
const requireDate = (
  datum: CivilDate,
  falt: string,
  context: DeltagandeContext,
  inomSlutdatum: boolean,
): void => {
  // The HTTP layer checks the format first; this guards the event stream against anything else.
  if (typeof datum !== 'string' || !isCivilDate(datum))
    throw new DomainError('DELTAGANDE.OGILTIGT_DATUM', `Ogiltigt ${falt}: ${String(datum)}`, {
      falt,
      datum,
    });
  if (datum > context.idag)
    throw new DomainError(
      'DELTAGANDE.DATUM_I_FRAMTIDEN',
      `${capitalised(falt)} får inte vara i framtiden`,
      {
        falt,
        datum,
        idag: context.idag,
      },
    );
  const { startdatum, slutdatum } = context.insats;
  if (datum < startdatum)
    throw new DomainError(
      'DELTAGANDE.DATUM_UTANFOR_INSATS',
      `${capitalised(falt)} ${datum} är före insatsens startdatum ${startdatum}`,
      { falt, datum, startdatum },
    );
  if (inomSlutdatum && slutdatum !== null && datum > slutdatum)
    throw new DomainError(
      'DELTAGANDE.DATUM_UTANFOR_INSATS',
      `${capitalised(falt)} ${datum} är efter insatsens slutdatum ${slutdatum}`,
      { falt, datum, slutdatum },
    );
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Validated and in code-list order, so equal sets are equal arrays. */
const requireForsorjning = (koder: readonly string[]): Forsorjning[] => {
  if (!Array.isArray(koder) || koder.length === 0)
    throw new DomainError('DELTAGANDE.FORSORJNING_SAKNAS', 'Ange minst en försörjning');
  for (const kod of koder) requireKod(FORSORJNING, kod, 'forsorjning');
  if (new Set(koder).size !== koder.length)
    throw new DomainError(
      'DELTAGANDE.FORSORJNING_DUBBLETT',
      'Samma försörjning är angiven flera gånger',
      {
        forsorjning: koder,
      },
    );
  if (koder.includes('okand') && koder.length > 1)
    throw new DomainError(
      'DELTAGANDE.FORSORJNING_OKAND_INTE_ENSAM',
      'Försörjningen "Uppgift saknas" kan inte kombineras med annan försörjning',
      { forsorjning: koder },
    );
  if (
    koder.includes('ingen-offentlig') &&
    koder.some((kod) => isKod(OFFENTLIGA_FORSORJNINGAR, kod))
  )
    throw new DomainError(
      'DELTAGANDE.FORSORJNING_MOTSAGELSE',
      '"Ingen offentlig försörjning" kan inte kombineras med en offentlig försörjning',
      { forsorjning: koder },
    );
  return FORSORJNING.filter((kod) => koder.includes(kod));
};

const requireKod = (list: readonly string[], value: string, falt: string): void => {
  if (!isKod(list, value))
    throw new DomainError('DELTAGANDE.OKAND_KOD', `Okänd kod för ${falt}: ${String(value)}`, {
      falt,
      varde: value,
    });
};

const requireFodelsear = (fodelsear: number): void => {
  if (!isHeltalMellan(fodelsear, FODELSEAR.fran, FODELSEAR.till))
    throw new DomainError(
      'DELTAGANDE.OGILTIGT_FODELSEAR',
      `Födelseåret måste vara ett helt årtal från ${FODELSEAR.fran} till och med ${FODELSEAR.till}`,
      { fodelsear },
    );
};

const requireKommun = (kommun: string): void => {
  if (!isKommunkod(kommun))
    throw new DomainError('DELTAGANDE.OKAND_KOMMUN', `Okänd kommunkod: ${String(kommun)}`, {
      kommun,
    });
};

const requireOrsak = (orsak: string): string => {
  const trimmed = typeof orsak === 'string' ? orsak.trim() : '';
  if (trimmed === '') throw new DomainError('DELTAGANDE.ORSAK_SAKNAS', 'Ange en orsak');
  return trimmed;
};

const requireRemitterad = (state: Deltagande): void => {
  if (state.status === 'aterremitterad') throw aterremitterat();
  if (state.status === 'inskriven' || state.status === 'avslutad')
    throw new DomainError('DELTAGANDE.REDAN_INSKRIVEN', 'Deltagaren är redan inskriven');
};

/** Blank free text means "not given". */
const optionalText = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/** Keeps the fields that differ from the current value: a correction records only a change. */
const changedFields = <T extends Record<string, unknown>>(
  proposed: { [K in keyof T]?: T[K] | undefined },
  current: T,
): Partial<T> => {
  const changed: Partial<T> = {};
  for (const field of Object.keys(proposed) as (keyof T)[]) {
    const value = proposed[field];
    if (value !== undefined && !sameValue(value, current[field])) changed[field] = value;
  }
  if (Object.keys(changed).length === 0)
    throw new DomainError('DELTAGANDE.KORRIGERING_ANDRAR_INGET', 'Korrigeringen ändrar inget');
  return changed;
};

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((item, i) => item === b[i])
    : a === b;

/** A part of the state that the status guarantees; its absence means the stream is inconsistent. */
const present = <T>(value: T | null): T => {
  if (value === null)
    throw new DomainError(
      'DELTAGANDE.FINNS_INTE',
      'Deltagandet saknar uppgiften som ska korrigeras',
    );
  return value;
};

const aterremitterat = (): DomainError =>
  new DomainError(
    'DELTAGANDE.ATERREMITTERAT',
    'Remissen är återremitterad; deltagandet avslutades utan inskrivning',
  );

const inteInskriven = (): DomainError =>
  new DomainError('DELTAGANDE.INTE_INSKRIVEN', 'Deltagaren är inte inskriven');

const inteAvslutad = (message: string): DomainError =>
  new DomainError('DELTAGANDE.INTE_AVSLUTAD', `Deltagaren är inte avslutad. ${message}`);

/** A person is one person: kön and födelseår as on the person's earlier deltaganden. */
const requireSammaPerson = (
  person: Personuppgifter,
  tidigare: DeltagandeContext['personensUppgifter'],
): void => {
  const kon = tidigare?.kon.find((value) => value !== person.kon);
  if (kon !== undefined)
    throw uppgifterSkiljerSig(
      'kon',
      kon,
      person.kon,
      `kön ${KON_ETIKETT[kon]}`,
      KON_ETIKETT[person.kon],
    );
  const fodelsear = tidigare?.fodelsear.find((value) => value !== person.fodelsear);
  if (fodelsear !== undefined)
    throw uppgifterSkiljerSig(
      'fodelsear',
      fodelsear,
      person.fodelsear,
      `födelseår ${fodelsear}`,
      String(person.fodelsear),
    );
};

const uppgifterSkiljerSig = (
  falt: 'kon' | 'fodelsear',
  tidigare: string | number,
  angivet: string | number,
  registrerad: string,
  angivetText: string,
): DomainError =>
  new DomainError(
    'PERSON.UPPGIFTER_SKILJER_SIG',
    `Personen är registrerad med ${registrerad} i sina tidigare deltaganden (här angivet: ${angivetText}); korrigera personuppgifterna om de är fel`,
    { falt, tidigare, angivet },
  );

const oppetDeltagandeFinns = (): DomainError =>
  new DomainError(
    'DELTAGANDE.OPPET_DELTAGANDE_FINNS',
    'Personen har redan ett pågående deltagande i insatsen; en person kan ha högst ett öppet deltagande per insats',
  );
