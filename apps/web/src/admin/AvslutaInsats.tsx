import { Alert, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { Insats } from '../api/insats';
import { Datumfalt } from '../formular/Datumfalt';

const idag = (): string => new Date().toLocaleDateString('sv-SE');

/** The open deltaganden a refused avslut names (ids only: the answer holds no personal data). */
const oppnaDeltaganden = (error: ApiError): string[] | null => {
  const details = error.details as { code?: unknown; oppnaDeltaganden?: unknown } | undefined;
  if (details?.code !== 'INSATS.OPPNA_DELTAGANDEN' || !Array.isArray(details.oppnaDeltaganden))
    return null;
  return details.oppnaDeltaganden.filter((id): id is string => typeof id === 'string');
};

interface Vagran {
  meddelande: string;
  oppna: string[] | null;
}

/** Ends an insats after a confirmation; a refusal lists what stands in the way. */
export const AvslutaInsats = ({ insats, avslutad }: { insats: Insats; avslutad: () => void }) => {
  const [slutdatum, setSlutdatum] = useState(idag);
  const [bekraftar, setBekraftar] = useState(false);
  const [skickar, setSkickar] = useState(false);
  const [vagran, setVagran] = useState<Vagran | null>(null);

  const avsluta = async () => {
    setSkickar(true);
    setVagran(null);
    try {
      await api.post(
        `/insatser/${insats.id}/avslut`,
        { slutdatum },
        { 'If-Match': `"${insats.revision}"` },
      );
      setBekraftar(false);
      avslutad();
    } catch (error) {
      setBekraftar(false);
      setVagran(
        error instanceof ApiError
          ? { meddelande: error.message, oppna: oppnaDeltaganden(error) }
          : { meddelande: 'Kunde inte nå servern. Försök igen.', oppna: null },
      );
    } finally {
      setSkickar(false);
    }
  };

  return (
    <Stack>
      <Title order={3} size="h4">
        Avsluta {insats.namn}
      </Title>
      <Text size="sm">
        En avslutad insats tar inte emot nya remisser, och inget kan registreras i den med datum
        efter slutdatum. Alla deltaganden måste vara avslutade eller återremitterade först.
      </Text>
      {vagran && (
        <Alert color="red" role="alert" title="Insatsen avslutades inte" tabIndex={-1}>
          <Text size="sm">{vagran.meddelande}</Text>
          {vagran.oppna && vagran.oppna.length > 0 && (
            <>
              <Text size="sm" mt="xs">
                Öppna deltaganden:
              </Text>
              <List size="sm" ff="monospace" aria-label="Öppna deltaganden">
                {vagran.oppna.map((id) => (
                  <List.Item key={id}>{id}</List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
      <Group align="flex-end">
        <Datumfalt
          label="Slutdatum för avslutet"
          value={slutdatum}
          onChange={setSlutdatum}
          max={idag()}
        />
        <Button color="red" variant="outline" onClick={() => setBekraftar(true)}>
          Avsluta insats
        </Button>
      </Group>
      <Modal
        opened={bekraftar}
        onClose={() => setBekraftar(false)}
        title="Avsluta insatsen?"
        closeButtonProps={{ 'aria-label': 'Stäng' }}
      >
        <Stack>
          <Text>
            {insats.namn} avslutas med slutdatum {slutdatum}. Det går inte att ångra.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setBekraftar(false)}>
              Avbryt
            </Button>
            <Button color="red" loading={skickar} onClick={() => void avsluta()}>
              Ja, avsluta insatsen
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
};
