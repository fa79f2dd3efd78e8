import { BarChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { etikettFor, REMITTENT_ETIKETT } from '../kodlistor/kodlistor';
import { Diagram } from './Diagram';
import { tal, type Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { SpecTabell } from './SpecTabell';

export const RemisserSektion = ({ t }: { t: Tabeller }) => {
  const nya = t.nyaPerRemittent.map((n) => ({
    remittent: etikettFor(REMITTENT_ETIKETT, n.remittent),
    Nya: tal(n.antal),
  }));
  return (
    <Sektion rubrik="Remisser">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SpecTabell id="remisser" t={t} matt={['mottagna', 'aterremitterade', 'vantande']} />
        <SpecTabell id="tider" t={t} />
        <SpecTabell id="remisserPerRemittent" t={t} />
        <SpecTabell id="remisserPerKommun" t={t} />
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
        <SpecTabell id="nyaPerRemittent" t={t} tom="Inga nya deltagare i perioden." />
      </SimpleGrid>
    </Sektion>
  );
};
