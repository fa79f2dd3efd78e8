import { Text, Timeline, Title } from '@mantine/core';
import type { Historik } from '../api/deltagande';
import { useInloggad } from '../auth/auth-context';
import { handelse, tidpunkt, uppgifter } from './historik-text';

/** The deltagande's history, newest first: what happened, when it was recorded and by whom. */
export const Tidslinje = ({ historik }: { historik: Historik[] }) => {
  const inloggad = useInloggad();
  const nyastForst = [...historik].reverse();
  const av = (userId: string, userEmail: string | null) =>
    userId === inloggad.id
      ? `dig (${inloggad.email})`
      : (userEmail ?? `användare ${userId.slice(0, 8)}`);
  return (
    <section aria-labelledby="historik-rubrik">
      <Title order={3} id="historik-rubrik" mb="sm">
        Historik
      </Title>
      <Timeline active={nyastForst.length} bulletSize={18} lineWidth={2} data-testid="tidslinje">
        {nyastForst.map((h) => (
          <Timeline.Item key={h.revision} title={handelse(h.type)}>
            {uppgifter(h).map((rad) => (
              <Text size="sm" key={rad}>
                {rad}
              </Text>
            ))}
            <Text size="xs" c="dimmed" mt={4}>
              Registrerad {tidpunkt(h.recordedAt)} av {av(h.userId, h.userEmail)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
};
