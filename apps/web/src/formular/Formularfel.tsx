import { Alert } from '@mantine/core';
import type { Serverfel } from './useServerfel';

/**
 * Errors that belong to no field shown, plus a reminder when fields carry errors (so a screen
 * reader user hears that something failed).
 */
export const Formularfel = ({ fel }: { fel: Serverfel }) => {
  const antalFalt = Object.keys(fel.falt).length;
  if (!fel.formular && antalFalt === 0) return null;
  return (
    <Alert color="red" role="alert" title="Uppgifterna sparades inte" tabIndex={-1}>
      {fel.formular ??
        (antalFalt === 1
          ? 'Rätta fältet som är markerat nedan.'
          : 'Rätta fälten som är markerade nedan.')}
    </Alert>
  );
};
