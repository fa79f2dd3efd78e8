import { SimpleGrid } from '@mantine/core';
import type { Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { SpecTabell } from './SpecTabell';

/** Kommun and remittent detail: remisser and deltagare per kommun, nya per remittent's enhet. */
export const KommunSektion = ({ t }: { t: Tabeller }) => (
  <Sektion rubrik="Kommuner och remitterande enheter">
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <SpecTabell id="kommuner" t={t} tom="Inga remisser eller deltagare i perioden." />
      <SpecTabell id="nyaPerRemittentEnhet" t={t} tom="Inga nya deltagare i perioden." />
    </SimpleGrid>
  </Sektion>
);
