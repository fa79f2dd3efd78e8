import type { AndelPerKon, Antal, PerKon, Rapport } from './rapport';

/** `jamfor` of GET /statistik: the equally long period before, or the same dates a year earlier. */
export type Jamfor = '' | 'foregaende' | 'fjol';

export const JAMFOR_ETIKETT: Record<Jamfor, string> = {
  '': 'Ingen jämförelse',
  foregaende: 'Föregående period',
  fjol: 'Samma period i fjol',
};

export interface OversiktSiffror {
  aktuella: PerKon;
  nya: PerKon;
  avslutade: PerKon;
  arbeteEllerStudier: { antal: PerKon; andel: AndelPerKon };
}

export interface OversiktMal {
  malId: string;
  matt: string;
  fran: string;
  till: string;
  varde: number;
  utfall: Antal | null;
  andelAvMal: number | null;
  iFas?: boolean | null;
}

/** One row of the report's `oversikt` (API.md "Additions, version 2"). */
export interface OversiktRad extends OversiktSiffror {
  typ: 'insats' | 'grupp' | 'forbund';
  insatsId?: string;
  grupp?: string;
  namn: string;
  volym?: PerKon;
  mal: OversiktMal[];
  ekonomi?: {
    budget: number | null;
    kostnad: number | null;
    kostnadPerDeltagare: number | null;
    kostnadPerNyDeltagare: number | null;
  };
  jamforelse?: OversiktSiffror;
}

export type RapportMedOversikt = Rapport & {
  oversikt: OversiktRad[];
  jamforelse?: { typ: Exclude<Jamfor, ''>; period: { fran: string; till: string } };
};

/** The change from the earlier count: "+3 (+25 %)", "−2", "±0"; null where either is hidden. */
export const forandring = (nu: Antal, da: Antal): string | null => {
  if (typeof nu !== 'number' || typeof da !== 'number') return null;
  const diff = nu - da;
  const tecken = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const procent = da === 0 ? '' : ` (${tecken}${Math.round((Math.abs(diff) / da) * 100)} %)`;
  return `${tecken}${Math.abs(diff)}${diff === 0 ? '' : procent}`;
};

export const procent = (andel: number | null): string =>
  andel === null ? '–' : `${Math.round(andel * 100)} %`;
