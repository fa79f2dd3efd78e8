import {
  Alert,
  Anchor,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { DeltagandeMedHistorik } from '../api/deltagande';
import {
  AVSLUTSORSAK_ETIKETT,
  etikettFor,
  FORSORJNING_ETIKETT,
  KON_ETIKETT,
  kommunNamn,
  REMITTENT_ETIKETT,
} from '../kodlistor/kodlistor';
import { Atgarder } from './Atgarder';
import { StatusBadge } from './StatusBadge';
import { Tidslinje } from './Tidslinje';

const Uppgift = ({ namn, children }: { namn: string; children: React.ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed" component="dt">
      {namn}
    </Text>
    <Text size="sm" component="dd" m={0}>
      {children}
    </Text>
  </div>
);

export const DeltagandePage = () => {
  const { id = '' } = useParams();
  const [d, setD] = useState<DeltagandeMedHistorik | null>(null);
  const [fel, setFel] = useState<string | null>(null);

  const hamta = useCallback(() => {
    api
      .get<DeltagandeMedHistorik>(`/deltaganden/${id}`)
      .then(setD)
      .catch((error: unknown) => setFel(error instanceof Error ? error.message : String(error)));
  }, [id]);
  useEffect(hamta, [hamta]);

  if (fel)
    return (
      <Alert color="red" role="alert">
        {fel}
      </Alert>
    );
  if (!d) return <Loader aria-label="Laddar deltagandet" />;

  return (
    <Stack>
      <Anchor component={Link} to={`/insatser/${d.insatsId}/deltaganden`} size="sm">
        ← Alla deltaganden i insatsen
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>
          Deltagande{' '}
          <Text span ff="monospace" inherit>
            {d.id.slice(0, 8)}
          </Text>
        </Title>
        <StatusBadge status={d.status} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Paper withBorder p="md" component="section" aria-labelledby="uppgifter-rubrik">
              <Title order={3} id="uppgifter-rubrik" mb="sm">
                Uppgifter
              </Title>
              <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0}>
                {d.namn && <Uppgift namn="Namn">{d.namn}</Uppgift>}
                {d.personnummer && <Uppgift namn="Personnummer">{d.personnummer}</Uppgift>}
                <Uppgift namn="Kön">{etikettFor(KON_ETIKETT, d.person.kon)}</Uppgift>
                <Uppgift namn="Födelseår">{d.person.fodelsear}</Uppgift>
                <Uppgift namn="Kommun">{kommunNamn(d.person.kommun)}</Uppgift>
                <Uppgift namn="Remiss">
                  {d.remiss.datum}, {etikettFor(REMITTENT_ETIKETT, d.remiss.remittent)}
                </Uppgift>
                <Uppgift namn="Inskrivning">{d.inskrivning?.datum ?? '–'}</Uppgift>
                <Uppgift namn="Avslut">
                  {d.avslut
                    ? `${d.avslut.datum}, ${etikettFor(AVSLUTSORSAK_ETIKETT, d.avslut.avslutsorsak)}`
                    : '–'}
                </Uppgift>
                {d.inskrivning && (
                  <Uppgift namn="Försörjning vid inskrivning">
                    {d.inskrivning.forsorjning
                      .map((k) => etikettFor(FORSORJNING_ETIKETT, k))
                      .join(', ')}
                  </Uppgift>
                )}
                {d.aterremiss && (
                  <Uppgift namn="Återremiss">
                    {d.aterremiss.datum}: {d.aterremiss.orsak}
                  </Uppgift>
                )}
                {d.makulering && <Uppgift namn="Makulerat">{d.makulering.orsak}</Uppgift>}
              </SimpleGrid>
            </Paper>
            <Atgarder deltagande={d} sparad={hamta} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <Tidslinje historik={d.historik} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
};
