import { BarChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { Antal } from './Antal';
import { Diagram } from './Diagram';
import { tal, type Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { SpecTabell } from './SpecTabell';

/**
 * A goal on the share in arbete or studier shows its underlag beside the spec's columns: how
 * many reached it, of how many avslutade (blank for goals on counts).
 */
const underlag = (mal: Tabeller['mal'][number] | undefined, del: 'antal' | 'avslutade') =>
  mal?.underlag ? <Antal varde={mal.underlag[del]} /> : '';

export const UtfallSektion = ({ t }: { t: Tabeller }) => {
  const mal = t.maluppfyllelse.filter((m) => m.mal !== null);
  const malData = mal.flatMap((m) => [
    { matt: `Deltagare ${m.ar}`, Mål: m.mal?.deltagare ?? 0, Utfall: tal(m.utfall.aktuella) },
    { matt: `Nya ${m.ar}`, Mål: m.mal?.nyaDeltagare ?? 0, Utfall: tal(m.utfall.nya) },
  ]);
  return (
    <Sektion rubrik="Utfall och måluppfyllelse">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SpecTabell id="utfallPerGrupp" t={t} />
        <SpecTabell id="utfallPerAvslutsorsak" t={t} />
        <SpecTabell
          id="mal"
          t={t}
          tom="Inga mål för perioden."
          extra={[
            { rubrik: 'Varav uppnått', cell: (r) => underlag(t.mal[r], 'antal') },
            { rubrik: 'Av avslutade', cell: (r) => underlag(t.mal[r], 'avslutade') },
          ]}
        />
        <SpecTabell id="maluppfyllelse" t={t} tom="Inga år i perioden." />
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
