import type { Malmatt } from '../kodlistor/kodlistor';
import type { Arsmal } from './insats';

/** A goal: `varde` is a count, or a share 0–1 for the `andel-…` measures. */
export interface Mal {
  malId: string;
  matt: Malmatt;
  fran: string;
  till: string;
  varde: number;
}

/** Kronor of one calendar year; null for a part never set. */
export interface Ekonomi {
  ar: number;
  budget: number | null;
  kostnad: number | null;
}

/** `GET /insatser/:id/mal`. */
export interface MalOchEkonomi {
  mal: Mal[];
  ekonomi: Ekonomi[];
  arsmal: Arsmal[];
  revision: number;
}

/** `GET /forbund/mal`: grupp null is a goal for the whole förbund. */
export interface Forbundsmal extends Mal {
  grupp: string | null;
}
