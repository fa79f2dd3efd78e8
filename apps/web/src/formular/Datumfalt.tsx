import { TextInput } from '@mantine/core';

/** A civil date `YYYY-MM-DD`; the browser's own picker, and the server decides what is valid. */
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
  max?: string;
}) => (
  <TextInput
    type="date"
    label={label}
    value={value}
    onChange={(e) => onChange(e.currentTarget.value)}
    error={error}
    required={required}
    max={max}
    maw={220}
  />
);
