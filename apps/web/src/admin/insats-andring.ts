import type { Insats } from '../api/insats';

/** The form's fields as typed: text, '' for none. */
export interface Insatsfalt {
  namn: string;
  utforare: string;
  malgrupp: string;
  grupp: string;
  ordning: string;
  slutdatum: string;
}

export const formularvarden = (insats: Insats): Insatsfalt => ({
  namn: insats.namn,
  utforare: insats.utforare ?? '',
  malgrupp: insats.malgrupp ?? '',
  grupp: insats.grupp ?? '',
  ordning: insats.ordning === null ? '' : String(insats.ordning),
  slutdatum: insats.slutdatum ?? '',
});

export type Insatsandring = Partial<{
  namn: string;
  utforare: string | null;
  malgrupp: string | null;
  grupp: string | null;
  ordning: number | null;
  slutdatum: string | null;
}>;

/**
 * The PATCH body: only the fields that differ from the insats, an emptied field as null.
 * An ended insats keeps its slutdatum, so it is never sent for one.
 */
export const andringar = (insats: Insats, v: Insatsfalt): Insatsandring => {
  const text = (varde: string): string | null => (varde.trim() === '' ? null : varde.trim());
  const ordning = v.ordning.trim() === '' ? null : Number(v.ordning);
  const nytt: Insatsandring = {
    namn: v.namn.trim(),
    utforare: text(v.utforare),
    malgrupp: text(v.malgrupp),
    grupp: text(v.grupp),
    ordning,
    ...(insats.avslutad ? {} : { slutdatum: text(v.slutdatum) }),
  };
  return Object.fromEntries(
    Object.entries(nytt).filter(([falt, varde]) => varde !== insats[falt as keyof Insats]),
  ) as Insatsandring;
};
