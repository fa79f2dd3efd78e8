import { SimpleGrid } from '@mantine/core';
import type { Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { SpecTabell } from './SpecTabell';

export const OvrigaSektion = ({ t }: { t: Tabeller }) => (
  <Sektion rubrik="Ålder, uppföljning och volym">
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <SpecTabell id="aldersgrupper" t={t} />
      <SpecTabell id="uppfoljning" t={t} tom="Inga uppföljningar i perioden." />
      <SpecTabell id="volym" t={t} />
    </SimpleGrid>
  </Sektion>
);
