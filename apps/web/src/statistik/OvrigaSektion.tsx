import { SimpleGrid } from '@mantine/core';
import { etikettFor, SYSSELSATTNING_ETIKETT } from '../kodlistor/kodlistor';
import { PerKonTabell } from './PerKonTabell';
import type { Tabeller } from './rapport';
import { Sektion } from './Sektion';

export const OvrigaSektion = ({ t }: { t: Tabeller }) => (
  <Sektion rubrik="Ålder, uppföljning och volym">
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <PerKonTabell
        caption="Aktuella per åldersgrupp (ålder vid inskrivning)"
        forsta="Åldersgrupp"
        rader={t.aldersgrupper.map((a) => ({ rubrik: a.grupp, varden: a.aktuella }))}
      />
      <PerKonTabell
        caption="Nya per åldersgrupp"
        forsta="Åldersgrupp"
        rader={t.aldersgrupper.map((a) => ({ rubrik: a.grupp, varden: a.nya }))}
      />
      <PerKonTabell
        caption="Uppföljningar i perioden: sysselsättning efter avslut"
        forsta="Tidpunkt och sysselsättning"
        rader={t.uppfoljning.map((u) => ({
          rubrik: `${u.manaderEfterAvslut} mån: ${etikettFor(SYSSELSATTNING_ETIKETT, u.sysselsattning)}`,
          varden: u.antal,
        }))}
      />
      <PerKonTabell
        caption="Volym (deltagare i volyminsatser)"
        forsta="Mått"
        rader={[{ rubrik: 'Deltagare', varden: t.volym }]}
      />
    </SimpleGrid>
  </Sektion>
);
