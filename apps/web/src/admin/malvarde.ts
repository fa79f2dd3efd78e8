import { MALMATT_ANDEL, type Malmatt } from '../kodlistor/kodlistor';

export const arAndel = (matt: Malmatt): boolean => MALMATT_ANDEL.includes(matt);

// Percent typed with decimals (33,3 %) must not reach the API as 0.33299999999999996.
const avrunda = (tal: number, decimaler: number): number => Number(tal.toFixed(decimaler));

/** What the admin typed — percent for a share — as the API's varde (a share 0–1). */
export const vardeTillApi = (matt: Malmatt, inmatat: number): number =>
  arAndel(matt) ? avrunda(inmatat / 100, 6) : inmatat;

/** The API's varde as the admin types it: a share in percent. */
export const vardeIFalt = (matt: Malmatt, varde: number): number =>
  arAndel(matt) ? avrunda(varde * 100, 4) : varde;

const procent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 2 });
const antal = new Intl.NumberFormat('sv-SE');

/** A goal's target as a reader sees it: "65 %" or "1 000". */
export const visaVarde = (matt: Malmatt, varde: number): string =>
  arAndel(matt) ? procent.format(varde) : antal.format(varde);

/** Whole kronor as "1 693 787 kr"; an unset part as a dash. */
export const visaKronor = (kronor: number | null): string =>
  kronor === null ? '–' : `${antal.format(kronor)} kr`;
