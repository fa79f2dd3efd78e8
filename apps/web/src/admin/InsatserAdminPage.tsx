import { Alert, Badge, Button, Grid, Loader, Paper, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useInsatser } from '../insatser/useInsatser';
import { INRIKTNING_ETIKETT, MATMETOD_ETIKETT } from '../kodlistor/kodlistor';
import { ArsmalForm } from './ArsmalForm';
import { MalOchEkonomiSektion } from './MalOchEkonomiSektion';
import { NyInsatsForm } from './NyInsatsForm';
import { Tabellrulle } from '../layout/Tabellrulle';

export const InsatserAdminPage = () => {
  const { insatser, fel, hamta } = useInsatser();
  const [vald, setVald] = useState<string | null>(null);
  const valdInsats = insatser?.find((i) => i.id === vald);

  return (
    <Stack>
      <Title order={2}>Insatser och mål</Title>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md">
            {!insatser && !fel && <Loader aria-label="Laddar insatser" />}
            {insatser && (
              <Tabellrulle namn="Insatser" minBredd={560}>
                <Table striped highlightOnHover captionSide="top">
                  <Table.Caption>Förbundets insatser</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Namn</Table.Th>
                      <Table.Th>Inriktning</Table.Th>
                      <Table.Th>Mätmetod</Table.Th>
                      <Table.Th>Period</Table.Th>
                      <Table.Th>Mål</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {insatser.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>
                          {i.namn} {i.avslutad && <Badge color="gray.8">Avslutad</Badge>}
                        </Table.Td>
                        <Table.Td>{INRIKTNING_ETIKETT[i.inriktning]}</Table.Td>
                        <Table.Td>{MATMETOD_ETIKETT[i.matmetod]}</Table.Td>
                        <Table.Td>
                          {i.startdatum} – {i.slutdatum ?? ''}
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant={vald === i.id ? 'filled' : 'default'}
                            aria-label={`Mål och ekonomi för ${i.namn}`}
                            onClick={() => setVald(i.id)}
                          >
                            Mål och ekonomi
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Tabellrulle>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            {valdInsats && (
              <Paper withBorder p="md">
                <MalOchEkonomiSektion
                  key={valdInsats.id}
                  insatsId={valdInsats.id}
                  namn={valdInsats.namn}
                />
              </Paper>
            )}
            {vald && (
              <Paper withBorder p="md">
                <ArsmalForm key={vald} insatsId={vald} />
              </Paper>
            )}
            <Paper withBorder p="md">
              <NyInsatsForm skapad={hamta} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
};
