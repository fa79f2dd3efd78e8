import { Alert, Loader, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, query } from '../api/client';
import {
  AVSLUTSORSAK_ETIKETT,
  etikettFor,
  KON_ETIKETT,
  kommunNamn,
  REMITTENT_ETIKETT,
} from '../kodlistor/kodlistor';
import type { Matt } from './underlag-context';
import { Tabellrulle } from '../layout/Tabellrulle';

/** `GET /statistik/underlag`: ids and codes only, never personal data. */
interface Underlagsrad {
  deltagandeId: string;
  insatsId: string;
  kon: string;
  fodelsear: number;
  kommun: string;
  remittent: string;
  remissDatum: string;
  inskrivningDatum: string | null;
  avslutDatum: string | null;
  avslutsorsak: string | null;
}

export interface Underlagsfraga extends Matt {
  fran: string;
  till: string;
  /** One insats, or the insatser of a grupp. */
  insats?: string[] | undefined;
  asOf?: string | undefined;
}

export const UnderlagModal = ({
  fraga,
  stang,
}: {
  fraga: Underlagsfraga | null;
  stang: () => void;
}) => {
  const [rader, setRader] = useState<Underlagsrad[] | null>(null);
  const [fel, setFel] = useState<string | null>(null);

  useEffect(() => {
    if (!fraga) return;
    setRader(null);
    setFel(null);
    const { fran, till, insats, asOf, matt, kon } = fraga;
    api
      .get<Underlagsrad[]>(`/statistik/underlag${query({ fran, till, insats, asOf, matt, kon })}`)
      .then(setRader)
      .catch((error: unknown) => setFel(error instanceof Error ? error.message : String(error)));
  }, [fraga]);

  return (
    <Modal
      opened={fraga !== null}
      onClose={stang}
      title={`Underlag: ${fraga?.rubrik ?? ''}`}
      size="72rem"
      closeButtonProps={{ 'aria-label': 'Stäng' }}
    >
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      {!rader && !fel && <Loader aria-label="Laddar underlaget" />}
      {rader && (
        <>
          <Text size="sm" mb="xs">
            {rader.length} deltaganden {fraga ? `(${fraga.fran} – ${fraga.till})` : ''}
          </Text>
          <Tabellrulle namn="Underlag" minBredd={760}>
            <Table striped withTableBorder tabularNums fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Deltagande</Table.Th>
                  <Table.Th>Kön</Table.Th>
                  <Table.Th>Födelseår</Table.Th>
                  <Table.Th>Kommun</Table.Th>
                  <Table.Th>Remittent</Table.Th>
                  <Table.Th>Remiss</Table.Th>
                  <Table.Th>Inskrivning</Table.Th>
                  <Table.Th>Avslut</Table.Th>
                  <Table.Th>Avslutsorsak</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rader.map((r) => (
                  <Table.Tr key={r.deltagandeId}>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {r.deltagandeId}
                    </Table.Td>
                    <Table.Td>{etikettFor(KON_ETIKETT, r.kon)}</Table.Td>
                    <Table.Td>{r.fodelsear}</Table.Td>
                    <Table.Td>{kommunNamn(r.kommun)}</Table.Td>
                    <Table.Td>{etikettFor(REMITTENT_ETIKETT, r.remittent)}</Table.Td>
                    <Table.Td>{r.remissDatum}</Table.Td>
                    <Table.Td>{r.inskrivningDatum ?? '–'}</Table.Td>
                    <Table.Td>{r.avslutDatum ?? '–'}</Table.Td>
                    <Table.Td>
                      {r.avslutsorsak ? etikettFor(AVSLUTSORSAK_ETIKETT, r.avslutsorsak) : '–'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabellrulle>
        </>
      )}
    </Modal>
  );
};
