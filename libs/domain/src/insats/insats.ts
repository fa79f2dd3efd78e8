import { isCivilDate, type CivilDate } from '../civil-date.js';
import { INRIKTNING, MATMETOD, isKod, type Inriktning, type Matmetod } from '../codes.js';
import type { Decider } from '../decider.js';
import { DomainError } from '../domain-error.js';
import { decodeInsatsEvent } from '../events/decode.js';
import { isKommunkod } from '../kommuner.js';
import { isHeltalMellan, MAX_ANTAL, MAX_KRONOR } from '../limits.js';
import { malOf, requireMal, type Mal, type MalBorttaget, type MalSatt } from '../mal/mal.js';

/* Decider for the stream `insats-<uuid>`. */

/**
 * The calendar-year goals of `PUT /insatser/:id/arsmal/:ar`. Each part is set on its own:
 * a part never set is absent, and setting one part keeps the others.
 */
export type Arsmal = { deltagare?: number; nyaDeltagare?: number; andelArbeteStudier?: number };
/** Kronor for one calendar year; a part never set is absent. */
export type Ekonomi = { budget?: number; kostnad?: number };

export type InsatsSkapad = {
  type: 'InsatsSkapad';
  data: {
    insatsId: string;
    forbundId: string;
    namn: string;
    inriktning: Inriktning;
    matmetod: Matmetod;
    startdatum: CivilDate;
    slutdatum: CivilDate | null;
    utforare: string | null;
    malgrupp: string | null;
    /** The program or project of several insatser it belongs to; reports subtotal per grupp. */
    grupp: string | null;
    /** The förbund's own place for it in every table (then namn); null sorts last. */
    ordning: number | null;
  };
};
/** Only the fields that changed. Matmetod is fixed: the insats's data is counted by it. */
export type InsatsAndrad = {
  type: 'InsatsAndrad';
  data: {
    namn?: string;
    inriktning?: Inriktning;
    startdatum?: CivilDate;
    slutdatum?: CivilDate | null;
    utforare?: string | null;
    malgrupp?: string | null;
    grupp?: string | null;
    ordning?: number | null;
  };
};
/** The parts given (at least one); the others keep their earlier value. */
export type ArsmalSatt = { type: 'ArsmalSatt'; data: { ar: number } & Arsmal };
/** The parts given (at least one); the other keeps its earlier value. */
export type EkonomiSatt = { type: 'EkonomiSatt'; data: { ar: number } & Ekonomi };
export type InsatsAvslutad = { type: 'InsatsAvslutad'; data: { slutdatum: CivilDate } };
export type VolymRegistrerad = {
  type: 'VolymRegistrerad';
  data: {
    datum: CivilDate;
    kvinnor: number;
    man: number;
    ejAngivet: number;
    aktivitet: string | null;
    /** Kommun code of the people counted, when the insats knows it. */
    kommun: string | null;
  };
};
export type InsatsEvent =
  | InsatsSkapad
  | InsatsAndrad
  | ArsmalSatt
  | InsatsAvslutad
  | VolymRegistrerad
  | MalSatt
  | MalBorttaget
  | EkonomiSatt;

export type InsatsContext = { idag: CivilDate };

export type SkapaInsats = {
  type: 'SkapaInsats';
  data: Omit<InsatsSkapad['data'], 'grupp' | 'ordning'> & {
    grupp?: string | null;
    ordning?: number | null;
  };
  context: InsatsContext;
};
export type AndraInsats = {
  type: 'AndraInsats';
  data: InsatsAndrad['data'];
  /**
   * A new slutdatum must not fall before a registration already made: the caller gives the
   * latest deltagande date (from the deltagande read model) whenever it moves the slutdatum.
   */
  context: InsatsContext & { senasteDeltagandedatum?: CivilDate | null };
};
export type SattArsmal = { type: 'SattArsmal'; data: ArsmalSatt['data']; context: InsatsContext };
/** What ending an insats must know about its deltaganden (from the deltagande read model). */
export type AvslutContext = InsatsContext & {
  /** Ids of the insats's deltaganden still open (remitterad or inskriven). */
  oppnaDeltaganden: readonly string[];
  /** The latest remiss, återremiss, inskrivning or avslut date among its deltaganden. */
  senasteDeltagandedatum: CivilDate | null;
};
export type AvslutaInsats = {
  type: 'AvslutaInsats';
  data: InsatsAvslutad['data'];
  context: AvslutContext;
};
export type RegistreraVolym = {
  type: 'RegistreraVolym';
  data: Omit<VolymRegistrerad['data'], 'kommun'> & { kommun?: string | null };
  context: InsatsContext;
};
export type SattMal = { type: 'SattMal'; data: MalSatt['data']; context: InsatsContext };
export type TaBortMal = { type: 'TaBortMal'; data: MalBorttaget['data']; context: InsatsContext };
export type SattEkonomi = {
  type: 'SattEkonomi';
  data: EkonomiSatt['data'];
  context: InsatsContext;
};
export type InsatsCommand =
  | SkapaInsats
  | AndraInsats
  | SattArsmal
  | AvslutaInsats
  | RegistreraVolym
  | SattMal
  | TaBortMal
  | SattEkonomi;

/** Plain JSON: the read model stores it as is. Årsmål are keyed by calendar year. */
export type Insats = {
  exists: boolean;
  insatsId: string | null;
  forbundId: string | null;
  namn: string | null;
  inriktning: Inriktning | null;
  matmetod: Matmetod | null;
  startdatum: CivilDate | null;
  slutdatum: CivilDate | null;
  utforare: string | null;
  malgrupp: string | null;
  grupp: string | null;
  ordning: number | null;
  avslutad: boolean;
  /** The latest date volym was registered for, so an avslut cannot come before it. */
  senasteVolymdatum: CivilDate | null;
  arsmal: Record<number, Arsmal>;
  /** The goals in force, by malId. */
  mal: Record<string, Mal>;
  ekonomi: Record<number, Ekonomi>;
};

export const initialInsats = (): Insats => ({
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

export const evolveInsats = (state: Insats, event: InsatsEvent): Insats => {
  switch (event.type) {
    case 'InsatsSkapad':
      return { ...state, ...event.data, exists: true };
    case 'InsatsAndrad': {
      const changed = Object.fromEntries(
        Object.entries(event.data).filter(([, value]) => value !== undefined),
      ) as InsatsAndrad['data'];
      return { ...state, ...changed };
    }
    case 'ArsmalSatt': {
      const { ar, ...parts } = event.data;
      return { ...state, arsmal: { ...state.arsmal, [ar]: { ...state.arsmal[ar], ...parts } } };
    }
    case 'EkonomiSatt': {
      const { ar, ...parts } = event.data;
      return { ...state, ekonomi: { ...state.ekonomi, [ar]: { ...state.ekonomi[ar], ...parts } } };
    }
    case 'MalSatt':
      return { ...state, mal: { ...state.mal, [event.data.malId]: malOf(event.data) } };
    case 'MalBorttaget': {
      const { [event.data.malId]: _removed, ...mal } = state.mal;
      return { ...state, mal };
    }
    case 'InsatsAvslutad':
      return { ...state, avslutad: true, slutdatum: event.data.slutdatum };
    case 'VolymRegistrerad': {
      // The counts are the statistics'; the decider needs only the latest date.
      const { datum } = event.data;
      const senaste = state.senasteVolymdatum;
      return senaste !== null && senaste >= datum ? state : { ...state, senasteVolymdatum: datum };
    }
  }
  const _exhaustive: never = event;
  return _exhaustive;
};

export const decideInsats = (command: InsatsCommand, state: Insats): InsatsEvent[] => {
  if (command.type === 'SkapaInsats') {
    if (state.exists) throw new DomainError('INSATS.FINNS_REDAN', 'Insatsen finns redan');
    return [{ type: 'InsatsSkapad', data: skapad(command.data) }];
  }
  const insats = existing(state);
  switch (command.type) {
    case 'AndraInsats':
      return [{ type: 'InsatsAndrad', data: andrad(command.data, insats, command.context) }];
    case 'SattArsmal':
      return [{ type: 'ArsmalSatt', data: arsmal(command.data) }];
    case 'AvslutaInsats':
      return [{ type: 'InsatsAvslutad', data: avslut(command.data, insats, command.context) }];
    case 'RegistreraVolym':
      return [{ type: 'VolymRegistrerad', data: volym(command.data, insats, command.context) }];
    case 'SattMal':
      return [{ type: 'MalSatt', data: requireMal(command.data) }];
    case 'TaBortMal':
      if (!Object.hasOwn(insats.mal, command.data.malId))
        throw new DomainError('MAL.FINNS_INTE', 'Målet finns inte', { malId: command.data.malId });
      return [{ type: 'MalBorttaget', data: { malId: command.data.malId } }];
    case 'SattEkonomi':
      return [{ type: 'EkonomiSatt', data: ekonomi(command.data) }];
  }
  const _exhaustive: never = command;
  return _exhaustive;
};

export const insatsDecider: Decider<Insats, InsatsCommand, InsatsEvent> = {
  initialState: initialInsats,
  evolve: evolveInsats,
  decide: decideInsats,
  decode: decodeInsatsEvent,
};

/** The state of an insats that exists, with the fields InsatsSkapad always sets. */
type ExistingInsats = Insats & { namn: string; matmetod: Matmetod; startdatum: CivilDate };

const existing = (state: Insats): ExistingInsats => {
  if (!state.exists || state.namn === null || state.matmetod === null || state.startdatum === null)
    throw new DomainError('INSATS.FINNS_INTE', 'Insatsen finns inte');
  return state as ExistingInsats;
};

const skapad = (data: SkapaInsats['data']): InsatsSkapad['data'] => {
  requireKod(INRIKTNING, data.inriktning, 'inriktning');
  requireKod(MATMETOD, data.matmetod, 'matmetod');
  requireDate(data.startdatum, 'startdatum');
  if (data.slutdatum !== null) {
    requireDate(data.slutdatum, 'slutdatum');
    requireSlutAfterStart(data.startdatum, data.slutdatum);
  }
  return {
    ...data,
    namn: requireNamn(data.namn),
    utforare: optionalText(data.utforare),
    malgrupp: optionalText(data.malgrupp),
    grupp: optionalText(data.grupp),
    ordning: optionalOrdning(data.ordning),
  };
};

/**
 * Ending is final: nothing open may be left behind, and nothing registered may fall after the
 * slutdatum, since no remiss, inskrivning or volym dated later is accepted afterwards.
 */
const avslut = (
  data: InsatsAvslutad['data'],
  insats: ExistingInsats,
  context: AvslutContext,
): InsatsAvslutad['data'] => {
  if (insats.avslutad) throw new DomainError('INSATS.REDAN_AVSLUTAD', 'Insatsen är redan avslutad');
  const { slutdatum } = data;
  requireDate(slutdatum, 'slutdatum');
  requireSlutAfterStart(insats.startdatum, slutdatum);
  if (slutdatum > context.idag)
    throw new DomainError(
      'INSATS.SLUTDATUM_I_FRAMTIDEN',
      'En insats avslutas tidigast samma dag; ett planerat slutdatum sätts genom att ändra insatsen',
      { slutdatum, idag: context.idag },
    );
  if (context.oppnaDeltaganden.length > 0)
    throw new DomainError(
      'INSATS.OPPNA_DELTAGANDEN',
      `Insatsen har ${context.oppnaDeltaganden.length} öppna deltaganden; avsluta eller återremittera dem först`,
      { oppnaDeltaganden: [...context.oppnaDeltaganden] },
    );
  requireNothingAfter(slutdatum, [context.senasteDeltagandedatum, insats.senasteVolymdatum]);
  return { slutdatum };
};

/** No remiss, inskrivning, avslut or volym may be dated after the insats's slutdatum. */
const requireNothingAfter = (
  slutdatum: CivilDate,
  registreringsdatum: readonly (CivilDate | null)[],
): void => {
  const senaste = registreringsdatum
    .filter((datum) => datum !== null)
    .sort()
    .at(-1);
  if (senaste !== undefined && senaste > slutdatum)
    throw new DomainError(
      'INSATS.REGISTRERAT_EFTER_SLUTDATUM',
      `Insatsen har registreringar daterade ${senaste}, efter slutdatum ${slutdatum}`,
      { slutdatum, senasteDatum: senaste },
    );
};

/** Fields that rest on the insats's dates; an ended insats keeps the ones it ended with. */
const DATUMFALT = ['inriktning', 'startdatum', 'slutdatum'] as const;

const andrad = (
  data: InsatsAndrad['data'],
  insats: ExistingInsats,
  context: AndraInsats['context'],
): InsatsAndrad['data'] => {
  // An ended insats is history that reports rest on: its dates stay, but a förbund may still
  // rename it or place it in a grupp and in its order for the reports.
  if (insats.avslutad && DATUMFALT.some((falt) => data[falt] !== undefined))
    throw new DomainError(
      'INSATS.AVSLUTAD',
      'En avslutad insats behåller sin inriktning, sitt startdatum och sitt slutdatum',
    );
  if (data.inriktning !== undefined) requireKod(INRIKTNING, data.inriktning, 'inriktning');
  if (data.startdatum !== undefined) requireDate(data.startdatum, 'startdatum');
  if (data.slutdatum !== undefined && data.slutdatum !== null)
    requireDate(data.slutdatum, 'slutdatum');
  const proposed: InsatsAndrad['data'] = {
    namn: data.namn === undefined ? undefined : requireNamn(data.namn),
    inriktning: data.inriktning,
    startdatum: data.startdatum,
    slutdatum: data.slutdatum,
    utforare: data.utforare === undefined ? undefined : optionalText(data.utforare),
    malgrupp: data.malgrupp === undefined ? undefined : optionalText(data.malgrupp),
    grupp: data.grupp === undefined ? undefined : optionalText(data.grupp),
    ordning: data.ordning === undefined ? undefined : optionalOrdning(data.ordning),
  };
  const changed = Object.fromEntries(
    Object.entries(proposed).filter(
      ([field, value]) =>
        value !== undefined && value !== insats[field as keyof InsatsAndrad['data']],
    ),
  ) as InsatsAndrad['data'];
  if (Object.keys(changed).length === 0)
    throw new DomainError('INSATS.ANDRAR_INGET', 'Ändringen ändrar inget');
  const slutdatum = changed.slutdatum === undefined ? insats.slutdatum : changed.slutdatum;
  if (slutdatum !== null) requireSlutAfterStart(changed.startdatum ?? insats.startdatum, slutdatum);
  if (changed.slutdatum !== undefined && changed.slutdatum !== null)
    requireNothingAfter(changed.slutdatum, [
      context.senasteDeltagandedatum ?? null,
      insats.senasteVolymdatum,
    ]);
  return changed;
};

const arsmal = (data: ArsmalSatt['data']): ArsmalSatt['data'] => {
  if (!Number.isInteger(data.ar) || data.ar < 2000 || data.ar > 2100)
    throw new DomainError(
      'INSATS.OGILTIGT_AR',
      'Årsmålets år måste vara ett helt år mellan 2000 och 2100',
      {
        ar: data.ar,
      },
    );
  const { deltagare, nyaDeltagare, andelArbeteStudier: andel } = data;
  if (deltagare === undefined && nyaDeltagare === undefined && andel === undefined)
    throw new DomainError('INSATS.ARSMAL_SAKNAS', 'Ange minst ett av årsmålets delar');
  if (deltagare !== undefined) requireCount(deltagare, 'deltagare');
  if (nyaDeltagare !== undefined) requireCount(nyaDeltagare, 'nyaDeltagare');
  if (
    andel !== undefined &&
    (typeof andel !== 'number' || !Number.isFinite(andel) || andel < 0 || andel > 1)
  )
    throw new DomainError(
      'INSATS.OGILTIG_ANDEL',
      'Andelen till arbete eller studier måste vara ett tal mellan 0 och 1',
      { andelArbeteStudier: andel },
    );
  return {
    ar: data.ar,
    ...(deltagare === undefined ? {} : { deltagare }),
    ...(nyaDeltagare === undefined ? {} : { nyaDeltagare }),
    ...(andel === undefined ? {} : { andelArbeteStudier: andel }),
  };
};

const ekonomi = (data: EkonomiSatt['data']): EkonomiSatt['data'] => {
  requireAr(data.ar);
  const { budget, kostnad } = data;
  if (budget === undefined && kostnad === undefined)
    throw new DomainError('INSATS.EKONOMI_SAKNAS', 'Ange budget, kostnad eller båda');
  if (budget !== undefined) requireKronor(budget, 'budget');
  if (kostnad !== undefined) requireKronor(kostnad, 'kostnad');
  return {
    ar: data.ar,
    ...(budget === undefined ? {} : { budget }),
    ...(kostnad === undefined ? {} : { kostnad }),
  };
};

const requireAr = (ar: number): void => {
  if (!isHeltalMellan(ar, 2000, 2100))
    throw new DomainError(
      'INSATS.OGILTIGT_AR',
      'Året måste vara ett helt år mellan 2000 och 2100',
      {
        ar,
      },
    );
};

const requireKronor = (kronor: number, falt: string): void => {
  if (!isHeltalMellan(kronor, 0, MAX_KRONOR))
    throw new DomainError(
      'INSATS.OGILTIGT_BELOPP',
      `${falt} måste vara ett helt antal kronor från 0 till och med 1 000 000 000`,
      { falt, varde: kronor, max: MAX_KRONOR },
    );
};

/** A place in the förbund's order: a whole number 0–10,000, or null for "after the others". */
const optionalOrdning = (ordning: number | null | undefined): number | null => {
  if (ordning === null || ordning === undefined) return null;
  if (!isHeltalMellan(ordning, 0, 10_000))
    throw new DomainError(
      'INSATS.OGILTIG_ORDNING',
      'Ordningen måste vara ett heltal från 0 till 10 000',
      {
        ordning,
      },
    );
  return ordning;
};

const volym = (
  data: RegistreraVolym['data'],
  insats: ExistingInsats,
  context: InsatsContext,
): VolymRegistrerad['data'] => {
  if (insats.matmetod !== 'volym')
    throw new DomainError(
      'INSATS.INTE_VOLYMINSATS',
      'Volym kan bara registreras på en volyminsats; den här insatsen följer upp deltaganden',
    );
  requireCount(data.kvinnor, 'kvinnor');
  requireCount(data.man, 'man');
  requireCount(data.ejAngivet, 'ejAngivet');
  requireDate(data.datum, 'datum');
  if (data.datum > context.idag)
    throw new DomainError('INSATS.DATUM_I_FRAMTIDEN', 'Datumet får inte vara i framtiden', {
      datum: data.datum,
      idag: context.idag,
    });
  if (
    data.datum < insats.startdatum ||
    (insats.slutdatum !== null && data.datum > insats.slutdatum)
  )
    throw new DomainError(
      'INSATS.DATUM_UTANFOR_INSATS',
      'Datumet ligger utanför insatsens start- och slutdatum',
      {
        datum: data.datum,
        startdatum: insats.startdatum,
        slutdatum: insats.slutdatum,
      },
    );
  return {
    datum: data.datum,
    kvinnor: data.kvinnor,
    man: data.man,
    ejAngivet: data.ejAngivet,
    aktivitet: optionalText(data.aktivitet),
    kommun: optionalKommun(data.kommun),
  };
};

const requireNamn = (namn: string): string => {
  const trimmed = typeof namn === 'string' ? namn.trim() : '';
  if (trimmed === '') throw new DomainError('INSATS.NAMN_SAKNAS', 'Insatsen måste ha ett namn');
  return trimmed;
};

const optionalKommun = (kommun: string | null | undefined): string | null => {
  if (kommun === null || kommun === undefined) return null;
  if (typeof kommun !== 'string' || !isKommunkod(kommun))
    throw new DomainError('INSATS.OKAND_KOMMUN', `Okänd kommunkod: ${String(kommun)}`, { kommun });
  return kommun;
};

/** Blank free text means "not given". */
const optionalText = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

const requireKod = (list: readonly string[], value: string, falt: string): void => {
  if (!isKod(list, value))
    throw new DomainError('INSATS.OKAND_KOD', `Okänd kod för ${falt}: ${String(value)}`, {
      falt,
      varde: value,
    });
};

// The HTTP layer checks the format first; this guards the event stream against anything else.
const requireDate = (datum: string, falt: string): void => {
  if (typeof datum !== 'string' || !isCivilDate(datum))
    throw new DomainError('INSATS.OGILTIGT_DATUM', `Ogiltigt datum för ${falt}: ${String(datum)}`, {
      falt,
      varde: datum,
    });
};

const requireSlutAfterStart = (startdatum: CivilDate, slutdatum: CivilDate): void => {
  if (slutdatum < startdatum)
    throw new DomainError(
      'INSATS.SLUT_FORE_START',
      'Insatsens slutdatum kan inte vara före startdatum',
      {
        startdatum,
        slutdatum,
      },
    );
};

/** Bounded by what the read models hold: a larger count would stop the projections. */
const requireCount = (antal: number, falt: string): void => {
  if (!isHeltalMellan(antal, 0, MAX_ANTAL))
    throw new DomainError(
      'INSATS.OGILTIGT_ANTAL',
      `${falt} måste vara ett heltal från 0 till och med 1 000 000`,
      { falt, varde: antal, max: MAX_ANTAL },
    );
};
