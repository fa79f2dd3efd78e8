import {
  AVSLUTSORSAK,
  AVSLUTSORSAK_ETIKETT,
  FORSORJNING,
  FORSORJNING_ETIKETT,
  KON,
  KON_ETIKETT,
  REMITTENT,
  REMITTENT_ETIKETT,
  TID_I_OFFENTLIG_FORSORJNING,
  TID_I_OFFENTLIG_FORSORJNING_ETIKETT,
  UTBILDNINGSNIVA,
  UTBILDNINGSNIVA_ETIKETT,
  type Avslutsorsak,
  type Forsorjning,
  type Kon,
  type Remittent,
  type TidIOffentligForsorjning,
  type Utbildningsniva,
} from '#domain';
import { normaliseradText } from './kolumner.js';

/**
 * A code list as an import reads it: every code is known by its code, its label (codes.ts)
 * and the wordings förbund use in their own sheets and reports (the seeds): "Egenremiss",
 * "A-kassa", "Sjuk- och rehabpenning", "Socialförvaltningen", "Vården", "Annat/ej angett", …
 */
export interface Kodlista<K extends string> {
  /** Singular, for messages: `Okänd remittent "X"`. */
  readonly namn: string;
  /** "Okänd" or "Okänt", as the name's gender asks. */
  readonly okand: 'Okänd' | 'Okänt';
  readonly koder: readonly K[];
  readonly etikett: Record<K, string>;
  readonly synonymer: Record<K, readonly string[]>;
}

export const KON_LISTA: Kodlista<Kon> = {
  namn: 'kön',
  okand: 'Okänt',
  koder: KON,
  etikett: KON_ETIKETT,
  synonymer: {
    kvinna: ['k', 'kvinnor', 'kvinnlig'],
    man: ['m', 'män', 'manlig'],
    'ej-angivet': ['annat', 'okänt', 'vill ej uppge', 'ej angett', 'uppgift saknas'],
  },
};

export const REMITTENT_LISTA: Kodlista<Remittent> = {
  namn: 'remittent',
  okand: 'Okänd',
  koder: REMITTENT,
  etikett: REMITTENT_ETIKETT,
  synonymer: {
    af: ['AF', 'Arbetsförmedling'],
    fk: ['FK', 'Försäkringskassa'],
    socialtjanst: [
      'Socialtjänst',
      'Socialtjänsten',
      'Socialförvaltningen',
      'Socialförvaltning',
      'Social- förvaltningen',
      'Ekonomiskt bistånd',
      'Soc',
    ],
    'kommun-arbetsmarknad': [
      'Jobbtorg',
      'Jobbtorg Stockholm',
      'Arbetsmarknadsenheten',
      'Arbetsmarknadsenhet',
      'Kommunal arbetsmarknadsenhet',
      'AME',
    ],
    skola: ['Skola', 'Skolan', 'KAA'],
    vard: [
      'Vården',
      'Vård',
      'Hälso- och sjukvården',
      'Sjukvården',
      'Vårdcentral',
      'Vårdcentralen',
      'Psykiatrin',
      'Regionen',
    ],
    egen: ['Egenremiss', 'Egen remiss', 'Egen anmälan', 'Egen'],
    forbundet: ['Förbundet', 'Samordningsförbundet', 'Annan insats'],
    annan: ['Annat/ej angett', 'Annan', 'Annat', 'Ej angett', 'Ej angiven', 'Övrigt', 'Övriga'],
  },
};

export const FORSORJNING_LISTA: Kodlista<Forsorjning> = {
  namn: 'försörjning',
  okand: 'Okänd',
  koder: FORSORJNING,
  etikett: FORSORJNING_ETIKETT,
  synonymer: {
    'sjuk-rehabpenning': [
      'Sjuk- och rehabpenning',
      'Sjuk- och rehabiliteringspenning',
      'Sjuk/rehabpenning',
      'Sjukpenning',
      'Rehabiliteringspenning',
    ],
    aktivitetsersattning: [],
    sjukersattning: [],
    'a-kassa': ['A-kassa', 'Arbetslöshetsersättning', 'Akassa'],
    aktivitetsstod: ['Aktivitetsstöd', 'Utvecklingsersättning'],
    etableringsersattning: [],
    forsorjningsstod: ['Ekonomiskt bistånd', 'Socialbidrag'],
    studiestod: ['Studiemedel', 'CSN'],
    lon: ['Lönearbete', 'Anställning'],
    'ingen-offentlig': ['Ingen offentlig', 'Ingen ersättning', 'Ingen'],
    okand: ['Okänd', 'Okänt', 'Vet ej'],
  },
};

export const UTBILDNINGSNIVA_LISTA: Kodlista<Utbildningsniva> = {
  namn: 'utbildningsnivå',
  okand: 'Okänd',
  koder: UTBILDNINGSNIVA,
  etikett: UTBILDNINGSNIVA_ETIKETT,
  synonymer: {
    forgymnasial: ['Grundskola', 'Förgymnasial utbildning'],
    gymnasial: ['Gymnasium', 'Gymnasieskola', 'Gymnasial utbildning'],
    eftergymnasial: ['Högskola', 'Universitet', 'Eftergymnasial utbildning'],
    okand: ['Okänd', 'Okänt', 'Vet ej'],
  },
};

export const TID_LISTA: Kodlista<TidIOffentligForsorjning> = {
  namn: 'tid i offentlig försörjning',
  okand: 'Okänd',
  koder: TID_I_OFFENTLIG_FORSORJNING,
  etikett: TID_I_OFFENTLIG_FORSORJNING_ETIKETT,
  synonymer: {
    ingen: ['0', 'Ingen tid'],
    'under-1-ar': ['<1 år', 'Mindre än 1 år', '0-1 år', 'Under ett år'],
    '1-2-ar': ['1-2', '1 till 2 år'],
    '2-5-ar': ['2-5', '2 till 5 år'],
    '5-10-ar': ['5-10', '5 till 10 år'],
    'over-10-ar': ['>10 år', 'Mer än 10 år', 'Över tio år'],
    okand: ['Okänd', 'Okänt', 'Vet ej'],
  },
};

export const AVSLUTSORSAK_LISTA: Kodlista<Avslutsorsak> = {
  namn: 'avslutsorsak',
  okand: 'Okänd',
  koder: AVSLUTSORSAK,
  etikett: AVSLUTSORSAK_ETIKETT,
  synonymer: {
    arbete: ['Jobb', 'Osubventionerat arbete', 'Arbete utan stöd'],
    'arbete-subventionerat': ['Subventionerat arbete', 'Arbete med stöd', 'Lönebidrag'],
    studier: ['Utbildning', 'Studier/utbildning'],
    arbetssokande: ['Aktivt arbetssökande'],
    'ordinarie-insats': ['Åter till ordinarie insats', 'Ordinarie insatser'],
    'fortsatt-rehabilitering': [],
    'annan-insats': [],
    sjukdom: ['Sjuk'],
    sjukersattning: [],
    flytt: ['Flyttat', 'Utflyttad'],
    avbrott: ['Avbrutit', 'Avbruten'],
    foraldraledighet: ['Föräldraledig'],
    annat: ['Övrigt', 'Annan orsak'],
  },
};

/** Normalised text → code, for every wording of every code of the list. */
export const etikettIndex = <K extends string>(lista: Kodlista<K>): ReadonlyMap<string, K> => {
  const index = new Map<string, K>();
  for (const kod of lista.koder) {
    for (const text of [kod, lista.etikett[kod], ...lista.synonymer[kod]]) {
      const nyckel = normaliseradText(text);
      const tidigare = index.get(nyckel);
      // A wording of two codes would silently pick one: a programming error in the lists.
      if (tidigare !== undefined && tidigare !== kod)
        throw new Error(`"${text}" betyder både ${tidigare} och ${kod} i ${lista.namn}`);
      index.set(nyckel, kod);
    }
  }
  return index;
};

const INDEX = new WeakMap<Kodlista<string>, ReadonlyMap<string, string>>();

/** The code a cell's text names, if any. */
export const kodFor = <K extends string>(lista: Kodlista<K>, text: string): K | undefined => {
  let index = INDEX.get(lista);
  if (!index) {
    index = etikettIndex(lista);
    INDEX.set(lista, index);
  }
  return index.get(normaliseradText(text)) as K | undefined;
};
