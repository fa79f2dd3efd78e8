import { Select } from '@mantine/core';
import { KOMMUN_ALTERNATIV } from '../kodlistor/kodlistor';

/** 290 kommuner: a searchable select (type a few letters, then Enter). */
export const Kommunval = ({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) => (
  <Select
    label="Kommun"
    description="Där deltagaren är folkbokförd"
    placeholder="Sök kommun"
    data={KOMMUN_ALTERNATIV}
    searchable
    selectFirstOptionOnChange
    nothingFoundMessage="Ingen kommun matchar"
    value={value || null}
    onChange={(v) => onChange(v ?? '')}
    error={error}
    required
    maw={360}
  />
);
