import { DomainError } from './domain-error.js';

/*
 * The code lists of DESIGN.md. Codes are stable (they are stored in events and reports);
 * labels may change. Tuples keep DESIGN.md's order because reports list codes in that order.
 */

/** Type guard: `value` is one of the codes in `list`. */
export const isKod = <T extends string | number>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);

export const KON = ['kvinna', 'man', 'ej-angivet'] as const;
export type Kon = (typeof KON)[number];
export const KON_ETIKETT: Record<Kon, string> = {
  kvinna: 'Kvinna',
  man: 'Man',
  'ej-angivet': 'Ej angivet',
};

export const REMITTENT = [
  'af',
  'fk',
  'socialtjanst',
  'kommun-arbetsmarknad',
  'skola',
  'vard',
  'egen',
  'forbundet',
  'annan',
] as const;
export type Remittent = (typeof REMITTENT)[number];
export const REMITTENT_ETIKETT: Record<Remittent, string> = {
  af: 'Arbetsförmedlingen',
  fk: 'Försäkringskassan',
  socialtjanst: 'Socialtjänst/ekonomiskt bistånd',
  'kommun-arbetsmarknad': 'Kommunal arbetsmarknadsenhet/Jobbtorg',
  skola: 'Skola/KAA',
  vard: 'Hälso- och sjukvård',
  egen: 'Egenanmälan',
  forbundet: 'Annan insats i förbundet',
  annan: 'Annan/ej angiven',
};

export const FORSORJNING = [
  'sjuk-rehabpenning',
  'aktivitetsersattning',
  'sjukersattning',
  'a-kassa',
  'aktivitetsstod',
  'etableringsersattning',
  'forsorjningsstod',
  'studiestod',
  'lon',
  'ingen-offentlig',
  'okand',
] as const;
export type Forsorjning = (typeof FORSORJNING)[number];
export const FORSORJNING_ETIKETT: Record<Forsorjning, string> = {
  'sjuk-rehabpenning': 'Sjuk-/rehabiliteringspenning',
  aktivitetsersattning: 'Aktivitetsersättning',
  sjukersattning: 'Sjukersättning',
  'a-kassa': 'Arbetslöshetsersättning (a-kassa)',
  aktivitetsstod: 'Aktivitetsstöd/utvecklingsersättning',
  etableringsersattning: 'Etableringsersättning',
  forsorjningsstod: 'Försörjningsstöd',
  studiestod: 'Studiestöd',
  lon: 'Lön',
  'ingen-offentlig': 'Ingen offentlig försörjning',
  okand: 'Uppgift saknas',
};

export const OHALSA = ['sjuk-rehabpenning', 'aktivitetsersattning', 'sjukersattning'] as const;
export const ARBETSMARKNADSSTOD = ['a-kassa', 'aktivitetsstod', 'etableringsersattning'] as const;
export const EKONOMISKT_BISTAND = ['forsorjningsstod'] as const;

export const FORSORJNING_GRUPP = ['ohalsa', 'arbetsmarknadsstod', 'ekonomiskt-bistand'] as const;
export type ForsorjningGrupp = (typeof FORSORJNING_GRUPP)[number];
export const FORSORJNING_GRUPP_ETIKETT: Record<ForsorjningGrupp, string> = {
  ohalsa: 'Ohälsa',
  arbetsmarknadsstod: 'Arbetsmarknadsstöd',
  'ekonomiskt-bistand': 'Ekonomiskt bistånd',
};
/** The codes of each group; studiestöd, lön, ingen-offentlig and okänd belong to none. */
export const FORSORJNINGAR_I_GRUPP: Record<ForsorjningGrupp, readonly Forsorjning[]> = {
  ohalsa: OHALSA,
  arbetsmarknadsstod: ARBETSMARKNADSSTOD,
  'ekonomiskt-bistand': EKONOMISKT_BISTAND,
};

/** Public benefits: the codes that `ingen-offentlig` excludes. */
export const OFFENTLIGA_FORSORJNINGAR: readonly Forsorjning[] = FORSORJNING.filter(
  (kod) => kod !== 'lon' && kod !== 'ingen-offentlig' && kod !== 'okand',
);

export const AVSLUTSORSAK = [
  'arbete',
  'arbete-subventionerat',
  'studier',
  'arbetssokande',
  'ordinarie-insats',
  'fortsatt-rehabilitering',
  'annan-insats',
  'sjukdom',
  'sjukersattning',
  'flytt',
  'avbrott',
  'foraldraledighet',
  'annat',
] as const;
export type Avslutsorsak = (typeof AVSLUTSORSAK)[number];
export const AVSLUTSORSAK_ETIKETT: Record<Avslutsorsak, string> = {
  arbete: 'Arbete',
  'arbete-subventionerat': 'Subventionerad anställning',
  studier: 'Studier',
  arbetssokande: 'Arbetssökande',
  'ordinarie-insats': 'Ordinarie insats',
  'fortsatt-rehabilitering': 'Fortsatt rehabilitering',
  'annan-insats': 'Annan insats',
  sjukdom: 'Sjukdom',
  sjukersattning: 'Sjukersättning',
  flytt: 'Flytt',
  avbrott: 'Avbrott',
  foraldraledighet: 'Föräldraledighet',
  annat: 'Annat',
};

export const UTFALL_GRUPP = ['arbete', 'studier', 'arbetssokande', 'ovriga'] as const;
export type UtfallGrupp = (typeof UTFALL_GRUPP)[number];
export const UTFALL_GRUPP_ETIKETT: Record<UtfallGrupp, string> = {
  arbete: 'Arbete',
  studier: 'Studier',
  arbetssokande: 'Arbetssökande',
  ovriga: 'Övriga',
};
export const UTFALL_FOR_AVSLUTSORSAK: Record<Avslutsorsak, UtfallGrupp> = {
  arbete: 'arbete',
  'arbete-subventionerat': 'arbete',
  studier: 'studier',
  arbetssokande: 'arbetssokande',
  'ordinarie-insats': 'ovriga',
  'fortsatt-rehabilitering': 'ovriga',
  'annan-insats': 'ovriga',
  sjukdom: 'ovriga',
  sjukersattning: 'ovriga',
  flytt: 'ovriga',
  avbrott: 'ovriga',
  foraldraledighet: 'ovriga',
  annat: 'ovriga',
};

export const SYSSELSATTNING = [
  'arbete',
  'arbete-subventionerat',
  'studier',
  'arbetssokande',
  'arbetsforberedande-insats',
  'sjukskriven',
  'ingen',
  'okand',
] as const;
export type Sysselsattning = (typeof SYSSELSATTNING)[number];
export const SYSSELSATTNING_ETIKETT: Record<Sysselsattning, string> = {
  arbete: 'Arbete',
  'arbete-subventionerat': 'Subventionerad anställning',
  studier: 'Studier',
  arbetssokande: 'Arbetssökande',
  'arbetsforberedande-insats': 'Arbetsförberedande insats',
  sjukskriven: 'Sjukskriven',
  ingen: 'Ingen sysselsättning',
  okand: 'Uppgift saknas',
};

export const UTBILDNINGSNIVA = ['forgymnasial', 'gymnasial', 'eftergymnasial', 'okand'] as const;
export type Utbildningsniva = (typeof UTBILDNINGSNIVA)[number];
export const UTBILDNINGSNIVA_ETIKETT: Record<Utbildningsniva, string> = {
  forgymnasial: 'Förgymnasial',
  gymnasial: 'Gymnasial',
  eftergymnasial: 'Eftergymnasial',
  okand: 'Uppgift saknas',
};

export const TID_I_OFFENTLIG_FORSORJNING = [
  'ingen',
  'under-1-ar',
  '1-2-ar',
  '2-5-ar',
  '5-10-ar',
  'over-10-ar',
  'okand',
] as const;
export type TidIOffentligForsorjning = (typeof TID_I_OFFENTLIG_FORSORJNING)[number];
export const TID_I_OFFENTLIG_FORSORJNING_ETIKETT: Record<TidIOffentligForsorjning, string> = {
  ingen: 'Ingen',
  'under-1-ar': 'Under 1 år',
  '1-2-ar': '1–2 år',
  '2-5-ar': '2–5 år',
  '5-10-ar': '5–10 år',
  'over-10-ar': 'Över 10 år',
  okand: 'Uppgift saknas',
};

export const INRIKTNING = ['individinriktad', 'strukturovergripande'] as const;
export type Inriktning = (typeof INRIKTNING)[number];
export const INRIKTNING_ETIKETT: Record<Inriktning, string> = {
  individinriktad: 'Individinriktad',
  strukturovergripande: 'Strukturövergripande',
};

export const MATMETOD = ['individ', 'volym'] as const;
export type Matmetod = (typeof MATMETOD)[number];
export const MATMETOD_ETIKETT: Record<Matmetod, string> = {
  individ: 'Individnivå',
  volym: 'Volym (antal per kön)',
};

/**
 * What a goal (mål) measures. Counts: deltagare = aktuella over the goal's period, nya,
 * avslutade. Shares (0–1) among the avslutade of the goal's period: arbete eller studier,
 * arbete, studier, arbete/studier/arbetssökande, and avslutsorsak ordinarie-insats.
 */
export const MALMATT = [
  'deltagare',
  'nya',
  'avslutade',
  'andel-arbete-studier',
  'andel-arbete',
  'andel-studier',
  'andel-arbete-studier-arbetssokande',
  'andel-ordinarie-insats',
] as const;
export type Malmatt = (typeof MALMATT)[number];
export const MALMATT_ETIKETT: Record<Malmatt, string> = {
  deltagare: 'Deltagare (aktuella)',
  nya: 'Nya deltagare',
  avslutade: 'Avslutade deltagare',
  'andel-arbete-studier': 'Andel till arbete eller studier',
  'andel-arbete': 'Andel till arbete',
  'andel-studier': 'Andel till studier',
  'andel-arbete-studier-arbetssokande': 'Andel till arbete, studier eller arbetssökande',
  'andel-ordinarie-insats': 'Andel till ordinarie insats',
};
/** The measures that are shares 0–1; the others are counts 0–1,000,000. */
export const MALMATT_ANDEL: readonly Malmatt[] = MALMATT.filter((matt) =>
  matt.startsWith('andel-'),
);

export const MANADER_EFTER_AVSLUT = [6, 12] as const;
export type ManaderEfterAvslut = (typeof MANADER_EFTER_AVSLUT)[number];

/** An age band, both ends inclusive, in whole years. */
export type Aldersgrupp = { grupp: string; fran: number; till: number };

export const DEFAULT_ALDERSGRUPPER: readonly Aldersgrupp[] = [
  { grupp: '16-19', fran: 16, till: 19 },
  { grupp: '20-24', fran: 20, till: 24 },
  { grupp: '25-29', fran: 25, till: 29 },
  { grupp: '30-39', fran: 30, till: 39 },
  { grupp: '40-49', fran: 40, till: 49 },
  { grupp: '50-59', fran: 50, till: 59 },
  { grupp: '60-64', fran: 60, till: 64 },
];

const ALDERSGRUPP = /^(\d{1,3})-(\d{1,3})$/;

/**
 * A report's own age bands, e.g. '16-24,25-64'. Returned in ascending order; gaps are allowed
 * (ages in a gap fall in no band), overlaps are not, since a person would then count twice.
 */
export const parseAldersgrupper = (text: string): Aldersgrupp[] => {
  const grupper = text.split(',').map((part) => {
    const match = ALDERSGRUPP.exec(part.trim());
    const fran = Number(match?.[1]);
    const till = Number(match?.[2]);
    if (!match || fran > till) {
      throw new DomainError(
        'ALDERSGRUPP.OGILTIG',
        `Ogiltig åldersgrupp "${part.trim()}": ange till exempel 16-24,25-64`,
        { aldersgrupp: part.trim() },
      );
    }
    return { grupp: `${fran}-${till}`, fran, till };
  });
  grupper.sort((a, b) => a.fran - b.fran);
  for (let i = 1; i < grupper.length; i++) {
    const [fore, efter] = [grupper[i - 1], grupper[i]];
    if (efter.fran <= fore.till) {
      throw new DomainError(
        'ALDERSGRUPP.OVERLAPPAR',
        `Åldersgrupperna ${fore.grupp} och ${efter.grupp} överlappar`,
        { grupper: [fore.grupp, efter.grupp] },
      );
    }
  }
  return grupper;
};

/** The band an age falls in, if any. */
export const aldersgruppFor = (
  alder: number,
  grupper: readonly Aldersgrupp[] = DEFAULT_ALDERSGRUPPER,
): Aldersgrupp | undefined => grupper.find((g) => alder >= g.fran && alder <= g.till);
