import {
  Alert,
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Insats } from '../api/insats';
import { Datumfalt } from '../formular/Datumfalt';
import { Formularfel } from '../formular/Formularfel';
import { obligatoriska } from '../formular/obligatoriska';
import { useFokusVidFel } from '../formular/useFokusVidFel';
import { useServerfel } from '../formular/useServerfel';
import { andringar, formularvarden, type Insatsfalt } from './insats-andring';

/** Edits what a förbund may change on an insats; only the fields that differ are sent. */
export const AndraInsatsForm = ({ insats, sparad }: { insats: Insats; sparad: () => void }) => {
  const [v, setV] = useState<Insatsfalt>(() => formularvarden(insats));
  const [klar, setKlar] = useState(false);
  const { fel, felFor, skickar, skicka } = useServerfel({ datum: 'slutdatum' });
  const formRef = useFokusVidFel(fel);
  const satt = (falt: keyof Insatsfalt) => (varde: string) => {
    setKlar(false);
    setV({ ...v, [falt]: varde });
  };

  const spara = async (event: FormEvent) => {
    event.preventDefault();
    const andrat = andringar(insats, v);
    const ok = await skicka(
      async () => {
        // If-Match: a change made by someone else meanwhile is not overwritten unseen.
        await api.patch(`/insatser/${insats.id}`, andrat, { 'If-Match': `"${insats.revision}"` });
      },
      Object.keys(andrat).length === 0
        ? { namn: 'Inget är ändrat' }
        : obligatoriska({ namn: v.namn }),
    );
    if (ok) {
      setKlar(true);
      sparad();
    }
  };

  return (
    <form
      ref={formRef}
      onSubmit={(e) => void spara(e)}
      noValidate
      aria-labelledby="andra-insats-rubrik"
    >
      <Stack>
        <Title order={3} size="h4" id="andra-insats-rubrik">
          Ändra {insats.namn}
        </Title>
        <Formularfel fel={fel} />
        {klar && (
          <Alert color="green" role="status">
            Ändringen är sparad.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Namn"
            value={v.namn}
            onChange={(e) => satt('namn')(e.currentTarget.value)}
            error={felFor('namn')}
            required
          />
          <TextInput
            label="Utförare"
            value={v.utforare}
            onChange={(e) => satt('utforare')(e.currentTarget.value)}
            error={felFor('utforare')}
          />
          <TextInput
            label="Grupp"
            description="Program eller projekt av flera insatser"
            value={v.grupp}
            onChange={(e) => satt('grupp')(e.currentTarget.value)}
            error={felFor('grupp')}
          />
          <NumberInput
            label="Ordning"
            description="Förbundets ordning i listor och rapporter"
            value={v.ordning}
            onChange={(varde) => satt('ordning')(String(varde))}
            error={felFor('ordning')}
            min={0}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
          />
        </SimpleGrid>
        <TextInput
          label="Målgrupp"
          value={v.malgrupp}
          onChange={(e) => satt('malgrupp')(e.currentTarget.value)}
          error={felFor('malgrupp')}
        />
        {insats.avslutad ? (
          <Text size="sm">
            Insatsen avslutades {insats.slutdatum}; dess datum kan inte längre ändras.
          </Text>
        ) : (
          <Datumfalt
            label="Planerat slutdatum"
            required={false}
            value={v.slutdatum}
            onChange={satt('slutdatum')}
            error={felFor('slutdatum')}
          />
        )}
        <Group>
          <Button type="submit" loading={skickar}>
            Spara ändringar
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
