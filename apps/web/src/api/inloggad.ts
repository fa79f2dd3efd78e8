export type Roll = 'admin' | 'kansli' | 'personal';

/** `GET /auth/me`. */
export interface Inloggad {
  id: string;
  email: string;
  roll: Roll;
  systemadmin: boolean;
  forbund: { id: string; namn: string };
  insatser: string[];
}

export const ROLL_ETIKETT: Record<Roll, string> = {
  admin: 'Administratör',
  kansli: 'Kansli',
  personal: 'Personal',
};
