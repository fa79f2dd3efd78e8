import { Alert, Button, Grid, Group, Loader, Paper, Stack, Table, Title } from '@mantine/core';
import { useSidor } from '../api/sidor';
import { useInsatser } from '../insatser/useInsatser';
import type { Anvandare } from './anvandare';
import { AnvandareRad } from './AnvandareRad';
import { NyAnvandareForm } from './NyAnvandareForm';
import { Tabellrulle } from '../layout/Tabellrulle';

export const AnvandarePage = () => {
  const { insatser } = useInsatser();
  const {
    items: anvandare,
    finnsFler,
    visaFler,
    laddar,
    fel,
    laddaOm: hamta,
  } = useSidor<Anvandare>('/users');

  return (
    <Stack>
      <Title order={2}>Användare</Title>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="md">
            {!anvandare && !fel && <Loader aria-label="Laddar användare" />}
            {anvandare && (
              <Tabellrulle namn="Användare" minBredd={640}>
                <Table striped captionSide="top" verticalSpacing="xs">
                  <Table.Caption>Förbundets användare, roller och insatser</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>E-postadress</Table.Th>
                      <Table.Th>Roll</Table.Th>
                      <Table.Th>Insatser</Table.Th>
                      <Table.Th>
                        <span className="visuellt-dold">Åtgärd</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {anvandare.map((a) => (
                      <AnvandareRad
                        key={`${a.id}-${a.roll}-${a.insatser.join()}`}
                        anvandare={a}
                        insatser={insatser ?? []}
                        sparad={hamta}
                      />
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
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md">
            <NyAnvandareForm insatser={insatser ?? []} skapad={hamta} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
};
