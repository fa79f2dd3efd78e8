import { Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export const Sektion = ({ rubrik, children }: { rubrik: string; children: ReactNode }) => {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack>
        <Title order={3} id={id} size="h4">
          {rubrik}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
};
