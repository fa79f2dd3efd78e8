import { Table, Text } from '@mantine/core';
import { Tabellrulle } from '../layout/Tabellrulle';
import { Antal } from './Antal';
import { kronor, type Tabeller } from './rapport';
import { Sektion } from './Sektion';

const CAPTION = 'Budget och kostnad per kalenderår';

/** Budget, kostnad and kostnad per deltagare for the years of the period that have them. */
export const EkonomiSektion = ({ t }: { t: Tabeller }) => (
  <Sektion rubrik="Ekonomi">
    {t.ekonomi.length === 0 ? (
      <Text size="sm">Ingen budget eller kostnad är registrerad för periodens år.</Text>
    ) : (
      <Tabellrulle namn={CAPTION} minBredd={640}>
        <Table striped withTableBorder tabularNums captionSide="top">
          <Table.Caption>
            {CAPTION}. Per deltagare: kostnaden delad med aktuella respektive nya deltagare under
            kalenderåret inom perioden, i hela kronor.
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">År</Table.Th>
              <Table.Th scope="col" ta="right">
                Budget
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Kostnad
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Aktuella
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Kostnad per deltagare
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Nya
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Kostnad per ny deltagare
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {t.ekonomi.map((rad) => (
              <Table.Tr key={rad.ar}>
                <Table.Th scope="row" fw={500}>
                  {rad.ar}
                </Table.Th>
                <Table.Td ta="right">{kronor(rad.budget)}</Table.Td>
                <Table.Td ta="right">{kronor(rad.kostnad)}</Table.Td>
                <Table.Td ta="right">
                  <Antal varde={rad.aktuella} />
                </Table.Td>
                <Table.Td ta="right">{kronor(rad.kostnadPerDeltagare)}</Table.Td>
                <Table.Td ta="right">
                  <Antal varde={rad.nya} />
                </Table.Td>
                <Table.Td ta="right">{kronor(rad.kostnadPerNyDeltagare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Tabellrulle>
    )}
  </Sektion>
);
