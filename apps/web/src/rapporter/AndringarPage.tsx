import { Alert, Anchor, List, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useHamta } from '../api/useHamta';
import { useAuth } from '../auth/auth-context';
import { useInsatser } from '../insatser/useInsatser';
import { Tabellrulle } from '../layout/Tabellrulle';
import { statistikLank } from '../statistik/statistik-lank';
import {
  handelseEtikett,
  tidpunkt,
  varde,
  type Andring,
  type Forandringar,
  type Rapport,
} from './rapport';

const forandringarPath = (rapport: Rapport): string => {
  const params = new URLSearchParams({
    fran: rapport.period.fran,
    till: rapport.period.till,
    fore: rapport.asOf,
  });
  for (const insats of rapport.insatser ?? []) params.append('insats', insats);
  return `/statistik/forandringar?${params.toString()}`;
};

/** A cell's place: table, row and column as the report names them. */
const cellNamn = (a: Andring): string =>
  a.rad === a.tabell ? `${a.tabell}: ${a.kolumn}` : `${a.tabell}, ${a.rad}: ${a.kolumn}`;

/**
 * "Vad har ändrats sedan?": the cells of a recorded report that differ today, then → now, each
 * with the registrations behind it. Admins see each deltagande's id and who registered; kansli
 * no personal data, but the way to the statistics view where every count can be drilled into.
 */
export const AndringarPage = () => {
  const { id } = useParams();
  const { inloggad } = useAuth();
  const admin = inloggad?.roll === 'admin';
  const { insatser } = useInsatser();
  const rapport = useHamta<Rapport>(id ? `/rapporter/${id}` : null);
  const andringar = useHamta<Forandringar>(rapport.data ? forandringarPath(rapport.data) : null);
  const namn = new Map((insatser ?? []).map((i) => [i.id, i.namn]));
  const var_ = (a: Andring): string =>
    a.insatsId
      ? (namn.get(a.insatsId) ?? 'Insats')
      : a.grupp
        ? `Grupp ${a.grupp}`
        : 'Hela förbundet';
  const fel = rapport.fel ?? andringar.fel;

  return (
    <Stack>
      <Title order={2}>Vad har ändrats sedan?</Title>
      <Anchor component={Link} to="/rapporter">
        Tillbaka till rapporterna
      </Anchor>
      {fel && (
        <Alert color="red" role="alert">
          {fel.text}
        </Alert>
      )}
      {rapport.data && (
        <Text>
          Rapporten för {rapport.data.period.fran} – {rapport.data.period.till} exporterades{' '}
          {tidpunkt(rapport.data.skapad)} med siffrorna som de var kända{' '}
          {tidpunkt(rapport.data.asOf)}. Här jämförs den med samma rapport i dag.
        </Text>
      )}
      <Paper withBorder p="md">
        {!andringar.data && !fel && <Loader aria-label="Laddar ändringar" />}
        {andringar.data && andringar.data.andringar.length === 0 && (
          <Text>Inga siffror har ändrats sedan rapporten exporterades.</Text>
        )}
        {andringar.data && andringar.data.andringar.length > 0 && (
          <Tabellrulle namn="Ändrade celler" minBredd={800}>
            <Table striped captionSide="top" verticalSpacing="xs">
              <Table.Caption>
                {andringar.data.andringar.length} ändrade celler: då → nu, och registreringarna
                bakom
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Var</Table.Th>
                  <Table.Th>Cell</Table.Th>
                  <Table.Th>Då</Table.Th>
                  <Table.Th>Nu</Table.Th>
                  <Table.Th>Registreringar bakom</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {andringar.data.andringar.map((a) => (
                  <Table.Tr
                    key={`${a.insatsId ?? ''}|${a.grupp ?? ''}|${a.tabell}|${a.rad}|${a.kolumn}`}
                  >
                    <Table.Td>{var_(a)}</Table.Td>
                    <Table.Td>{cellNamn(a)}</Table.Td>
                    <Table.Td>{varde(a.fore)}</Table.Td>
                    <Table.Td>
                      <strong>{varde(a.efter)}</strong>
                    </Table.Td>
                    <Table.Td>
                      {a.handelser.length === 0 ? (
                        <Text size="sm">Ändrade mål, volym eller ekonomi</Text>
                      ) : (
                        <List size="sm" spacing={2}>
                          {a.handelser.map((h) => (
                            <List.Item key={`${h.deltagandeId}|${h.typ}|${h.recordedAt}`}>
                              {handelseEtikett(h.typ)}
                              {h.datum ? ` ${h.datum}` : ''}, registrerad {tidpunkt(h.recordedAt)}
                              {admin ? (
                                <>
                                  {' '}
                                  av {h.anvandare ?? 'okänd'}, deltagande{' '}
                                  <Text span ff="monospace" size="xs">
                                    {h.deltagandeId}
                                  </Text>
                                </>
                              ) : null}
                            </List.Item>
                          ))}
                        </List>
                      )}
                      {!admin && rapport.data && (
                        <Anchor
                          component={Link}
                          to={statistikLank(rapport.data.period, a)}
                          size="sm"
                        >
                          Se underlaget i statistiken
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabellrulle>
        )}
      </Paper>
    </Stack>
  );
};
