import { NativeSelect } from '@mantine/core';

/** One code from a code list; a native select is keyboard- and screen-reader-friendly everywhere. */
export const Kodval = ({
  label,
  alternativ,
  value,
  onChange,
  error,
  required = true,
  tomEtikett = 'Välj…',
}: {
  label: string;
  alternativ: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  tomEtikett?: string;
}) => (
  <NativeSelect
    label={label}
    value={value}
    onChange={(e) => onChange(e.currentTarget.value)}
    error={error}
    required={required}
    data={[{ value: '', label: tomEtikett }, ...alternativ]}
    maw={420}
  />
);
