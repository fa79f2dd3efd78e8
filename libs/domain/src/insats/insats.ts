import { isCivilDate, type CivilDate } from '../civil-date.js';
import { INRIKTNING, MATMETOD, isKod, type Inriktning, type Matmetod } from '../codes.js';
import { DomainError } from '../domain-error.js';
import { isHeltalMellan, MAX_ANTAL } from '../limits.js';

/* Decider for the stream `insats-<uuid>`. */

export type Arsmal = { deltagare: number; nyaDeltagare: number; andelArbeteStudier: number };

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
  };
};
export type ArsmalSatt = { type: 'ArsmalSatt'; data: { ar: number } & Arsmal };
export type InsatsAvslutad = { type: 'InsatsAvslutad'; data: { slutdatum: CivilDate } };
export type VolymRegistrerad = {
  type: 'VolymRegistrerad';
  data: {
    datum: CivilDate;
    kvinnor: number;
    man: number;
    ejAngivet: number;
    aktivitet: string | null;
  };
};
export type InsatsEvent =
  InsatsSkapad | InsatsAndrad | ArsmalSatt | InsatsAvslutad | VolymRegistrerad;

export type InsatsContext = { idag: CivilDate };

export type SkapaInsats = {
  type: 'SkapaInsats';
  data: InsatsSkapad['data'];
  context: InsatsContext;
};
export type AndraInsats = {
  type: 'AndraInsats';
  data: InsatsAndrad['data'];
  context: InsatsContext;
};
export type SattArsmal = { type: 'SattArsmal'; data: ArsmalSatt['data']; context: InsatsContext };
export type AvslutaInsats = {
  type: 'AvslutaInsats';
  data: InsatsAvslutad['data'];
  context: InsatsContext;
};
export type RegistreraVolym = {
  type: 'RegistreraVolym';
  data: VolymRegistrerad['data'];
  context: InsatsContext;
};
export type InsatsCommand =
  SkapaInsats | AndraInsats | SattArsmal | AvslutaInsats | RegistreraVolym;

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
  avslutad: boolean;
  arsmal: Record<number, Arsmal>;
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
  avslutad: false,
  arsmal: {},
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
      const { ar, ...mal } = event.data;
      return { ...state, arsmal: { ...state.arsmal, [ar]: mal } };
    }
    case 'InsatsAvslutad':
      return { ...state, avslutad: true, slutdatum: event.data.slutdatum };
    case 'VolymRegistrerad':
      // Volym is counted by the statistics, it changes nothing the decider needs.
      return state;
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
      return [{ type: 'InsatsAndrad', data: andrad(command.data, insats) }];
    case 'SattArsmal':
      return [{ type: 'ArsmalSatt', data: arsmal(command.data) }];
    case 'AvslutaInsats': {
      if (insats.avslutad)
        throw new DomainError('INSATS.REDAN_AVSLUTAD', 'Insatsen är redan avslutad');
      const { slutdatum } = command.data;
      requireDate(slutdatum, 'slutdatum');
      requireSlutAfterStart(insats.startdatum, slutdatum);
      return [{ type: 'InsatsAvslutad', data: { slutdatum } }];
    }
    case 'RegistreraVolym':
      return [{ type: 'VolymRegistrerad', data: volym(command.data, insats, command.context) }];
  }
  const _exhaustive: never = command;
  return _exhaustive;
};

export const insatsDecider = {
  initialState: initialInsats,
  evolve: evolveInsats,
  decide: decideInsats,
};

/** The state of an insats that exists, with the fields InsatsSkapad always sets. */
type ExistingInsats = Insats & { namn: string; matmetod: Matmetod; startdatum: CivilDate };

const existing = (state: Insats): ExistingInsats => {
  if (!state.exists || state.namn === null || state.matmetod === null || state.startdatum === null)
    throw new DomainError('INSATS.FINNS_INTE', 'Insatsen finns inte');
  return state as ExistingInsats;
};

const skapad = (data: InsatsSkapad['data']): InsatsSkapad['data'] => {
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
  };
};

const andrad = (data: InsatsAndrad['data'], insats: ExistingInsats): InsatsAndrad['data'] => {
  // An ended insats is history that reports rest on; its slutdatum came with InsatsAvslutad.
  if (insats.avslutad)
    throw new DomainError('INSATS.AVSLUTAD', 'En avslutad insats kan inte ändras');
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
  requireCount(data.deltagare, 'deltagare');
  requireCount(data.nyaDeltagare, 'nyaDeltagare');
  const andel = data.andelArbeteStudier;
  if (typeof andel !== 'number' || !Number.isFinite(andel) || andel < 0 || andel > 1)
    throw new DomainError(
      'INSATS.OGILTIG_ANDEL',
      'Andelen till arbete eller studier måste vara ett tal mellan 0 och 1',
      { andelArbeteStudier: andel },
    );
  return {
    ar: data.ar,
    deltagare: data.deltagare,
    nyaDeltagare: data.nyaDeltagare,
    andelArbeteStudier: andel,
  };
};

const volym = (
  data: VolymRegistrerad['data'],
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
  };
};

const requireNamn = (namn: string): string => {
  const trimmed = typeof namn === 'string' ? namn.trim() : '';
  if (trimmed === '') throw new DomainError('INSATS.NAMN_SAKNAS', 'Insatsen måste ha ett namn');
  return trimmed;
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
