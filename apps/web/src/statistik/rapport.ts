/** `GET /statistik` (API.md "The statistics report"). With skydda a small count is "<5". */
export type Antal = number | string;

export interface PerKon {
  kvinna: Antal;
  man: Antal;
  ejAngivet: Antal;
  totalt: Antal;
}

export interface AndelPerKon {
  kvinna: number | null;
  man: number | null;
  ejAngivet: number | null;
  totalt: number | null;
}

export interface Tabeller {
  deltagare: {
    aktuella: PerKon;
    nya: PerKon;
    overforda: PerKon;
    avslutade: PerKon;
    pagaende: PerKon;
  };
  aldersgrupper: { grupp: string; aktuella: PerKon; nya: PerKon }[];
  remisser: {
    mottagna: PerKon;
    aterremitterade: PerKon;
    vantande: PerKon;
    perRemittent: { remittent: string; antal: PerKon }[];
    perKommun: { kommun: string; antal: PerKon }[];
    kotidDagar: { medel: number | null; median: number | null };
  };
  nyaPerRemittent: { remittent: string; antal: Antal; andel: number | null }[];
  utfall: {
    perAvslutsorsak: { avslutsorsak: string; antal: PerKon; andel: number | null }[];
    perGrupp: { grupp: string; antal: PerKon; andel: AndelPerKon }[];
    arbeteEllerStudier: { antal: PerKon; andel: AndelPerKon };
  };
  forsorjning: {
    avslutade: PerKon;
    rader: { kod: string; vidInskrivning: PerKon; vidAvslut: PerKon }[];
    overgangar: { fran: string; till: string; antal: Antal }[];
  };
  tidIInsatsDagar: { medel: number | null; median: number | null };
  uppfoljning: { manaderEfterAvslut: number; sysselsattning: string; antal: PerKon }[];
  volym: PerKon;
  maluppfyllelse: {
    ar: number;
    mal: {
      deltagare: number | null;
      nyaDeltagare: number | null;
      andelArbeteStudier: number | null;
    } | null;
    utfall: { aktuella: Antal; nya: Antal; andelArbeteStudier: number | null };
  }[];
  kommuner: {
    kommun: string;
    remisser: { mottagna: PerKon; aterremitterade: PerKon; inskrivna: PerKon };
    aktuella: PerKon;
    nya: PerKon;
  }[];
  nyaPerRemittentEnhet: { remittent: string; enhet: string | null; antal: Antal }[];
  /** Kronor per calendar year; per deltagare in the calendar year within the period. */
  ekonomi: {
    ar: number;
    budget: number | null;
    kostnad: number | null;
    aktuella: Antal;
    nya: Antal;
    kostnadPerDeltagare: number | null;
    kostnadPerNyDeltagare: number | null;
  }[];
  /** Goals overlapping the period; utfall over the goal's own period (a share for andel-…). */
  mal: {
    malId: string;
    matt: string;
    fran: string;
    till: string;
    varde: number;
    utfall: Antal | null;
    andelAvMal: number | null;
    iFas?: boolean | null;
    underlag?: { antal: Antal; avslutade: Antal };
  }[];
}

export interface Rapport {
  period: { fran: string; till: string };
  asOf: string;
  forbund: { id: string; namn: string };
  /** In the förbund's order: ordning, then namn. */
  insatser: ({
    insatsId: string;
    namn: string;
    grupp: string | null;
    ordning: number | null;
  } & Tabeller)[];
  /** A subtotal per grupp, in the order of its first insats. */
  grupper: ({ grupp: string; insatsIds: string[]; unikaPersoner: PerKon } & Tabeller)[];
  totalt: Tabeller & { unikaPersoner: PerKon };
}

export const KON_NYCKLAR = ['kvinna', 'man', 'ejAngivet', 'totalt'] as const;
export type KonNyckel = (typeof KON_NYCKLAR)[number];

export const KON_RUBRIK: Record<KonNyckel, string> = {
  kvinna: 'Kvinnor',
  man: 'Män',
  ejAngivet: 'Ej angivet',
  totalt: 'Totalt',
};

/** The drill-down's `kon` parameter for a column; totalt filters nothing. */
export const KON_PARAMETER: Record<KonNyckel, string | undefined> = {
  kvinna: 'kvinna',
  man: 'man',
  ejAngivet: 'ej-angivet',
  totalt: undefined,
};

/** A count for a chart: a suppressed "<5" is drawn as 0 rather than guessed. */
export const tal = (antal: Antal): number => (typeof antal === 'number' ? antal : 0);

const PROCENT = new Intl.NumberFormat('sv-SE', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const DAGAR = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

export const procent = (andel: number | null | undefined): string =>
  andel === null || andel === undefined ? '–' : PROCENT.format(andel);

export const dagar = (n: number | null): string => (n === null ? '–' : DAGAR.format(n));

const KRONOR = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

export const kronor = (n: number | null): string => (n === null ? '–' : `${KRONOR.format(n)} kr`);

/** One tab of the report: an insats or a grupp's subtotal, with the insatser it covers. */
export interface Flik {
  typ: 'insats' | 'grupp';
  id: string;
  namn: string;
  insatsIds: string[];
}

export const gruppFlikId = (grupp: string): string => `grupp:${grupp}`;

/** The report's insatser in its order, each grupp's subtotal right after its last insats. */
export const flikar = (rapport: Pick<Rapport, 'insatser' | 'grupper'>): Flik[] => {
  const sista = new Map(rapport.grupper.map((g) => [g.insatsIds[g.insatsIds.length - 1], g]));
  return rapport.insatser.flatMap((insats): Flik[] => {
    const egen: Flik = {
      typ: 'insats',
      id: insats.insatsId,
      namn: insats.namn,
      insatsIds: [insats.insatsId],
    };
    const grupp = sista.get(insats.insatsId);
    if (!grupp) return [egen];
    return [
      egen,
      {
        typ: 'grupp',
        id: gruppFlikId(grupp.grupp),
        namn: `Delsumma ${grupp.grupp}`,
        insatsIds: grupp.insatsIds,
      },
    ];
  });
};
