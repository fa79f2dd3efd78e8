import { Alert, Grid, Loader, Paper, Stack, Table, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useInsatser } from '../insatser/useInsatser';
import type { Anvandare } from './anvandare';
import { AnvandareRad } from './AnvandareRad';
import { NyAnvandareForm } from './NyAnvandareForm';
import { Tabellrulle } from '../layout/Tabellrulle';

export const AnvandarePage = () => {
  const { insatser } = useInsatser();
  const [anvandare, setAnvandare] = useState<Anvandare[] | null>(null);
  const [fel, setFel] = useState<string | null>(null);

  const hamta = useCallback(() => {
    api
      .get<Anvandare[]>('/users')
      .then(setAnvandare)
      .catch((error: unknown) => setFel(error instanceof Error ? error.message : String(error)));
  }, []);
  useEffect(hamta, [hamta]);

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
