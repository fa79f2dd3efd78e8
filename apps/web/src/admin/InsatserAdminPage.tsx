import {
  Alert,
  Badge,
  Button,
  Grid,
  Loader,
  Paper,
  Stack,
  Table,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useInsatser } from '../insatser/useInsatser';
import { INRIKTNING_ETIKETT, MATMETOD_ETIKETT } from '../kodlistor/kodlistor';
import { AndraInsatsForm } from './AndraInsatsForm';
import { ArsmalForm } from './ArsmalForm';
import { AvslutaInsats } from './AvslutaInsats';
import { MalOchEkonomiSektion } from './MalOchEkonomiSektion';
import { NyInsatsForm } from './NyInsatsForm';
import { Tabellrulle } from '../layout/Tabellrulle';

export const InsatserAdminPage = () => {
  const { insatser, fel, hamta } = useInsatser();
  const [vald, setVald] = useState<{ id: string; vy: 'andra' | 'mal' } | null>(null);
  const valdInsats = vald && insatser?.find((i) => i.id === vald.id);

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
              <Tabellrulle namn="Insatser" minBredd={520}>
                <Table striped highlightOnHover captionSide="top">
                  <Table.Caption>Förbundets insatser i förbundets ordning</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Namn</Table.Th>
                      <Table.Th>Grupp</Table.Th>
                      <Table.Th>Inriktning och mätmetod</Table.Th>
                      <Table.Th>Period</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>Åtgärder</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {insatser.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>
                          {i.namn} {i.avslutad && <Badge color="gray.8">Avslutad</Badge>}
                        </Table.Td>
                        <Table.Td>{i.grupp ?? ''}</Table.Td>
                        <Table.Td>
                          {INRIKTNING_ETIKETT[i.inriktning]}
                          <br />
                          {MATMETOD_ETIKETT[i.matmetod]}
                        </Table.Td>
                        <Table.Td>
                          {i.startdatum} – {i.slutdatum ?? ''}
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4} align="stretch">
                            <Button
                              size="xs"
                              variant={
                                vald?.id === i.id && vald.vy === 'andra' ? 'filled' : 'default'
                              }
                              aria-label={`Ändra ${i.namn}`}
                              onClick={() => setVald({ id: i.id, vy: 'andra' })}
                            >
                              Ändra
                            </Button>
                            <Button
                              size="xs"
                              variant={
                                vald?.id === i.id && vald.vy === 'mal' ? 'filled' : 'default'
                              }
                              aria-label={`Mål och ekonomi för ${i.namn}`}
                              onClick={() => setVald({ id: i.id, vy: 'mal' })}
                            >
                              Mål och ekonomi
                            </Button>
                          </Stack>
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
            {vald?.vy === 'mal' && valdInsats && (
              <Paper withBorder p="md">
                <MalOchEkonomiSektion
                  key={valdInsats.id}
                  insatsId={valdInsats.id}
                  namn={valdInsats.namn}
                />
              </Paper>
            )}
            {vald?.vy === 'mal' && (
              <Paper withBorder p="md">
                <ArsmalForm key={vald.id} insatsId={vald.id} />
              </Paper>
            )}
            {vald?.vy === 'andra' && valdInsats && (
              <Paper withBorder p="md" key={valdInsats.id}>
                <Stack gap="xl">
                  <AndraInsatsForm insats={valdInsats} sparad={hamta} />
                  {!valdInsats.avslutad && <AvslutaInsats insats={valdInsats} avslutad={hamta} />}
                </Stack>
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
