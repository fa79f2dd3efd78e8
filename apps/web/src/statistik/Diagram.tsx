import { Box, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A chart with a heading; the table beside it carries the same numbers for screen readers. */
export const Diagram = ({
  rubrik,
  beskrivning,
  children,
}: {
  rubrik: string;
  beskrivning: string;
  children: ReactNode;
}) => (
  <Box component="figure" m={0}>
    <Title order={4} component="figcaption" mb="xs" size="h5">
      {rubrik}
    </Title>
    <div role="img" aria-label={beskrivning}>
      {children}
    </div>
  </Box>
);
