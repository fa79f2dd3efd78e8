import type { Roll } from '../api/inloggad';

/** `GET /users`. */
export interface Anvandare {
  id: string;
  email: string;
  roll: Roll;
  insatser: string[];
}

export const ROLLER: Roll[] = ['admin', 'kansli', 'personal'];
