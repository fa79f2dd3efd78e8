import { useHamta } from '../api/useHamta';
import type { Insats } from '../api/insats';

/** The insatser the caller may see (a personal's own, every one for kansli and admin). */
export const useInsatser = () => {
  const { data, fel, laddaOm } = useHamta<Insats[]>('/insatser');
  return { insatser: data, fel: fel?.text ?? null, hamta: laddaOm };
};
