export type Status = 'remitterad' | 'inskriven' | 'avslutad' | 'aterremitterad' | 'makulerad';

export const STATUS = [
  'remitterad',
  'inskriven',
  'avslutad',
  'aterremitterad',
  'makulerad',
] as const;

export const STATUS_ETIKETT: Record<Status, string> = {
  remitterad: 'Remitterad',
  inskriven: 'Inskriven',
  avslutad: 'Avslutad',
  aterremitterad: 'Återremitterad',
  makulerad: 'Makulerad',
};

export interface Deltagande {
  id: string;
  insatsId: string;
  status: Status;
  personId: string | null;
  person: { kon: string; fodelsear: number; kommun: string };
  remiss: { datum: string; remittent: string; remittentEnhet: string | null };
  aterremiss: { datum: string; orsak: string } | null;
  inskrivning: {
    datum: string;
    forsorjning: string[];
    utbildningsniva: string;
    tidIOffentligForsorjning: string;
  } | null;
  avslut: { datum: string; avslutsorsak: string; forsorjning: string[] } | null;
  uppfoljningar: {
    datum: string;
    manaderEfterAvslut: number;
    sysselsattning: string;
    forsorjning: string[];
  }[];
  makulering: { orsak: string } | null;
  revision: number;
  registrerad: string;
  senastAndrad: string;
}

export interface Historik {
  type: string;
  data: Record<string, unknown>;
  recordedAt: string;
  userId: string;
  userEmail: string | null;
  revision: number;
}

export interface DeltagandeMedHistorik extends Deltagande {
  personnummer?: string | null;
  namn?: string | null;
  historik: Historik[];
}
