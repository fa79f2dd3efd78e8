import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { INRIKTNING_ETIKETT, MATMETOD_ETIKETT } from '../kodlistor/kodlistor';
import { useInsatser } from './useInsatser';

export const MinaInsatserPage = () => {
  // The server lists only the caller's own insatser for personal.
  const { insatser: mina, fel } = useInsatser();

  return (
    <Stack>
      <Title order={2}>Mina insatser</Title>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      {!mina && !fel && <Loader aria-label="Laddar insatser" />}
      {mina?.length === 0 && (
        <Text>Du är inte knuten till någon insats ännu. Be en administratör lägga till dig.</Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {mina?.map((insats) => (
          <Card key={insats.id} withBorder padding="lg">
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Title order={3} size="h4">
                  <Anchor component={Link} to={`/insatser/${insats.id}/deltaganden`}>
                    {insats.namn}
                  </Anchor>
                </Title>
                {insats.avslutad && <Badge color="gray.8">Avslutad</Badge>}
              </Group>
              <Text size="sm">
                {INRIKTNING_ETIKETT[insats.inriktning]} · {MATMETOD_ETIKETT[insats.matmetod]}
              </Text>
              <Text size="sm" c="dimmed">
                Från {insats.startdatum}
                {insats.slutdatum ? ` till ${insats.slutdatum}` : ''}
                {insats.utforare ? ` · ${insats.utforare}` : ''}
              </Text>
              {insats.matmetod === 'individ' && !insats.avslutad && (
                <Group>
                  <Button
                    component={Link}
                    to={`/insatser/${insats.id}/ny-remiss`}
                    leftSection={<IconPlus size={16} aria-hidden />}
                    size="sm"
                  >
                    Ny remiss
                  </Button>
                  <Button
                    component={Link}
                    to={`/insatser/${insats.id}/deltaganden`}
                    variant="default"
                    size="sm"
                  >
                    Deltaganden
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
};
