import { createContext } from 'react';

/**
 * A note every Tabellrulle inside the provider shows under its table (the statistics page:
 * what "<5" and ".." mean when small counts are protected). None by default.
 */
export const TabellnotContext = createContext<string | null>(null);
