import { useEffect, useState } from 'react';
import { forseningIHalsa, type LasmodellForsening } from './lasmodell-forsening';

/** Often enough that a delay shows within a minute; /health is cheap and needs no login. */
const INTERVALL_MS = 30_000;

/** Whether the read models are delayed, from polling /health while the layout is shown. */
export const useLasmodellForsening = (): LasmodellForsening | undefined => {
  const [forsening, setForsening] = useState<LasmodellForsening | undefined>();
  useEffect(() => {
    const avbryt = new AbortController();
    const fraga = async (): Promise<void> => {
      try {
        const svar = await fetch('/api/v1/health', { signal: avbryt.signal });
        const nu = svar.ok ? undefined : forseningIHalsa(await svar.json().catch(() => ({})));
        // Same delay: keep the object, so the banner does not re-render every poll.
        setForsening((forut) => (nu && forut?.sedan === nu.sedan ? forut : nu));
      } catch {
        // Unreachable server or aborted: other parts of the page report that.
      }
    };
    void fraga();
    const timer = setInterval(() => void fraga(), INTERVALL_MS);
    return () => {
      clearInterval(timer);
      avbryt.abort();
    };
  }, []);
  return forsening;
};
