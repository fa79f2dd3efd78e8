import { BarChart } from '@mantine/charts';
import { SimpleGrid, Table, Text } from '@mantine/core';
import { etikettFor, kommunNamn, REMITTENT_ETIKETT } from '../kodlistor/kodlistor';
import { Antal } from './Antal';
import { Diagram } from './Diagram';
import { PerKonTabell } from './PerKonTabell';
import { dagar, procent, tal, type Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { Tabellrulle } from '../layout/Tabellrulle';

export const RemisserSektion = ({ t }: { t: Tabeller }) => {
  const r = t.remisser;
  const nya = t.nyaPerRemittent.map((n) => ({
    remittent: etikettFor(REMITTENT_ETIKETT, n.remittent),
    Nya: tal(n.antal),
  }));
  return (
    <Sektion rubrik="Remisser">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <PerKonTabell
          caption="Remisser i perioden"
          forsta="Mått"
          rader={[
            { rubrik: 'Mottagna', varden: r.mottagna, matt: 'mottagna' },
            { rubrik: 'Återremitterade', varden: r.aterremitterade, matt: 'aterremitterade' },
            { rubrik: 'Väntande vid periodens slut', varden: r.vantande, matt: 'vantande' },
          ]}
        />
        <Text size="sm">
          Kötid remiss → inskrivning: medel {dagar(r.kotidDagar.medel)} dagar, median{' '}
          {dagar(r.kotidDagar.median)} dagar.
        </Text>
        <PerKonTabell
          caption="Mottagna remisser per remittent"
          forsta="Remittent"
          rader={r.perRemittent.map((p) => ({
            rubrik: etikettFor(REMITTENT_ETIKETT, p.remittent),
            varden: p.antal,
          }))}
        />
        <Diagram
          rubrik="Nya deltagare per remittent"
          beskrivning={t.nyaPerRemittent
            .map((n) => `${etikettFor(REMITTENT_ETIKETT, n.remittent)} ${tal(n.antal)}`)
            .join(', ')}
        >
          <BarChart
            h={320}
            data={nya}
            dataKey="remittent"
            orientation="vertical"
            yAxisProps={{ width: 170 }}
            series={[{ name: 'Nya', color: 'blue.8' }]}
          />
        </Diagram>
        <Tabellrulle namn="Nya deltagare per remittent" minBredd={320}>
          <Table striped withTableBorder tabularNums captionSide="top">
            <Table.Caption>Nya deltagare per remittent</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Remittent</Table.Th>
                <Table.Th scope="col" ta="right">
                  Antal
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Andel
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {t.nyaPerRemittent.map((n) => (
                <Table.Tr key={n.remittent}>
                  <Table.Th scope="row" fw={500}>
                    {etikettFor(REMITTENT_ETIKETT, n.remittent)}
                  </Table.Th>
                  <Table.Td ta="right">
                    <Antal varde={n.antal} />
                  </Table.Td>
                  <Table.Td ta="right">{procent(n.andel)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabellrulle>
        {r.perKommun.length > 0 && (
          <PerKonTabell
            caption="Mottagna remisser per kommun"
            forsta="Kommun"
            rader={r.perKommun.map((p) => ({ rubrik: kommunNamn(p.kommun), varden: p.antal }))}
          />
        )}
      </SimpleGrid>
    </Sektion>
  );
};
