import { api } from '../../api/client';
import type { Deltagande } from '../../api/deltagande';
import type { Regelfalt } from '../../formular/regel-falt';
import { useServerfel } from '../../formular/useServerfel';

export interface AtgardProps {
  deltagande: Deltagande;
  /** Called after the server accepted the command, to read the deltagande again. */
  sparad: () => void;
}

/** Posts one command on the deltagande; `If-Match` so a stale screen cannot overwrite news. */
export const useAtgard = (
  { deltagande, sparad }: AtgardProps,
  vag: string,
  faltFor: Partial<Record<Regelfalt, string>> = {},
) => {
  const serverfel = useServerfel(faltFor);
  const skicka = async (body: object, lokala?: Record<string, string>) => {
    const ok = await serverfel.skicka(async () => {
      await api.post(`/deltaganden/${deltagande.id}/${vag}`, body, {
        'If-Match': `"${deltagande.revision}"`,
      });
    }, lokala);
    if (ok) sparad();
  };
  return { ...serverfel, skicka };
};
