/**
 * Set by the API on a read answered from read models that lag behind the writes (the value is
 * the position they include): while an import writes and they catch up after it, or while they
 * have stalled (apps/api/src/http/read-your-writes.interceptor.ts). Exposed to other origins.
 */
export const FORSENAD_HEADER = 'X-Lasmodell-Forsenad';

/**
 * What one API answer says about the read models: lagging (true), current (false), or nothing
 * (undefined). Only a successful GET says something: reads are the answers the API marks.
 */
export const forsenadISvar = (
  metod: string,
  response: { ok: boolean; headers: { get(namn: string): string | null } },
): boolean | undefined => {
  if (metod !== 'GET' || !response.ok) return undefined;
  return response.headers.get(FORSENAD_HEADER) !== null;
};

/** How far the read models lag behind the writes, from a /health answer (200 or 503). */
export const eftersladIHalsa = (svar: unknown): number | undefined => {
  const halsa = svar as { projectionLag?: unknown; details?: { projectionLag?: unknown } };
  const lag = halsa?.projectionLag ?? halsa?.details?.projectionLag;
  return typeof lag === 'number' ? lag : undefined;
};

let forsenad = false;
const lyssnare = new Set<() => void>();

/**
 * Whether the last word on the read models was that they lag: a marked read says so; an
 * unmarked read, or /health reporting no lag, says they have caught up. Shaped for
 * useSyncExternalStore.
 */
export const lasmodellStatus = {
  /** `undefined` (an answer that says nothing) leaves the state as it is. */
  rapportera: (nu: boolean | undefined): void => {
    if (nu === undefined || nu === forsenad) return;
    forsenad = nu;
    for (const lyssna of [...lyssnare]) lyssna();
  },
  forsenad: (): boolean => forsenad,
  prenumerera: (lyssna: () => void): (() => void) => {
    lyssnare.add(lyssna);
    return () => lyssnare.delete(lyssna);
  },
};
