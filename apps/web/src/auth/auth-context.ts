import { createContext, useContext } from 'react';
import type { Inloggad } from '../api/inloggad';

export interface Auth {
  inloggad: Inloggad | null;
  loggaIn(email: string, password: string): Promise<void>;
  loggaUt(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export const useAuth = (): Auth => {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth utanför AuthProvider');
  return auth;
};

/** The logged-in user; only for screens behind `KraverRoll`. */
export const useInloggad = (): Inloggad => {
  const { inloggad } = useAuth();
  if (!inloggad) throw new Error('Ingen inloggad användare');
  return inloggad;
};
