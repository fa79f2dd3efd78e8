/**
 * Which field a 422 rule concerns, in words every form understands. The server names date
 * fields in `details.falt` (e.g. "avslutsdatum"); other rules are known by their code.
 */
export type Regelfalt =
  | 'remissdatum'
  | 'inskrivningsdatum'
  | 'datum'
  | 'forsorjning'
  | 'fodelsear'
  | 'kommun'
  | 'personnummer'
  | 'samtycke'
  | 'orsak';

const DATUMFALT: Record<string, Regelfalt> = {
  remissdatum: 'remissdatum',
  inskrivningsdatum: 'inskrivningsdatum',
  återremissdatum: 'datum',
  avslutsdatum: 'datum',
  uppföljningsdatum: 'datum',
};

const KOD: Record<string, Regelfalt> = {
  'DELTAGANDE.INSKRIVNING_FORE_REMISS': 'inskrivningsdatum',
  'DELTAGANDE.AVSLUT_FORE_INSKRIVNING': 'datum',
  'DELTAGANDE.ATERREMISS_FORE_REMISS': 'datum',
  'DELTAGANDE.UPPFOLJNING_FORE_AVSLUT': 'datum',
  'DELTAGANDE.ALDER_UTANFOR_MALGRUPP': 'fodelsear',
  'DELTAGANDE.OGILTIGT_FODELSEAR': 'fodelsear',
  'DELTAGANDE.OKAND_KOMMUN': 'kommun',
  'DELTAGANDE.FORSORJNING_SAKNAS': 'forsorjning',
  'DELTAGANDE.FORSORJNING_DUBBLETT': 'forsorjning',
  'DELTAGANDE.FORSORJNING_MOTSAGELSE': 'forsorjning',
  'DELTAGANDE.FORSORJNING_OKAND_INTE_ENSAM': 'forsorjning',
  'DELTAGANDE.ORSAK_SAKNAS': 'orsak',
  'PERSON.PERSONNUMMER_SAKNAS': 'personnummer',
  'PERSON.SAMTYCKE_SAKNAS': 'samtycke',
  'PERSON.SAMTYCKE_I_FRAMTIDEN': 'samtycke',
};

export const regelfalt = (regel: { code: string; falt?: string }): Regelfalt | undefined =>
  (regel.falt ? DATUMFALT[regel.falt] : undefined) ?? KOD[regel.code];
