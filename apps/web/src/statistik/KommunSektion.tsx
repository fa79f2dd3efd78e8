import { SimpleGrid, Table, Text } from '@mantine/core';
import { etikettFor, kommunNamn, REMITTENT_ETIKETT } from '../kodlistor/kodlistor';
import { Tabellrulle } from '../layout/Tabellrulle';
import { Antal } from './Antal';
import { PerKonTabell } from './PerKonTabell';
import type { Tabeller } from './rapport';
import { Sektion } from './Sektion';

/** Kommun and remittent detail: remisser and deltagare per kommun, nya per remittent's enhet. */
export const KommunSektion = ({ t }: { t: Tabeller }) => (
  <Sektion rubrik="Kommuner och remitterande enheter">
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {t.kommuner.length === 0 ? (
        <Text size="sm">Per kommun: inga remisser eller deltagare i perioden.</Text>
      ) : (
        <PerKonTabell
          caption="Per kommun"
          forsta="Kommun och mått"
          rader={t.kommuner.flatMap((k) => {
            const namn = kommunNamn(k.kommun);
            return [
              { rubrik: `${namn}: mottagna remisser`, varden: k.remisser.mottagna },
              { rubrik: `${namn}: återremitterade`, varden: k.remisser.aterremitterade },
              { rubrik: `${namn}: inskrivna av mottagna`, varden: k.remisser.inskrivna },
              { rubrik: `${namn}: aktuella`, varden: k.aktuella },
              { rubrik: `${namn}: nya`, varden: k.nya },
            ];
          })}
        />
      )}
      <Tabellrulle namn="Nya per remittent och enhet" minBredd={320}>
        <Table striped withTableBorder tabularNums captionSide="top">
          <Table.Caption>Nya per remittent och enhet</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Remittent</Table.Th>
              <Table.Th scope="col">Enhet</Table.Th>
              <Table.Th scope="col" ta="right">
                Nya
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {t.nyaPerRemittentEnhet.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>Inga nya deltagare i perioden.</Table.Td>
              </Table.Tr>
            )}
            {t.nyaPerRemittentEnhet.map((n) => (
              <Table.Tr key={`${n.remittent}:${n.enhet ?? ''}`}>
                <Table.Th scope="row" fw={500}>
                  {etikettFor(REMITTENT_ETIKETT, n.remittent)}
                </Table.Th>
                <Table.Td>{n.enhet ?? 'Ej angiven'}</Table.Td>
                <Table.Td ta="right">
                  <Antal varde={n.antal} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Tabellrulle>
    </SimpleGrid>
  </Sektion>
);
