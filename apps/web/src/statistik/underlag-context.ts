import { createContext, useContext } from 'react';

/** One count the user may open: which measure, of which insats (none = totalt), which kön. */
export interface Matt {
  matt: string;
  rubrik: string;
  kon?: string | undefined;
}

export const UnderlagContext = createContext<(matt: Matt) => void>(() => undefined);

export const useVisaUnderlag = () => useContext(UnderlagContext);
