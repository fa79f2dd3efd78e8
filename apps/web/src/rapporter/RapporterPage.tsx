import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSidor } from '../api/sidor';
import { useAuth } from '../auth/auth-context';
import { Tabellrulle } from '../layout/Tabellrulle';
import { tidpunkt, type Rapport } from './rapport';

/** Every export made, newest first, and whether the same report made now has other figures. */
export const RapporterPage = () => {
  const { inloggad } = useAuth();
  const { items: rapporter, finnsFler, visaFler, laddar, fel } = useSidor<Rapport>('/rapporter');
  const admin = inloggad?.roll === 'admin';

  return (
    <Stack>
      <Title order={2}>Rapporter</Title>
      <Text>
        Varje export av statistiken sparas med sina val. Har siffrorna ändrats sedan dess kan du se
        vilka celler som ändrats och av vilka registreringar.
      </Text>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      <Paper withBorder p="md">
        {!rapporter && !fel && <Loader aria-label="Laddar rapporter" />}
        {rapporter && rapporter.length === 0 && <Text>Inga rapporter har exporterats ännu.</Text>}
        {rapporter && rapporter.length > 0 && (
          <Tabellrulle namn="Rapporter" minBredd={720}>
            <Table striped captionSide="top" verticalSpacing="xs">
              <Table.Caption>Exporterade rapporter, nyast först</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Exporterad</Table.Th>
                  {admin && <Table.Th>Av</Table.Th>}
                  <Table.Th>Period</Table.Th>
                  <Table.Th>Siffror per</Table.Th>
                  <Table.Th>Format</Table.Th>
                  <Table.Th>Ändrad sedan</Table.Th>
                  <Table.Th>
                    <span className="visuellt-dold">Åtgärd</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rapporter.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{tidpunkt(r.skapad)}</Table.Td>
                    {admin && <Table.Td>{r.av.email ?? '–'}</Table.Td>}
                    <Table.Td>
                      {r.period.fran} – {r.period.till}
                    </Table.Td>
                    <Table.Td>{tidpunkt(r.asOf)}</Table.Td>
                    <Table.Td>
                      {r.format.toUpperCase()}
                      {r.skydda ? ' (skyddad)' : ''}
                    </Table.Td>
                    <Table.Td>
                      <Text
                        fw={r.andradSedan ? 700 : 400}
                        c={r.andradSedan ? 'orange.9' : undefined}
                      >
                        {r.andradSedan ? 'Ja' : 'Nej'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.andradSedan && (
                        <Button
                          component={Link}
                          to={`/rapporter/${r.id}/andringar`}
                          size="xs"
                          variant="light"
                        >
                          Vad har ändrats sedan?
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabellrulle>
        )}
        {finnsFler && (
          <Group mt="sm">
            <Button variant="default" onClick={visaFler} loading={laddar}>
              Visa fler
            </Button>
          </Group>
        )}
      </Paper>
    </Stack>
  );
};
