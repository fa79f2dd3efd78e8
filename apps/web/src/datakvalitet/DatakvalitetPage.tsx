import {
  Alert,
  Anchor,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { query } from '../api/client';
import type { components } from '../api/schema';
import { useHamta } from '../api/useHamta';
import { useAuth } from '../auth/auth-context';
import { Tabellrulle } from '../layout/Tabellrulle';

type Datakvalitet = components['schemas']['DatakvalitetDto'];
type InsatsKvalitet = components['schemas']['InsatsKvalitetDto'];
type Efterslapning = components['schemas']['EfterslapningDto'];
type Urval = components['schemas']['DeltagandeUrvalDto'];

const idag = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
/** The same date a year back; 29 February becomes 28 February (2027-02-29 does not exist). */
const ettArSedan = (datum: string): string =>
  `${Number(datum.slice(0, 4)) - 1}${datum.slice(4) === '-02-29' ? '-02-28' : datum.slice(4)}`;

const dagar = (varde: number | null): string =>
  varde === null ? '–' : `${varde.toLocaleString('sv-SE')} d`;
const andel = (varde: number | null): string =>
  varde === null ? '–' : `${Math.round(varde * 100).toLocaleString('sv-SE')} %`;

/** The deltaganden behind a count: links for personal staff, who may open them; ids otherwise. */
const Deltaganden = ({ urval, lankar }: { urval: Urval; lankar: boolean }) =>
  urval.antal === 0 ? (
    <Text size="sm">0</Text>
  ) : (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {urval.antal}
      </Text>
      {urval.deltagandeIds.map((id) =>
        lankar ? (
          <Anchor key={id} component={Link} to={`/deltaganden/${id}`} size="xs">
            {id.slice(0, 8)}
          </Anchor>
        ) : (
          <Text key={id} size="xs" c="dimmed" title={id}>
            {id.slice(0, 8)}
          </Text>
        ),
      )}
    </Stack>
  );

const EfterslapningCeller = ({ e }: { e: Efterslapning }) => (
  <>
    <Table.Td>{e.antal}</Table.Td>
    <Table.Td>{dagar(e.medianDagar)}</Table.Td>
    <Table.Td>{dagar(e.p90Dagar)}</Table.Td>
    <Table.Td>{andel(e.andelOver30)}</Table.Td>
  </>
);

const InsatsTabell = ({ rader, lankar }: { rader: InsatsKvalitet[]; lankar: boolean }) => (
  <Tabellrulle namn="Datakvalitet per insats" minBredd={900}>
    <Table striped withTableBorder aria-label="Datakvalitet per insats">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Insats</Table.Th>
          <Table.Th>Registreringar</Table.Th>
          <Table.Th>Eftersläpning, median</Table.Th>
          <Table.Th>Eftersläpning, 90:e percentil</Table.Th>
          <Table.Th>Andel över 30 dagar</Table.Th>
          <Table.Th>Remisser som väntat över 60 dagar</Table.Th>
          <Table.Th>Inskrivna utan händelse på 12 månader</Table.Th>
          <Table.Th>Månader utan volymregistrering</Table.Th>
          <Table.Th>Personkonflikter</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rader.map((rad) => (
          <Table.Tr key={rad.insatsId}>
            <Table.Th scope="row">{rad.namn}</Table.Th>
            <EfterslapningCeller e={rad.efterslapning} />
            <Table.Td>
              <Deltaganden urval={rad.vantandeRemisser} lankar={lankar} />
            </Table.Td>
            <Table.Td>
              <Deltaganden urval={rad.inaktivaInskrivna} lankar={lankar} />
            </Table.Td>
            <Table.Td>
              {rad.saknadeVolymManader === null
                ? 'Ej volyminsats'
                : rad.saknadeVolymManader.length === 0
                  ? 'Inga'
                  : rad.saknadeVolymManader.join(', ')}
            </Table.Td>
            <Table.Td>
              <Deltaganden urval={rad.personkonflikter} lankar={lankar} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  </Tabellrulle>
);

const AnvandarTabell = ({ rader }: { rader: InsatsKvalitet[] }) => (
  <Tabellrulle namn="Eftersläpning per användare" minBredd={700}>
    <Table striped withTableBorder aria-label="Eftersläpning per användare">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Insats</Table.Th>
          <Table.Th>Användare</Table.Th>
          <Table.Th>Registreringar</Table.Th>
          <Table.Th>Median</Table.Th>
          <Table.Th>90:e percentil</Table.Th>
          <Table.Th>Andel över 30 dagar</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rader.flatMap((rad) =>
          (rad.perAnvandare ?? []).map((a) => (
            <Table.Tr key={`${rad.insatsId}-${a.anvandareId}`}>
              <Table.Td>{rad.namn}</Table.Td>
              <Table.Td>{a.email ?? a.anvandareId}</Table.Td>
              <EfterslapningCeller e={a} />
            </Table.Tr>
          )),
        )}
      </Table.Tbody>
    </Table>
  </Tabellrulle>
);

/** Where the registrations lag or are missing, before the numbers go out. */
export const DatakvalitetPage = () => {
  const { inloggad } = useAuth();
  const [till, setTill] = useState(idag);
  const [fran, setFran] = useState(() => ettArSedan(idag()));
  const giltig =
    /^\d{4}-\d{2}-\d{2}$/.test(fran) && /^\d{4}-\d{2}-\d{2}$/.test(till) && fran <= till;
  const svar = useHamta<Datakvalitet>(giltig ? `/datakvalitet${query({ fran, till })}` : null);
  const data = svar.data;
  const fel = svar.fel?.text ?? null;
  const personal = inloggad?.roll === 'personal';

  return (
    <Stack>
      <Title order={2}>Datakvalitet</Title>
      <Paper withBorder p="md">
        <Group align="end">
          <TextInput
            type="date"
            label="Från"
            value={fran}
            onChange={(e) => setFran(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="Till"
            value={till}
            onChange={(e) => setTill(e.currentTarget.value)}
          />
        </Group>
        {!giltig && (
          <Text c="red.8" size="sm" role="alert">
            Ange en period där från-datumet inte är efter till-datumet.
          </Text>
        )}
      </Paper>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      {!data && !fel && <Loader aria-label="Laddar datakvaliteten" />}
      {data && (
        <>
          <Text size="sm" data-testid="datakvalitet-period">
            Registreringar med datum {data.fran} – {data.till}; väntan och inaktivitet mätt{' '}
            {data.referensdatum}. Eftersläpning: dagar från händelsens datum till registreringen.
          </Text>
          <InsatsTabell rader={data.insatser} lankar={personal} />
          {data.insatser.some((rad) => rad.perAnvandare !== undefined) && (
            <>
              <Title order={3}>Eftersläpning per användare</Title>
              <AnvandarTabell rader={data.insatser} />
            </>
          )}
          {data.andradeRapporter !== undefined && (
            <>
              <Title order={3}>Rapporter vars siffror ändrats sedan</Title>
              {data.andradeRapporter.length === 0 ? (
                <Text size="sm">
                  Ingen av de {data.granskadeRapporter ?? 0} senaste exporterna för perioden har
                  ändrats.
                </Text>
              ) : (
                <Stack gap="xs" component="ul" aria-label="Ändrade rapporter">
                  {data.andradeRapporter.map((r) => (
                    <li key={r.id}>
                      <Anchor component={Link} to={r.lank}>
                        {r.format.toUpperCase()} {r.fran} – {r.till}, exporterad{' '}
                        {new Date(r.skapad).toLocaleString('sv-SE')}: vad har ändrats sedan?
                      </Anchor>
                    </li>
                  ))}
                </Stack>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
};
