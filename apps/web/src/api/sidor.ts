import { useCallback, useEffect, useState } from 'react';
import { api } from './client';
import { felText, useHamta } from './useHamta';

/** A paged list's answer (API.md, version 2): `?limit`, `?cursor`. */
export interface Sida<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

const medCursor = (path: string, cursor: string): string =>
  `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;

/**
 * A paged list read page by page: the first page when `path` changes, the next on
 * `visaFler`, the first again on `laddaOm` (after a change) without blanking what is shown.
 * An answer to a path no longer shown is dropped.
 */
export const useSidor = <T>(path: string) => {
  const [lista, setLista] = useState<{ path: string; items: T[]; nasta: string | null } | null>(
    null,
  );
  const [laddar, setLaddar] = useState(false);
  const [fel, setFel] = useState<string | null>(null);
  const [omladdning, setOmladdning] = useState(0);

  // The first page comes through the one fetching hook, which aborts a stale request.
  const forsta = useHamta<Sida<T>>(path);
  const forstaSida = forsta.aktuell ? forsta.data : null;
  const forstaFel = forsta.fel?.text ?? null;
  const laddaOmForsta = forsta.laddaOm;
  useEffect(() => {
    if (forstaSida) setLista({ path, items: forstaSida.items, nasta: forstaSida.nextCursor });
  }, [forstaSida, path]);
  useEffect(() => {
    setFel(forstaFel);
  }, [forstaFel]);
  useEffect(() => {
    if (omladdning > 0) laddaOmForsta();
  }, [omladdning, laddaOmForsta]);

  const visas = lista?.path === path ? lista : null;
  const nasta = visas?.nasta ?? null;

  const visaFler = useCallback(() => {
    if (nasta === null) return;
    setLaddar(true);
    api
      .get<Sida<T>>(medCursor(path, nasta))
      .then((sida) =>
        setLista((forra) =>
          forra?.path === path && forra.nasta === nasta
            ? { path, items: [...forra.items, ...sida.items], nasta: sida.nextCursor }
            : forra,
        ),
      )
      .catch((error: unknown) => setFel(felText(error)))
      .finally(() => setLaddar(false));
  }, [path, nasta]);

  const laddaOm = useCallback(() => setOmladdning((n) => n + 1), []);

  return {
    items: visas?.items ?? null,
    finnsFler: nasta !== null,
    visaFler,
    laddar,
    fel,
    laddaOm,
  };
};
