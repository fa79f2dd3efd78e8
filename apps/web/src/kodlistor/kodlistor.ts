// The code lists and their Swedish labels come from the domain itself, so the UI never drifts.
export {
  AVSLUTSORSAK,
  AVSLUTSORSAK_ETIKETT,
  FORSORJNING,
  FORSORJNING_ETIKETT,
  INRIKTNING,
  INRIKTNING_ETIKETT,
  KON,
  KON_ETIKETT,
  MATMETOD,
  MATMETOD_ETIKETT,
  MALMATT,
  MALMATT_ANDEL,
  MALMATT_ETIKETT,
  REMITTENT,
  REMITTENT_ETIKETT,
  SYSSELSATTNING,
  SYSSELSATTNING_ETIKETT,
  TID_I_OFFENTLIG_FORSORJNING,
  TID_I_OFFENTLIG_FORSORJNING_ETIKETT,
  UTBILDNINGSNIVA,
  UTBILDNINGSNIVA_ETIKETT,
  UTFALL_GRUPP,
  UTFALL_GRUPP_ETIKETT,
  type Avslutsorsak,
  type Forsorjning,
  type Kon,
  type Malmatt,
  type Remittent,
} from '../../../../libs/domain/src/codes';
import { KOMMUNER } from '../../../../libs/domain/src/kommuner';

/** `{value, label}` pairs for a select, in the list's own order. */
export const alternativ = <T extends string>(
  koder: readonly T[],
  etikett: Record<T, string>,
): { value: T; label: string }[] => koder.map((value) => ({ value, label: etikett[value] }));

/** A label for a code that may be unknown to this build (older or newer server). */
export const etikettFor = (etikett: Record<string, string>, kod: string): string =>
  etikett[kod] ?? kod;

const KOMMUN_NAMN = new Map(KOMMUNER.map((k) => [k.kod, k.namn]));

export const kommunNamn = (kod: string): string => KOMMUN_NAMN.get(kod) ?? kod;

export const KOMMUN_ALTERNATIV = KOMMUNER.map((k) => ({
  value: k.kod,
  label: `${k.namn} (${k.kod})`,
}));
