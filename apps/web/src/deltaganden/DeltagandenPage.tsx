import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { query } from '../api/client';
import { STATUS, STATUS_ETIKETT, type Deltagande, type Status } from '../api/deltagande';
import { useSidor } from '../api/sidor';
import { alternativ, etikettFor, KON_ETIKETT, kommunNamn } from '../kodlistor/kodlistor';
import { useInsats } from '../insatser/useInsats';
import { StatusBadge } from './StatusBadge';
import { Tabellrulle } from '../layout/Tabellrulle';

const matchar = (d: Deltagande, sok: string): boolean => {
  const s = sok.trim().toLowerCase();
  if (!s) return true;
  return [d.id, d.personId ?? '', d.person.kommun, kommunNamn(d.person.kommun)].some((v) =>
    v.toLowerCase().includes(s),
  );
};

export const DeltagandenPage = () => {
  const { insatsId = '' } = useParams();
  const insats = useInsats(insatsId);
  const [status, setStatus] = useState<Status | ''>('');
  const [sok, setSok] = useState('');
  const {
    items: deltaganden,
    finnsFler,
    visaFler,
    laddar,
    fel,
  } = useSidor<Deltagande>(
    `/insatser/${insatsId}/deltaganden${query({ status: status || undefined })}`,
  );

  const synliga = useMemo(
    () => deltaganden?.filter((d) => matchar(d, sok)) ?? [],
    [deltaganden, sok],
  );

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>Deltaganden{insats ? ` – ${insats.namn}` : ''}</Title>
        <Button
          component={Link}
          to={`/insatser/${insatsId}/ny-remiss`}
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          Ny remiss
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as Status | '')}
          data={[{ value: '', label: 'Alla' }, ...alternativ(STATUS, STATUS_ETIKETT)]}
        />
        <TextInput
          label="Sök"
          description="Id, person-id eller kommun"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={sok}
          onChange={(e) => setSok(e.currentTarget.value)}
          type="search"
        />
      </Group>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      {!deltaganden && !fel && <Loader aria-label="Laddar deltaganden" />}
      {deltaganden && (
        <>
          <Text size="sm" aria-live="polite">
            {synliga.length} av {deltaganden.length} deltaganden
            {finnsFler ? ' (fler finns)' : ''}
          </Text>
          <Tabellrulle namn="Deltaganden" minBredd={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Deltagande</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Kön</Table.Th>
                  <Table.Th>Födelseår</Table.Th>
                  <Table.Th>Kommun</Table.Th>
                  <Table.Th>Remiss</Table.Th>
                  <Table.Th>Inskrivning</Table.Th>
                  <Table.Th>Avslut</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {synliga.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/deltaganden/${d.id}`} ff="monospace" size="sm">
                        {d.id.slice(0, 8)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={d.status} />
                    </Table.Td>
                    <Table.Td>{etikettFor(KON_ETIKETT, d.person.kon)}</Table.Td>
                    <Table.Td>{d.person.fodelsear}</Table.Td>
                    <Table.Td>{kommunNamn(d.person.kommun)}</Table.Td>
                    <Table.Td>{d.remiss.datum}</Table.Td>
                    <Table.Td>{d.inskrivning?.datum ?? '–'}</Table.Td>
                    <Table.Td>{d.avslut?.datum ?? d.aterremiss?.datum ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabellrulle>
          {finnsFler && (
            <Group>
              <Button variant="default" onClick={visaFler} loading={laddar}>
                Visa fler
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
};
