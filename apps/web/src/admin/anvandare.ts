import type { Roll } from '../api/inloggad';

/** An item of `GET /users` (a page: `{items, nextCursor}`). */
export interface Anvandare {
  id: string;
  email: string;
  roll: Roll;
  insatser: string[];
}

export const ROLLER: Roll[] = ['admin', 'kansli', 'personal'];
