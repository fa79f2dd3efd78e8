import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { regelfalt, type Regelfalt } from './regel-falt';

export interface Serverfel {
  /** Message per field path of the request body (`remiss.datum`). */
  falt: Record<string, string>;
  /** What belongs to no field the form shows. */
  formular: string | null;
}

const INGA: Serverfel = { falt: {}, formular: null };

/**
 * Sends a form and places the server's answer beside the field it concerns. `faltFor` maps a
 * 422 rule to this form's field path; a rule it cannot place goes to the top of the form.
 */
export const useServerfel = (faltFor: Partial<Record<Regelfalt, string>> = {}) => {
  const [fel, setFel] = useState<Serverfel>(INGA);
  const [skickar, setSkickar] = useState(false);
  const faltForRef = useRef(faltFor);
  faltForRef.current = faltFor;

  const skicka = useCallback(
    async (anrop: () => Promise<void>, lokala: Record<string, string> = {}): Promise<boolean> => {
      // Missing fields are caught here; every rule beyond that is the server's to judge.
      if (Object.keys(lokala).length > 0) {
        setFel({ falt: lokala, formular: null });
        return false;
      }
      setSkickar(true);
      setFel(INGA);
      try {
        await anrop();
        return true;
      } catch (error) {
        setFel(tolka(error, faltForRef.current));
        return false;
      } finally {
        setSkickar(false);
      }
    },
    [],
  );

  return { fel, skickar, skicka, felFor: (falt: string) => fel.falt[falt] };
};

const tolka = (error: unknown, faltFor: Partial<Record<Regelfalt, string>>): Serverfel => {
  if (!(error instanceof ApiError)) {
    return { falt: {}, formular: 'Kunde inte nå servern. Försök igen.' };
  }
  if (error.faltfel.length > 0) {
    return {
      falt: Object.fromEntries(error.faltfel.map((f) => [f.field, f.errors.join('. ')])),
      formular: null,
    };
  }
  const regel = error.regel;
  const falt = regel ? regelfalt(regel) : undefined;
  const path = falt ? faltFor[falt] : undefined;
  if (path) return { falt: { [path]: error.message }, formular: null };
  return { falt: {}, formular: error.message };
};
