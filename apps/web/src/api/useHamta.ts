import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-error';
import { api } from './client';

export const felText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const avbruten = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

/**
 * One GET kept in step with `path`: a new path (or `laddaOm`) aborts the request still under
 * way, so a slow answer to an old question never overwrites the newer one. `null` asks nothing.
 * What was shown stays until the new answer comes (no blank page while loading).
 */
export const useHamta = <T>(path: string | null) => {
  const [svar, setSvar] = useState<{ path: string; data: T } | null>(null);
  const [fel, setFel] = useState<{ path: string; text: string; status?: number } | null>(null);
  const [omladdning, setOmladdning] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const kontroll = new AbortController();
    api
      .get<T>(path, kontroll.signal)
      .then((data) => {
        setFel(null);
        setSvar({ path, data });
      })
      .catch((error: unknown) => {
        if (avbruten(error) || kontroll.signal.aborted) return;
        const status = error instanceof ApiError ? error.status : undefined;
        setFel({ path, text: felText(error), ...(status === undefined ? {} : { status }) });
      });
    return () => kontroll.abort();
  }, [path, omladdning]);

  const laddaOm = useCallback(() => setOmladdning((n) => n + 1), []);

  return {
    data: svar?.data ?? null,
    /** Whether the shown data answers the current path (false while a new one loads). */
    aktuell: svar !== null && svar.path === path,
    fel: fel?.path === path ? fel : null,
    laddaOm,
  };
};
