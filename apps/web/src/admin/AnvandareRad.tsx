import { Button, Group, MultiSelect, NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/api-error';
import { ROLL_ETIKETT, type Roll } from '../api/inloggad';
import type { Insats } from '../api/insats';
import { ROLLER, type Anvandare } from './anvandare';

/** One user with its roll and insatser editable in place. */
export const AnvandareRad = ({
  anvandare,
  insatser,
  sparad,
}: {
  anvandare: Anvandare;
  insatser: Insats[];
  sparad: () => void;
}) => {
  const [roll, setRoll] = useState<Roll>(anvandare.roll);
  const [valda, setValda] = useState(anvandare.insatser);
  const [fel, setFel] = useState<string | null>(null);
  const [skickar, setSkickar] = useState(false);
  const andrad =
    roll !== anvandare.roll || [...valda].sort().join() !== [...anvandare.insatser].sort().join();

  const spara = async () => {
    setSkickar(true);
    setFel(null);
    try {
      await api.patch(`/users/${anvandare.id}`, {
        roll,
        insatser: roll === 'personal' ? valda : [],
      });
      sparad();
    } catch (error) {
      setFel(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    } finally {
      setSkickar(false);
    }
  };

  return (
    <Table.Tr>
      <Table.Td>{anvandare.email}</Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`Roll för ${anvandare.email}`}
          value={roll}
          onChange={(e) => setRoll(e.currentTarget.value as Roll)}
          data={ROLLER.map((r) => ({ value: r, label: ROLL_ETIKETT[r] }))}
        />
      </Table.Td>
      <Table.Td miw={220}>
        {roll === 'personal' ? (
          <MultiSelect
            aria-label={`Insatser för ${anvandare.email}`}
            data={insatser.map((i) => ({ value: i.id, label: i.namn }))}
            value={valda}
            onChange={setValda}
            searchable
            placeholder="Välj insatser"
          />
        ) : (
          <Text size="sm">Alla (ingen personaldata)</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            disabled={!andrad}
            loading={skickar}
            onClick={() => void spara()}
            aria-label={`Spara ändringar för ${anvandare.email}`}
          >
            Spara
          </Button>
        </Group>
        {fel && (
          <Text c="red.8" size="xs" role="alert">
            {fel}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
};
