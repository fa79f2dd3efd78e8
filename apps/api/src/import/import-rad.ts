import {
  DomainError,
  deltagandeDecider,
  FODELSEAR,
  isCivilDate,
  KOMMUNER,
  isKommunkod,
  type Aterremiss,
  type Avslut,
  type DeltagandeCommand,
  type DeltagandeContext,
  type DeltagandeEvent,
  type Forsorjning,
  type Inskrivning,
  type Kon,
  type Remittent,
} from '#domain';
import personnummerModule from 'personnummer';
import { fritextProblem } from '../http/free-text.js';
import {
  AVSLUTSORSAK_LISTA,
  FORSORJNING_LISTA,
  KON_LISTA,
  kodFor,
  REMITTENT_LISTA,
  TID_LISTA,
  UTBILDNINGSNIVA_LISTA,
  type Kodlista,
} from './etiketter.js';
import { normaliseradText, RUBRIK, type Kolumn } from './kolumner.js';

const Personnummer = personnummerModule as unknown as typeof personnummerModule.default;

/**
 * A cell as the file gave it: text, a number, a date (XLSX date cells), nothing, or a value the
 * reader could not take (a formula without a stored result, an error cell).
 */
export type Cellvarde = string | number | Date | null | { readonly fel: string };
export type Radceller = Partial<Record<Kolumn, Cellvarde>>;

/** One problem, where the user will look for it: the file's row number and the column. */
export interface RadFel {
  readonly rad: number;
  readonly kolumn: string;
  readonly meddelande: string;
}

/** A row read into the domain's words; the insats is still as written (name or id). */
export interface ImportRad {
  readonly rad: number;
  readonly externtId: string;
  readonly insats: string;
  readonly person: { kon: Kon; fodelsear: number; kommun: string };
  readonly remiss: { datum: string; remittent: Remittent; remittentEnhet: string | null };
  readonly inskrivning: Inskrivning | null;
  readonly avslut: Avslut | null;
  readonly aterremiss: Aterremiss | null;
}

export const EXTERNT_ID_MAX = 100;
/** 10 or 12 digits with or without - or +: only these are asked of the (costly) Luhn check. */
const SER_UT_SOM_PERSONNUMMER = /^(\d{2})?\d{6}[-+]?[\dTRSUWXJKLMN]\d{3}$/;
const REMITTENT_ENHET_MAX = 200;

/** Excel's day 61 is 1900-03-01; every later serial counts days from 1899-12-30. */
const EXCEL_EPOK_MS = Date.UTC(1899, 11, 30);
const EXCEL_SERIE = { fran: 61, till: 2_958_465 } as const;
const DAG_MS = 86_400_000;

const DATUM = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/;

const KOMMUN_BY_NAMN = new Map(KOMMUNER.map((k) => [normaliseradText(k.namn), k.kod] as const));

/** Reads one data row. Every problem of the row is reported, not only the first. */
export const lasRad = (
  rad: number,
  celler: Radceller,
): { rad: ImportRad; fel?: undefined } | { fel: RadFel[] } => {
  const fel: RadFel[] = [];
  const problem = (kolumn: Kolumn, meddelande: string): undefined => {
    fel.push({ rad, kolumn: RUBRIK[kolumn], meddelande });
    return undefined;
  };

  /** Trimmed text, '' for an empty cell, undefined (reported) for a cell that is no text. */
  const text = (kolumn: Kolumn): string | undefined => {
    const cell = celler[kolumn] ?? null;
    if (cell === null) return '';
    if (typeof cell === 'object' && 'fel' in cell) return problem(kolumn, cell.fel);
    if (cell instanceof Date) return problem(kolumn, 'Ett datum passar inte här; ange text');
    if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
    return cell.trim();
  };
  const ifylld = (kolumn: Kolumn): boolean => {
    const cell = celler[kolumn] ?? null;
    return cell !== null && !(typeof cell === 'string' && cell.trim() === '');
  };
  const kravs = (kolumn: Kolumn, vad: string): undefined =>
    problem(kolumn, `${RUBRIK[kolumn]} saknas; ange ${vad}`);

  const fritext = (
    kolumn: Kolumn,
    options: { maxLength: number; multiline?: boolean },
  ): string | undefined => {
    const varde = text(kolumn);
    if (!varde) return undefined;
    const fritextFel = fritextProblem(varde, options);
    return fritextFel ? problem(kolumn, `${RUBRIK[kolumn]} ${fritextFel}`) : varde;
  };

  const kod = <K extends string>(kolumn: Kolumn, lista: Kodlista<K>): K | undefined => {
    const varde = text(kolumn);
    if (varde === undefined) return undefined;
    if (varde === '') return kravs(kolumn, lista.namn);
    return kodFor(lista, varde) ?? problem(kolumn, okandEtikett(lista, varde));
  };

  const datum = (kolumn: Kolumn): string | undefined => {
    const cell = celler[kolumn] ?? null;
    if (cell === null || (typeof cell === 'string' && cell.trim() === ''))
      return kravs(kolumn, 'ett datum ÅÅÅÅ-MM-DD');
    if (typeof cell === 'object' && 'fel' in cell) return problem(kolumn, cell.fel);
    const tolkat = datumFran(cell);
    return tolkat ?? problem(kolumn, `Ogiltigt datum "${visat(cell)}"; ange ÅÅÅÅ-MM-DD`);
  };

  const forsorjning = (kolumn: Kolumn): Forsorjning[] | undefined => {
    const varde = text(kolumn);
    if (varde === undefined) return undefined;
    const delar = varde
      .split(/[,;\n]/)
      .map((del) => del.trim())
      .filter(Boolean);
    if (delar.length === 0) return kravs(kolumn, 'minst en försörjning');
    const koder: Forsorjning[] = [];
    for (const del of delar) {
      const hittad = kodFor(FORSORJNING_LISTA, del);
      if (!hittad) return problem(kolumn, okandEtikett(FORSORJNING_LISTA, del));
      // Two wordings of one code ("Sjukpenning, Rehabiliteringspenning") are one försörjning.
      if (!koder.includes(hittad)) koder.push(hittad);
    }
    return koder;
  };

  const externtId = (): string | undefined => {
    const varde = fritext('externtId', { maxLength: EXTERNT_ID_MAX });
    if (varde === undefined)
      return text('externtId') === ''
        ? kravs('externtId', 'förbundets egen nyckel för raden')
        : undefined;
    // The id is stored in the clear in every event's metadata: never a person's identity.
    if (
      SER_UT_SOM_PERSONNUMMER.test(varde) &&
      Personnummer.valid(varde, { allowCoordinationNumber: true, allowInterimNumber: true })
    )
      return problem(
        'externtId',
        'Externt id får inte vara ett personnummer; använd en egen löpnummerserie',
      );
    return varde;
  };

  const fodelsear = (): number | undefined => {
    const varde = text('fodelsear');
    if (varde === undefined) return undefined;
    if (varde === '') return kravs('fodelsear', 'ett årtal ÅÅÅÅ');
    const ar = /^\d{4}$/.test(varde) ? Number(varde) : NaN;
    if (!(ar >= FODELSEAR.fran && ar <= FODELSEAR.till))
      return problem(
        'fodelsear',
        `Ogiltigt födelseår "${varde}"; ange ett årtal från ${FODELSEAR.fran} till ${FODELSEAR.till}`,
      );
    return ar;
  };

  const kommun = (): string | undefined => {
    const varde = text('kommun');
    if (varde === undefined) return undefined;
    if (varde === '') return kravs('kommun', 'kommunkod eller kommunnamn');
    // A code typed into a number cell loses its leading zero: 180 is Stockholm's 0180.
    const kod = /^\d{3,4}$/.test(varde) ? varde.padStart(4, '0') : undefined;
    if (kod) return isKommunkod(kod) ? kod : problem('kommun', `Okänd kommunkod "${varde}"`);
    const namn = normaliseradText(varde).replace(/ (kommun|stad)$/, '');
    return KOMMUN_BY_NAMN.get(namn) ?? problem('kommun', `Okänd kommun "${varde}"`);
  };

  /** Whether the row gives any part of a step (inskrivning, avslut, återremiss). */
  const grupp = (kolumner: readonly Kolumn[]): boolean => kolumner.some(ifylld);

  const row = {
    externtId: externtId(),
    insats: text('insats') || kravs('insats', 'insatsens namn eller id'),
    kon: kod('kon', KON_LISTA),
    fodelsear: fodelsear(),
    kommun: kommun(),
    remissdatum: datum('remissdatum'),
    remittent: kod('remittent', REMITTENT_LISTA),
    remittentEnhet: fritext('remittentEnhet', { maxLength: REMITTENT_ENHET_MAX }) ?? null,
  };

  let inskrivning: Inskrivning | null | undefined = null;
  if (
    grupp([
      'inskrivningsdatum',
      'forsorjningVidInskrivning',
      'utbildningsniva',
      'tidIOffentligForsorjning',
    ])
  ) {
    const delar = {
      datum: datum('inskrivningsdatum'),
      forsorjning: forsorjning('forsorjningVidInskrivning'),
      utbildningsniva: kod('utbildningsniva', UTBILDNINGSNIVA_LISTA),
      tidIOffentligForsorjning: kod('tidIOffentligForsorjning', TID_LISTA),
    };
    inskrivning = allaSatta(delar) ? delar : undefined;
  }

  let avslut: Avslut | null | undefined = null;
  if (grupp(['avslutsdatum', 'avslutsorsak', 'forsorjningVidAvslut'])) {
    if (inskrivning === null) {
      avslut = problem('avslutsdatum', 'Ett avslut kräver en inskrivning (Inskrivningsdatum)');
    } else {
      const delar = {
        datum: datum('avslutsdatum'),
        avslutsorsak: kod('avslutsorsak', AVSLUTSORSAK_LISTA),
        forsorjning: forsorjning('forsorjningVidAvslut'),
      };
      avslut = allaSatta(delar) ? delar : undefined;
    }
  }

  let aterremiss: Aterremiss | null | undefined = null;
  if (grupp(['aterremissdatum', 'aterremissorsak'])) {
    if (inskrivning !== null) {
      aterremiss = problem(
        'aterremissdatum',
        'En återremitterad remiss kan inte också ha en inskrivning; ta bort den ena',
      );
    } else {
      const orsak = fritext('aterremissorsak', { maxLength: 500, multiline: true });
      const delar = {
        datum: datum('aterremissdatum'),
        orsak:
          orsak ??
          (text('aterremissorsak') === '' ? kravs('aterremissorsak', 'en orsak') : undefined),
      };
      aterremiss = allaSatta(delar) ? delar : undefined;
    }
  }

  if (fel.length > 0) return { fel };
  return {
    rad: {
      rad,
      externtId: row.externtId!,
      insats: row.insats!,
      person: { kon: row.kon!, fodelsear: row.fodelsear!, kommun: row.kommun! },
      remiss: {
        datum: row.remissdatum!,
        remittent: row.remittent!,
        remittentEnhet: row.remittentEnhet,
      },
      inskrivning: inskrivning!,
      avslut: avslut!,
      aterremiss: aterremiss!,
    },
  };
};

const allaSatta = <T extends Record<string, unknown>>(
  delar: T,
): delar is { [K in keyof T]: Exclude<T[K], undefined> } =>
  Object.values(delar).every((del) => del !== undefined);

const okandEtikett = <K extends string>(lista: Kodlista<K>, varde: string): string =>
  `${lista.okand} ${lista.namn} "${varde}"; välj en av: ${lista.koder.map((k) => lista.etikett[k]).join(', ')}`;

const visat = (cell: string | number | Date): string =>
  cell instanceof Date ? cell.toISOString() : String(cell).trim();

/** ÅÅÅÅ-MM-DD, an Excel date cell, or an Excel serial day number; undefined if none of them. */
export const datumFran = (cell: string | number | Date): string | undefined => {
  if (cell instanceof Date) {
    const time = cell.getTime();
    return Number.isNaN(time) ? undefined : civilt(time);
  }
  if (typeof cell === 'number') return fromSerial(cell);
  const varde = cell.trim();
  const match = DATUM.exec(varde);
  if (match) return isCivilDate(match[1]!) ? match[1] : undefined;
  return /^\d{1,7}$/.test(varde) ? fromSerial(Number(varde)) : undefined;
};

const fromSerial = (serial: number): string | undefined => {
  if (!Number.isFinite(serial) || serial < EXCEL_SERIE.fran || serial > EXCEL_SERIE.till)
    return undefined;
  // A date with a time of day is still that day.
  return civilt(EXCEL_EPOK_MS + Math.floor(serial) * DAG_MS);
};

const civilt = (utcMs: number): string | undefined => {
  const text = new Date(utcMs).toISOString().slice(0, 10);
  return isCivilDate(text) ? text : undefined;
};

/** The events of one row, one list per command (as the API would have written them). */
export type RadHandelser = DeltagandeEvent[][];

/**
 * The row through the deltagande decider, command by command, exactly as the API would send
 * them: a remiss (with direct inskrivning when the row has one), then återremiss or avslut.
 * A broken rule becomes a problem in the column the rule is about.
 */
export const beslutaRad = (
  rad: ImportRad,
  deltagandeId: string,
  context: DeltagandeContext,
): { handelser: RadHandelser; fel?: undefined } | { fel: RadFel; handelser?: undefined } => {
  const kommandon: { steg: Steg; kommando: DeltagandeCommand }[] = [
    {
      steg: 'remiss',
      kommando: {
        type: 'RegistreraRemiss',
        data: {
          deltagandeId,
          insatsId: context.insats.insatsId,
          datum: rad.remiss.datum,
          remittent: rad.remiss.remittent,
          remittentEnhet: rad.remiss.remittentEnhet,
          person: { ...rad.person, personId: null },
          ...(rad.inskrivning ? { inskrivning: rad.inskrivning } : {}),
        },
        context,
      },
    },
  ];
  if (rad.aterremiss)
    kommandon.push({
      steg: 'aterremiss',
      kommando: { type: 'Aterremittera', data: rad.aterremiss, context },
    });
  if (rad.avslut)
    kommandon.push({ steg: 'avslut', kommando: { type: 'Avsluta', data: rad.avslut, context } });

  let state = deltagandeDecider.initialState();
  const handelser: RadHandelser = [];
  for (const { steg, kommando } of kommandon) {
    try {
      const events = deltagandeDecider.decide(kommando, state);
      state = events.reduce(deltagandeDecider.evolve, state);
      handelser.push(events);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return {
        fel: {
          rad: rad.rad,
          kolumn: RUBRIK[kolumnForRegel(error, steg)],
          meddelande: error.message,
        },
      };
    }
  }
  return { handelser };
};

type Steg = 'remiss' | 'aterremiss' | 'avslut';

const FALT_KOLUMN: Record<string, Kolumn> = {
  remissdatum: 'remissdatum',
  återremissdatum: 'aterremissdatum',
  inskrivningsdatum: 'inskrivningsdatum',
  avslutsdatum: 'avslutsdatum',
  remittent: 'remittent',
  kon: 'kon',
  utbildningsniva: 'utbildningsniva',
  tidIOffentligForsorjning: 'tidIOffentligForsorjning',
  avslutsorsak: 'avslutsorsak',
};

const REGEL_KOLUMN: Record<string, Kolumn> = {
  'DELTAGANDE.VOLYMINSATS': 'insats',
  'DELTAGANDE.INSATS_AVSLUTAD': 'insats',
  'DELTAGANDE.OGILTIGT_FODELSEAR': 'fodelsear',
  'DELTAGANDE.ALDER_UTANFOR_MALGRUPP': 'fodelsear',
  'DELTAGANDE.OKAND_KOMMUN': 'kommun',
  'DELTAGANDE.ATERREMISS_FORE_REMISS': 'aterremissdatum',
  'DELTAGANDE.INSKRIVNING_FORE_REMISS': 'inskrivningsdatum',
  'DELTAGANDE.AVSLUT_FORE_INSKRIVNING': 'avslutsdatum',
  'DELTAGANDE.ORSAK_SAKNAS': 'aterremissorsak',
};

const STEG_KOLUMN: Record<Steg, Kolumn> = {
  remiss: 'remissdatum',
  aterremiss: 'aterremissdatum',
  avslut: 'avslutsdatum',
};

export const kolumnForRegel = (error: DomainError, steg: Steg): Kolumn => {
  const falt = (error.details as { falt?: unknown } | undefined)?.falt;
  if (error.code.startsWith('DELTAGANDE.FORSORJNING') || falt === 'forsorjning')
    return steg === 'avslut' ? 'forsorjningVidAvslut' : 'forsorjningVidInskrivning';
  if (typeof falt === 'string' && FALT_KOLUMN[falt]) return FALT_KOLUMN[falt];
  return REGEL_KOLUMN[error.code] ?? STEG_KOLUMN[steg];
};
