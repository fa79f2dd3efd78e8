import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Roll } from '../api/inloggad';
import { useAuth } from './auth-context';
import { startsida } from './startsida';

/** Sends a visitor without a session to the login page, and a wrong role to its own start. */
export const KraverRoll = ({ roller, children }: { roller: Roll[]; children: ReactNode }) => {
  const { inloggad } = useAuth();
  const location = useLocation();
  if (!inloggad) return <Navigate to="/logga-in" replace state={{ fran: location.pathname }} />;
  if (!roller.includes(inloggad.roll)) return <Navigate to={startsida(inloggad.roll)} replace />;
  return children;
};
