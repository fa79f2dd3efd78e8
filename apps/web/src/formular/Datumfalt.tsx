import { TextInput } from '@mantine/core';

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a typed date, once it is long enough to judge; the server has the last word. */
export const datumfel = (value: string, max?: string): string | undefined => {
  if (value.length < 10) return undefined;
  if (!DATUM.test(value) || Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()))
    return 'Skriv datumet som ÅÅÅÅ-MM-DD.';
  if (max && value > max) return `Datumet får vara senast ${max}.`;
  return undefined;
};

/**
 * A civil date typed as `ÅÅÅÅ-MM-DD`. A text field, not the browser's date picker, which shows
 * the browser's locale (MM/DD/YYYY under en-US, DD.MM.YYYY under de-DE).
 */
export const Datumfalt = ({
  label,
  value,
  onChange,
  error,
  required = true,
  max,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  max?: string | undefined;
}) => (
  <TextInput
    label={label}
    value={value}
    onChange={(e) => onChange(e.currentTarget.value.trim())}
    error={error ?? datumfel(value, max)}
    required={required}
    placeholder="ÅÅÅÅ-MM-DD"
    description="ÅÅÅÅ-MM-DD"
    inputMode="numeric"
    autoComplete="off"
    maxLength={10}
    maw={220}
  />
);
