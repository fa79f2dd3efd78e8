import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { Tabellrulle } from '../layout/Tabellrulle';
import { arKlar, procentKlart, sammanfattning, type ImportStatus } from './import';

const FRAGA_VAR_MS = 500;

export const ImportPage = () => {
  const [fil, setFil] = useState<File | null>(null);
  const [allaEllerInget, setAllaEllerInget] = useState(true);
  const [jobbId, setJobbId] = useState<string | null>(null);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [fel, setFel] = useState<string | null>(null);
  const [skickar, setSkickar] = useState(false);

  // Asks for the job's state until it is done; a newer job (or leaving the page) stops it.
  useEffect(() => {
    if (!jobbId) return undefined;
    let aktuell = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fraga = async () => {
      try {
        const svar = await api.get<ImportStatus>(`/import/${jobbId}`);
        if (!aktuell) return;
        setStatus(svar);
        if (!arKlar(svar.status)) timer = setTimeout(() => void fraga(), FRAGA_VAR_MS);
      } catch (error) {
        if (aktuell) setFel(error instanceof Error ? error.message : String(error));
      }
    };
    void fraga();
    return () => {
      aktuell = false;
      clearTimeout(timer);
    };
  }, [jobbId]);

  const starta = async (torrkorning: boolean) => {
    if (!fil) return;
    setSkickar(true);
    setFel(null);
    setStatus(null);
    setJobbId(null);
    try {
      const params = new URLSearchParams();
      if (torrkorning) params.set('torrkorning', 'true');
      if (allaEllerInget) params.set('allaEllerInget', 'true');
      const { id } = await api.skickaFil<{ id: string }>(
        `/import?${params.toString()}`,
        'fil',
        fil,
      );
      setJobbId(id);
    } catch (error) {
      setFel(error instanceof Error ? error.message : String(error));
    } finally {
      setSkickar(false);
    }
  };

  const laddaNer = (format: 'xlsx' | 'csv') =>
    api
      .laddaNer(`/import/mall.${format}`, `importmall-deltaganden.${format}`)
      .catch((error: unknown) => setFel(error instanceof Error ? error.message : String(error)));

  const pagar = status !== null && !arKlar(status.status);

  return (
    <Stack>
      <Title order={2}>Import</Title>
      <Text>
        För in förbundets tidigare deltaganden från Excel. Fyll i importmallen (en rad per
        deltagande), provkör och rätta de rader som har fel, och importera sedan. En rad som redan
        importerats hoppas över, så samma fil kan läsas in igen.
      </Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            1. Hämta mallen
          </Title>
          <Group>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => void laddaNer('xlsx')}
            >
              Importmall (Excel)
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => void laddaNer('csv')}
            >
              Importmall (CSV)
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            2. Ladda upp filen
          </Title>
          <FileInput
            label="Fil (XLSX eller CSV)"
            placeholder="Välj fil"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={fil}
            onChange={setFil}
            clearable
            clearButtonProps={{ 'aria-label': 'Ta bort vald fil' }}
            leftSection={<IconFileUpload size={16} aria-hidden />}
          />
          <Checkbox
            label="Importera ingenting om någon rad har fel"
            checked={allaEllerInget}
            onChange={(event) => setAllaEllerInget(event.currentTarget.checked)}
          />
          <Group>
            <Button
              variant="default"
              disabled={!fil || pagar}
              loading={skickar}
              onClick={() => void starta(true)}
            >
              Provkör
            </Button>
            <Button disabled={!fil || pagar} loading={skickar} onClick={() => void starta(false)}>
              Importera
            </Button>
          </Group>
        </Stack>
      </Paper>
      {fel && (
        <Alert color="red" role="alert" title="Filen kunde inte läsas in">
          {fel}
        </Alert>
      )}
      {status && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {status.torrkorning ? 'Provkörning' : 'Import'}
            </Title>
            <Progress.Root size="lg">
              <Progress.Section
                value={procentKlart(status)}
                animated={pagar}
                aria-label="Importens förlopp"
                aria-valuetext={`${status.klara} av ${status.rader} rader`}
              />
            </Progress.Root>
            <Text size="sm" aria-live="polite">
              {pagar
                ? `${status.klara.toLocaleString('sv-SE')} av ${status.rader.toLocaleString('sv-SE')} rader…`
                : sammanfattning(status)}
            </Text>
            {status.fel.length > 0 && !pagar && (
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  onClick={() =>
                    void api
                      .laddaNer(`/import/${status.id}/fel.xlsx`, 'import-rader-med-fel.xlsx')
                      .catch((error: unknown) =>
                        setFel(error instanceof Error ? error.message : String(error)),
                      )
                  }
                >
                  Raderna med fel (Excel) att rätta och ladda upp igen
                </Button>
              </Group>
            )}
            {status.fel.length > 0 && (
              <Tabellrulle namn="Fel i filen" minBredd={560}>
                <Table striped captionSide="top">
                  <Table.Caption>
                    {status.felTotalt > status.fel.length
                      ? `De första ${status.fel.length.toLocaleString('sv-SE')} av ${status.felTotalt.toLocaleString('sv-SE')} felen`
                      : 'Fel i filen, per rad och kolumn'}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Rad</Table.Th>
                      <Table.Th>Kolumn</Table.Th>
                      <Table.Th>Fel</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {status.fel.map((f, index) => (
                      <Table.Tr key={`${f.rad}-${f.kolumn}-${index}`}>
                        <Table.Td>{f.rad}</Table.Td>
                        <Table.Td>{f.kolumn}</Table.Td>
                        <Table.Td>{f.meddelande}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Tabellrulle>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
};
