export interface Insats {
  id: string;
  namn: string;
  inriktning: 'individinriktad' | 'strukturovergripande';
  matmetod: 'individ' | 'volym';
  startdatum: string;
  slutdatum: string | null;
  utforare: string | null;
  malgrupp: string | null;
  avslutad: boolean;
  revision: number;
}

export interface Arsmal {
  ar: number;
  deltagare: number;
  nyaDeltagare: number;
  andelArbeteStudier: number;
}

export interface InsatsMedArsmal extends Insats {
  arsmal: Arsmal[];
}

export interface CommandResponse {
  id: string;
  revision: number;
  position: number;
}
