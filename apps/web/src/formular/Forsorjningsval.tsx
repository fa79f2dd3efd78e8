import { Checkbox, SimpleGrid } from '@mantine/core';
import { alternativ, FORSORJNING, FORSORJNING_ETIKETT } from '../kodlistor/kodlistor';

/** Försörjning is a set: one checkbox per code, grouped under one legend. */
export const Forsorjningsval = ({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}) => (
  <Checkbox.Group
    label={label}
    description="Välj alla som gäller. ”Uppgift saknas” väljs ensam."
    value={value}
    onChange={onChange}
    error={error}
    withAsterisk
  >
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt="xs">
      {alternativ(FORSORJNING, FORSORJNING_ETIKETT).map((a) => (
        <Checkbox key={a.value} value={a.value} label={a.label} />
      ))}
    </SimpleGrid>
  </Checkbox.Group>
);
