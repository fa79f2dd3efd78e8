import { Textarea } from '@mantine/core';

export const Orsaksfalt = ({
  value,
  onChange,
  error,
  label = 'Orsak',
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  label?: string;
}) => (
  <Textarea
    label={label}
    value={value}
    onChange={(e) => onChange(e.currentTarget.value)}
    error={error}
    required
    autosize
    minRows={2}
  />
);
