import { Alert, AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconChartBar,
  IconChecklist,
  IconFileImport,
  IconHistory,
  IconInfoCircle,
  IconListDetails,
  IconLogout,
  IconSettings,
  IconTarget,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Navigate, NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { ROLL_ETIKETT, type Roll } from '../api/inloggad';
import { useAuth } from '../auth/auth-context';
import { forseningsText, UPPDATERINGS_TEXT } from './lasmodell-forsening';
import { useLasmodellForsening } from './useLasmodellForsening';

interface Lank {
  till: string;
  etikett: string;
  ikon: ReactNode;
  roller: Roll[];
}

const LANKAR: Lank[] = [
  {
    till: '/insatser',
    etikett: 'Mina insatser',
    ikon: <IconListDetails size={18} aria-hidden />,
    roller: ['personal'],
  },
  {
    till: '/statistik',
    etikett: 'Statistik',
    ikon: <IconChartBar size={18} aria-hidden />,
    roller: ['kansli', 'admin'],
  },
  {
    till: '/rapporter',
    etikett: 'Rapporter',
    ikon: <IconHistory size={18} aria-hidden />,
    roller: ['kansli', 'admin'],
  },
  {
    till: '/datakvalitet',
    etikett: 'Datakvalitet',
    ikon: <IconChecklist size={18} aria-hidden />,
    roller: ['personal', 'kansli', 'admin'],
  },
  {
    till: '/admin/insatser',
    etikett: 'Insatser och mål',
    ikon: <IconSettings size={18} aria-hidden />,
    roller: ['admin'],
  },
  {
    till: '/admin/mal',
    etikett: 'Förbundets mål',
    ikon: <IconTarget size={18} aria-hidden />,
    roller: ['admin'],
  },
  {
    till: '/admin/anvandare',
    etikett: 'Användare',
    ikon: <IconUsers size={18} aria-hidden />,
    roller: ['admin'],
  },
  {
    till: '/admin/import',
    etikett: 'Import',
    ikon: <IconFileImport size={18} aria-hidden />,
    roller: ['admin'],
  },
];

export const AppLayout = () => {
  const { inloggad, loggaUt } = useAuth();
  const [oppen, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const { stannad, uppdateras } = useLasmodellForsening();
  if (!inloggad) return <Navigate to="/logga-in" replace state={{ fran: location.pathname }} />;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !oppen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={oppen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={oppen ? 'Stäng menyn' : 'Öppna menyn'}
            />
            <Title order={1} size="h4">
              Deltagarflöde
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {inloggad.email} · {ROLL_ETIKETT[inloggad.roll]}
            </Text>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => void loggaUt()}
            >
              Logga ut
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Huvudmeny">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {inloggad.forbund.namn}
          </Text>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {inloggad.email} · {ROLL_ETIKETT[inloggad.roll]}
          </Text>
          {LANKAR.filter((l) => l.roller.includes(inloggad.roll)).map((l) => (
            <NavLink
              key={l.till}
              component={RouterLink}
              to={l.till}
              label={l.etikett}
              leftSection={l.ikon}
              active={location.pathname.startsWith(l.till)}
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {stannad ? (
          <Alert
            color="yellow"
            role="status"
            mb="md"
            icon={<IconAlertTriangle aria-hidden />}
            data-testid="lasmodell-forsenad"
          >
            {forseningsText(stannad)}
          </Alert>
        ) : (
          // A stall marks reads too; then the banner above says more, and this one would mislead.
          uppdateras && (
            <Alert
              color="blue"
              variant="light"
              role="status"
              mb="md"
              icon={<IconInfoCircle aria-hidden />}
              data-testid="lasmodell-uppdateras"
            >
              {UPPDATERINGS_TEXT}
            </Alert>
          )
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
};
