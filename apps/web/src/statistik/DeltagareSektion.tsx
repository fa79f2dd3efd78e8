import { BarChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { Diagram } from './Diagram';
import { tal, type PerKon, type Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { SpecTabell } from './SpecTabell';

export const DeltagareSektion = ({
  t,
  unikaPersoner,
}: {
  t: Tabeller;
  unikaPersoner?: PerKon | undefined;
}) => {
  const d = t.deltagare;
  const flode = [
    {
      matt: 'Överförda',
      Kvinnor: tal(d.overforda.kvinna),
      Män: tal(d.overforda.man),
      'Ej angivet': tal(d.overforda.ejAngivet),
    },
    {
      matt: 'Nya',
      Kvinnor: tal(d.nya.kvinna),
      Män: tal(d.nya.man),
      'Ej angivet': tal(d.nya.ejAngivet),
    },
    {
      matt: 'Avslutade',
      Kvinnor: tal(d.avslutade.kvinna),
      Män: tal(d.avslutade.man),
      'Ej angivet': tal(d.avslutade.ejAngivet),
    },
    {
      matt: 'Pågående',
      Kvinnor: tal(d.pagaende.kvinna),
      Män: tal(d.pagaende.man),
      'Ej angivet': tal(d.pagaende.ejAngivet),
    },
  ];
  return (
    <Sektion rubrik="Deltagare">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SpecTabell
          id="deltagare"
          t={t}
          unikaPersoner={unikaPersoner}
          matt={['aktuella', 'nya', 'overforda', 'avslutade', 'pagaende']}
        />
        <Diagram
          rubrik="Flödet i perioden"
          beskrivning={`Överförda ${tal(d.overforda.totalt)}, nya ${tal(d.nya.totalt)}, avslutade ${tal(d.avslutade.totalt)}, pågående vid periodens slut ${tal(d.pagaende.totalt)}`}
        >
          <BarChart
            h={260}
            data={flode}
            dataKey="matt"
            type="stacked"
            withLegend
            series={[
              { name: 'Kvinnor', color: 'grape.8' },
              { name: 'Män', color: 'teal.8' },
              { name: 'Ej angivet', color: 'gray.6' },
            ]}
          />
        </Diagram>
      </SimpleGrid>
    </Sektion>
  );
};
