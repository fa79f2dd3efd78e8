/** The access token lives in sessionStorage: it dies with the tab and is never shared across tabs. */
const NYCKEL = 'deltagarflode.token';

export const sparadToken = (): string | null => sessionStorage.getItem(NYCKEL);
export const sparaToken = (token: string): void => sessionStorage.setItem(NYCKEL, token);
export const glomToken = (): void => sessionStorage.removeItem(NYCKEL);
