import { Table } from '@mantine/core';
import { Antal } from './Antal';
import { KON_NYCKLAR, KON_PARAMETER, KON_RUBRIK, type PerKon } from './rapport';
import { Tabellrulle } from '../layout/Tabellrulle';

export interface PerKonRad {
  rubrik: string;
  varden: PerKon;
  /** The drill-down measure for this row, if the API offers one. */
  matt?: string | undefined;
}

/** Rows of counts split by kön, the shape most of the report's tables share. */
export const PerKonTabell = ({
  rader,
  forsta,
  caption,
}: {
  rader: PerKonRad[];
  forsta: string;
  caption: string;
}) => (
  <Tabellrulle namn={caption} minBredd={420}>
    <Table striped withTableBorder tabularNums captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{forsta}</Table.Th>
          {KON_NYCKLAR.map((k) => (
            <Table.Th key={k} scope="col" ta="right">
              {KON_RUBRIK[k]}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rader.map((rad) => (
          <Table.Tr key={rad.rubrik}>
            <Table.Th scope="row" fw={500}>
              {rad.rubrik}
            </Table.Th>
            {KON_NYCKLAR.map((k) => (
              <Table.Td key={k} ta="right">
                <Antal
                  varde={rad.varden[k]}
                  matt={
                    rad.matt
                      ? {
                          matt: rad.matt,
                          kon: KON_PARAMETER[k],
                          rubrik: `${rad.rubrik}, ${KON_RUBRIK[k].toLowerCase()}`,
                        }
                      : undefined
                  }
                />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  </Tabellrulle>
);
