import { BarChart } from '@mantine/charts';
import { SimpleGrid, Table, Text } from '@mantine/core';
import { AVSLUTSORSAK_ETIKETT, etikettFor, UTFALL_GRUPP_ETIKETT } from '../kodlistor/kodlistor';
import { Antal } from './Antal';
import { Diagram } from './Diagram';
import { MalTabell } from './MalTabell';
import { PerKonTabell } from './PerKonTabell';
import { dagar, KON_NYCKLAR, KON_RUBRIK, procent, tal, type Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { Tabellrulle } from '../layout/Tabellrulle';

export const UtfallSektion = ({ t }: { t: Tabeller }) => {
  const u = t.utfall;
  const mal = t.maluppfyllelse.filter((m) => m.mal !== null);
  const malData = mal.flatMap((m) => [
    { matt: `Deltagare ${m.ar}`, Mål: m.mal?.deltagare ?? 0, Utfall: tal(m.utfall.aktuella) },
    { matt: `Nya ${m.ar}`, Mål: m.mal?.nyaDeltagare ?? 0, Utfall: tal(m.utfall.nya) },
  ]);
  return (
    <Sektion rubrik="Utfall och måluppfyllelse">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Tabellrulle namn="Avslutade per utfall" minBredd={480}>
          <Table striped withTableBorder tabularNums captionSide="top">
            <Table.Caption>Avslutade per utfall (andel av avslutade)</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Utfall</Table.Th>
                {KON_NYCKLAR.map((k) => (
                  <Table.Th key={k} scope="col" ta="right">
                    {KON_RUBRIK[k]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[
                ...u.perGrupp.map((g) => ({
                  rubrik: etikettFor(UTFALL_GRUPP_ETIKETT, g.grupp),
                  ...g,
                })),
                { rubrik: 'Arbete eller studier', ...u.arbeteEllerStudier },
              ].map((g) => (
                <Table.Tr key={g.rubrik}>
                  <Table.Th scope="row" fw={500}>
                    {g.rubrik}
                  </Table.Th>
                  {KON_NYCKLAR.map((k) => (
                    <Table.Td key={k} ta="right">
                      <Antal varde={g.antal[k]} /> ({procent(g.andel[k])})
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabellrulle>
        <PerKonTabell
          caption="Avslutade per avslutsorsak"
          forsta="Avslutsorsak"
          rader={u.perAvslutsorsak.map((a) => ({
            rubrik: etikettFor(AVSLUTSORSAK_ETIKETT, a.avslutsorsak),
            varden: a.antal,
          }))}
        />
        <Text size="sm">
          Tid i insats (inskrivning → avslut): medel {dagar(t.tidIInsatsDagar.medel)} dagar, median{' '}
          {dagar(t.tidIInsatsDagar.median)} dagar.
        </Text>
        <MalTabell mal={t.mal} />
        {t.maluppfyllelse.length > 0 && (
          <Tabellrulle namn="Måluppfyllelse per år" minBredd={720}>
            <Table striped withTableBorder tabularNums captionSide="top">
              <Table.Caption>Måluppfyllelse per år</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">År</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Deltagare, mål
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Deltagare, utfall
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Nya, mål
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Nya, utfall
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Arbete/studier, mål
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Arbete/studier, utfall
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {t.maluppfyllelse.map((m) => (
                  <Table.Tr key={m.ar}>
                    <Table.Th scope="row" fw={500}>
                      {m.ar}
                    </Table.Th>
                    <Table.Td ta="right">{m.mal?.deltagare ?? '–'}</Table.Td>
                    <Table.Td ta="right">
                      <Antal varde={m.utfall.aktuella} />
                    </Table.Td>
                    <Table.Td ta="right">{m.mal?.nyaDeltagare ?? '–'}</Table.Td>
                    <Table.Td ta="right">
                      <Antal varde={m.utfall.nya} />
                    </Table.Td>
                    <Table.Td ta="right">{procent(m.mal?.andelArbeteStudier)}</Table.Td>
                    <Table.Td ta="right">{procent(m.utfall.andelArbeteStudier)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabellrulle>
        )}
        {malData.length > 0 && (
          <Diagram
            rubrik="Utfall mot årsmål"
            beskrivning={malData
              .map((m) => `${m.matt}: mål ${m.Mål}, utfall ${m.Utfall}`)
              .join('; ')}
          >
            <BarChart
              h={260}
              data={malData}
              dataKey="matt"
              withLegend
              series={[
                { name: 'Mål', color: 'gray.6' },
                { name: 'Utfall', color: 'blue.8' },
              ]}
            />
          </Diagram>
        )}
      </SimpleGrid>
    </Sektion>
  );
};
