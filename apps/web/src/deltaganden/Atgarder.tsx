import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { Deltagande, Status } from '../api/deltagande';
import { AterremissForm } from './atgarder/AterremissForm';
import { AvslutForm } from './atgarder/AvslutForm';
import { InskrivningForm } from './atgarder/InskrivningForm';
import { KorrigeringForm } from './atgarder/KorrigeringForm';
import { OrsaksForm } from './atgarder/OrsaksForm';
import { UppfoljningForm } from './atgarder/UppfoljningForm';

type Atgard =
  | 'inskrivning'
  | 'aterremiss'
  | 'avslut'
  | 'uppfoljning'
  | 'korrigering'
  | 'aterkalla'
  | 'makulering';

const ETIKETT: Record<Atgard, string> = {
  inskrivning: 'Inskrivning',
  aterremiss: 'Återremiss',
  avslut: 'Avslut',
  uppfoljning: 'Uppföljning',
  korrigering: 'Korrigering',
  aterkalla: 'Återkalla avslut',
  makulering: 'Makulering',
};

/** What the domain allows next from each status (the server still has the last word). */
const MOJLIGA: Record<Status, Atgard[]> = {
  remitterad: ['inskrivning', 'aterremiss', 'korrigering', 'makulering'],
  inskriven: ['avslut', 'korrigering', 'makulering'],
  avslutad: ['uppfoljning', 'aterkalla', 'korrigering', 'makulering'],
  aterremitterad: ['korrigering', 'makulering'],
  makulerad: [],
};

export const Atgarder = ({
  deltagande,
  sparad,
}: {
  deltagande: Deltagande;
  sparad: () => void;
}) => {
  const mojliga = MOJLIGA[deltagande.status];
  const [vald, setVald] = useState<Atgard | null>(null);
  const aktiv = vald && mojliga.includes(vald) ? vald : null;
  if (mojliga.length === 0) return null;

  const klar = () => {
    setVald(null);
    sparad();
  };
  const props = { deltagande, sparad: klar };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="atgarder-rubrik">
      <Stack>
        <Title order={3} id="atgarder-rubrik">
          Registrera
        </Title>
        <Group gap="xs">
          {mojliga.map((a) => (
            <Button
              key={a}
              variant={aktiv === a ? 'filled' : 'default'}
              aria-pressed={aktiv === a}
              onClick={() => setVald(aktiv === a ? null : a)}
              size="sm"
            >
              {ETIKETT[a]}
            </Button>
          ))}
        </Group>
        {aktiv === 'inskrivning' && <InskrivningForm {...props} />}
        {aktiv === 'aterremiss' && <AterremissForm {...props} />}
        {aktiv === 'avslut' && <AvslutForm {...props} />}
        {aktiv === 'uppfoljning' && <UppfoljningForm {...props} />}
        {aktiv === 'korrigering' && <KorrigeringForm key={deltagande.revision} {...props} />}
        {aktiv === 'aterkalla' && (
          <OrsaksForm
            {...props}
            vag="aterkalla-avslut"
            namn="Återkalla avslut"
            knapp="Återkalla avslutet"
            forklaring="Avslutet registrerades av misstag; deltagandet blir pågående igen."
          />
        )}
        {aktiv === 'makulering' && (
          <OrsaksForm
            {...props}
            vag="makulering"
            namn="Makulering"
            knapp="Makulera deltagandet"
            forklaring="Hela deltagandet registrerades av misstag. Det räknas sedan inte i någon statistik och kan inte ändras mer."
          />
        )}
      </Stack>
    </Paper>
  );
};
