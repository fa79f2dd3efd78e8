import { BarChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { etikettFor, FORSORJNING_ETIKETT } from '../kodlistor/kodlistor';
import { Diagram } from './Diagram';
import { tal, type Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { SpecTabell } from './SpecTabell';

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
        <SpecTabell id="forsorjning" t={t} />
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
        <SpecTabell id="forsorjningOvergangar" t={t} tom="Inga avslutade i perioden." />
      </SimpleGrid>
    </Sektion>
  );
};
