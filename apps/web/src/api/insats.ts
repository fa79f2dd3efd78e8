export interface Insats {
  id: string;
  namn: string;
  inriktning: 'individinriktad' | 'strukturovergripande';
  matmetod: 'individ' | 'volym';
  startdatum: string;
  slutdatum: string | null;
  utforare: string | null;
  malgrupp: string | null;
  /** The program or project of several insatser it belongs to. */
  grupp: string | null;
  /** The förbund's order in lists and tables (then namn); null after the others. */
  ordning: number | null;
  avslutad: boolean;
  revision: number;
}

/** A part never set is absent. */
export interface Arsmal {
  ar: number;
  deltagare?: number;
  nyaDeltagare?: number;
  andelArbeteStudier?: number;
}

export interface InsatsMedArsmal extends Insats {
  arsmal: Arsmal[];
}

export interface CommandResponse {
  id: string;
  revision: number;
  position: number;
}
