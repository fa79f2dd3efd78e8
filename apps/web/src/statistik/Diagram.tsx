import { Box, Button, Group, Text, Title } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { filnamn, fristaendeSvg, laddaNer, svgTillPng } from './diagram-bild';

/** A chart with a heading; the table beside it carries the same numbers for screen readers. */
export const Diagram = ({
  rubrik,
  beskrivning,
  children,
}: {
  rubrik: string;
  beskrivning: string;
  children: ReactNode;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  const [fel, setFel] = useState<string | null>(null);
  // recharts draws the chart as one svg; the legend's small icons are svgs too: take the largest.
  const diagram = (): SVGSVGElement | undefined =>
    [...(ref.current?.querySelectorAll<SVGSVGElement>('svg.recharts-surface') ?? [])].sort(
      (a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width,
    )[0];
  const svg = () => {
    const el = diagram();
    if (!el) return;
    setFel(null);
    try {
      laddaNer(new Blob([fristaendeSvg(el)], { type: 'image/svg+xml' }), `${filnamn(rubrik)}.svg`);
    } catch (error) {
      setFel(`Bilden kunde inte skapas: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const png = async () => {
    const el = diagram();
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setFel(null);
    try {
      laddaNer(await svgTillPng(fristaendeSvg(el), width, height), `${filnamn(rubrik)}.png`);
    } catch (error) {
      setFel(`Bilden kunde inte skapas: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <Box component="figure" m={0}>
      <Group
        component="figcaption"
        justify="space-between"
        mb="xs"
        wrap="nowrap"
        align="flex-start"
      >
        <Title order={4} size="h5">
          {rubrik}
        </Title>
        <Group gap={4} className="ej-utskrift" wrap="nowrap">
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => void png()}
            aria-label={`Ladda ner ${rubrik} som PNG`}
          >
            PNG
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            onClick={svg}
            aria-label={`Ladda ner ${rubrik} som SVG`}
          >
            SVG
          </Button>
        </Group>
      </Group>
      {fel && (
        <Text c="red.8" size="sm" role="alert" className="ej-utskrift">
          {fel}
        </Text>
      )}
      <div role="img" aria-label={beskrivning} ref={ref}>
        {children}
      </div>
    </Box>
  );
};
