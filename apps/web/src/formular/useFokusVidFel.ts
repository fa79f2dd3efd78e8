import { useEffect, useRef } from 'react';
import type { Serverfel } from './useServerfel';

/** After a refused submit, keyboard and screen-reader users land on the first field to fix. */
export const useFokusVidFel = (fel: Serverfel) => {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = ref.current;
    if (!form || (Object.keys(fel.falt).length === 0 && !fel.formular)) return;
    const forsta =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>('[role="alert"]');
    // Centred, so neither the sticky header nor the page's foot hides it.
    forsta?.focus({ preventScroll: true });
    forsta?.scrollIntoView({ block: 'center' });
  }, [fel]);
  return ref;
};
