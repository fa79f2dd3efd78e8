import { BarChart } from '@mantine/charts';
import { SimpleGrid, Table } from '@mantine/core';
import { etikettFor, FORSORJNING_ETIKETT } from '../kodlistor/kodlistor';
import { Antal } from './Antal';
import { Diagram } from './Diagram';
import {
  KON_NYCKLAR,
  KON_RUBRIK,
  procent,
  tal,
  type Antal as AntalVarde,
  type Tabeller,
} from './rapport';
import { Sektion } from './Sektion';
import { Tabellrulle } from '../layout/Tabellrulle';

const andel = (antal: AntalVarde, av: AntalVarde): string =>
  typeof antal === 'number' && typeof av === 'number' && av > 0 ? procent(antal / av) : '–';

export const ForsorjningSektion = ({ t }: { t: Tabeller }) => {
  const f = t.forsorjning;
  const data = f.rader.map((r) => ({
    kod: etikettFor(FORSORJNING_ETIKETT, r.kod),
    'Vid inskrivning': tal(r.vidInskrivning.totalt),
    'Vid avslut': tal(r.vidAvslut.totalt),
  }));
  return (
    <Sektion rubrik="Försörjning bland avslutade">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Tabellrulle namn="Försörjning vid inskrivning och avslut" minBredd={900}>
          <Table striped withTableBorder tabularNums captionSide="top">
            <Table.Caption>
              Försörjning vid inskrivning och vid avslut, av {f.avslutade.totalt} avslutade
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Försörjning</Table.Th>
                <Table.Th scope="col" ta="right">
                  Vid inskrivning
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Andel vid inskrivning
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Vid avslut
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Andel vid avslut
                </Table.Th>
                {KON_NYCKLAR.slice(0, 2).flatMap((k) => [
                  <Table.Th key={`${k}-in`} scope="col" ta="right">
                    {KON_RUBRIK[k]} vid inskrivning
                  </Table.Th>,
                  <Table.Th key={`${k}-ut`} scope="col" ta="right">
                    {KON_RUBRIK[k]} vid avslut
                  </Table.Th>,
                ])}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.rader.map((r) => (
                <Table.Tr key={r.kod}>
                  <Table.Th scope="row" fw={500}>
                    {etikettFor(FORSORJNING_ETIKETT, r.kod)}
                  </Table.Th>
                  <Table.Td ta="right">
                    <Antal varde={r.vidInskrivning.totalt} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {andel(r.vidInskrivning.totalt, f.avslutade.totalt)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Antal varde={r.vidAvslut.totalt} />
                  </Table.Td>
                  <Table.Td ta="right">{andel(r.vidAvslut.totalt, f.avslutade.totalt)}</Table.Td>
                  {KON_NYCKLAR.slice(0, 2).flatMap((k) => [
                    <Table.Td key={`${k}-in`} ta="right">
                      <Antal varde={r.vidInskrivning[k]} />
                    </Table.Td>,
                    <Table.Td key={`${k}-ut`} ta="right">
                      <Antal varde={r.vidAvslut[k]} />
                    </Table.Td>,
                  ])}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabellrulle>
        <Diagram
          rubrik="Försörjning vid inskrivning och vid avslut"
          beskrivning={data
            .map(
              (d) =>
                `${d.kod}: ${d['Vid inskrivning']} vid inskrivning, ${d['Vid avslut']} vid avslut`,
            )
            .join('; ')}
        >
          <BarChart
            h={380}
            data={data}
            dataKey="kod"
            orientation="vertical"
            yAxisProps={{ width: 190 }}
            withLegend
            series={[
              { name: 'Vid inskrivning', color: 'orange.8' },
              { name: 'Vid avslut', color: 'blue.8' },
            ]}
          />
        </Diagram>
        {f.overgangar.length > 0 && (
          <Tabellrulle namn="Övergångar" minBredd={420}>
            <Table striped withTableBorder tabularNums captionSide="top">
              <Table.Caption>
                Övergångar från försörjning vid inskrivning till vid avslut
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Från</Table.Th>
                  <Table.Th scope="col">Till</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Antal
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.overgangar.map((o) => (
                  <Table.Tr key={`${o.fran}-${o.till}`}>
                    <Table.Td>{etikettFor(FORSORJNING_ETIKETT, o.fran)}</Table.Td>
                    <Table.Td>{etikettFor(FORSORJNING_ETIKETT, o.till)}</Table.Td>
                    <Table.Td ta="right">{o.antal}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabellrulle>
        )}
      </SimpleGrid>
    </Sektion>
  );
};
