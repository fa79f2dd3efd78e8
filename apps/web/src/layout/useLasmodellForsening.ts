import { useEffect, useState, useSyncExternalStore } from 'react';
import { eftersladIHalsa, lasmodellStatus } from '../api/lasmodell-status';
import { forseningIHalsa, type LasmodellForsening } from './lasmodell-forsening';

/** Often enough that a delay shows within a minute; /health is cheap and needs no login. */
const INTERVALL_MS = 30_000;
/** While the figures are being updated, often enough that the notice goes soon after. */
const INTERVALL_UPPDATERAS_MS = 5_000;

export interface LasmodellLage {
  /** The read models have stalled (an error: someone must repair it). */
  stannad: LasmodellForsening | undefined;
  /** They lag by design (an import) and catch up by themselves. */
  uppdateras: boolean;
}

/**
 * Whether the read models are delayed: stalled, from polling /health while the layout is
 * shown; lagging behind an import, from the marks on the API's answers, until an unmarked read
 * or /health reporting no lag says they have caught up.
 */
export const useLasmodellForsening = (): LasmodellLage => {
  const [stannad, setStannad] = useState<LasmodellForsening | undefined>();
  const uppdateras = useSyncExternalStore(lasmodellStatus.prenumerera, lasmodellStatus.forsenad);
  useEffect(() => {
    const avbryt = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fraga = async (): Promise<void> => {
      try {
        const svar = await fetch('/api/v1/health', { signal: avbryt.signal });
        const halsa: unknown = await svar.json().catch(() => ({}));
        const nu = svar.ok ? undefined : forseningIHalsa(halsa);
        // Same delay: keep the object, so the banner does not re-render every poll.
        setStannad((forut) => (nu && forut?.sedan === nu.sedan ? forut : nu));
        // A lag alone says nothing (every write lags a moment); none says they have caught up.
        if (eftersladIHalsa(halsa) === 0) lasmodellStatus.rapportera(false);
      } catch {
        // Unreachable server or aborted: other parts of the page report that.
      }
    };
    let underVag = false;
    const schemalagg = (): void => {
      clearTimeout(timer);
      const intervall = lasmodellStatus.forsenad() ? INTERVALL_UPPDATERAS_MS : INTERVALL_MS;
      timer = setTimeout(() => void nasta(), intervall);
    };
    const nasta = async (): Promise<void> => {
      underVag = true;
      await fraga();
      underVag = false;
      if (!avbryt.signal.aborted) schemalagg();
    };
    void nasta();
    // A notice that just appeared is checked soon, not at the end of a long interval.
    const avsluta = lasmodellStatus.prenumerera(() => {
      if (lasmodellStatus.forsenad() && !underVag && !avbryt.signal.aborted) schemalagg();
    });
    return () => {
      avsluta();
      clearTimeout(timer);
      avbryt.abort();
    };
  }, []);
  return { stannad, uppdateras };
};
