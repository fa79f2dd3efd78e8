import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Insats } from '../api/insats';

/** The insatser the caller may see (a personal's own, every one for kansli and admin). */
export const useInsatser = () => {
  const [insatser, setInsatser] = useState<Insats[] | null>(null);
  const [fel, setFel] = useState<string | null>(null);
  const hamta = useCallback(() => {
    api
      .get<Insats[]>('/insatser')
      .then(setInsatser)
      .catch((error: unknown) => setFel(error instanceof Error ? error.message : String(error)));
  }, []);
  useEffect(hamta, [hamta]);
  return { insatser, fel, hamta };
};
