import { Button, Group, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Datumfalt } from '../formular/Datumfalt';
import { Formularfel } from '../formular/Formularfel';
import { Kodval } from '../formular/Kodval';
import { obligatoriska } from '../formular/obligatoriska';
import { useServerfel } from '../formular/useServerfel';
import {
  alternativ,
  INRIKTNING,
  INRIKTNING_ETIKETT,
  MATMETOD,
  MATMETOD_ETIKETT,
} from '../kodlistor/kodlistor';
import { useFokusVidFel } from '../formular/useFokusVidFel';

const TOM = {
  namn: '',
  inriktning: 'individinriktad',
  matmetod: 'individ',
  startdatum: '',
  slutdatum: '',
  utforare: '',
  malgrupp: '',
  grupp: '',
  ordning: '',
};

export const NyInsatsForm = ({ skapad }: { skapad: () => void }) => {
  const [v, setV] = useState(TOM);
  const { fel, felFor, skickar, skicka } = useServerfel({ datum: 'startdatum' });
  const satt = (namn: keyof typeof TOM) => (varde: string) => setV({ ...v, [namn]: varde });

  const formRef = useFokusVidFel(fel);

  const spara = async (event: FormEvent) => {
    event.preventDefault();
    // Optional fields are left out rather than sent empty.
    const { ordning, ...text } = v;
    const body = {
      ...Object.fromEntries(Object.entries(text).filter(([, x]) => x !== '')),
      ...(ordning === '' ? {} : { ordning: Number(ordning) }),
    };
    const ok = await skicka(
      async () => {
        await api.post('/insatser', body);
      },
      obligatoriska({ namn: v.namn, startdatum: v.startdatum }),
    );
    if (ok) {
      setV(TOM);
      skapad();
    }
  };

  return (
    <form
      ref={formRef}
      onSubmit={(e) => void spara(e)}
      noValidate
      aria-labelledby="ny-insats-rubrik"
    >
      <Stack>
        <Title order={3} size="h4" id="ny-insats-rubrik">
          Ny insats
        </Title>
        <Formularfel fel={fel} />
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
          <Kodval
            label="Inriktning"
            alternativ={alternativ(INRIKTNING, INRIKTNING_ETIKETT)}
            value={v.inriktning}
            onChange={satt('inriktning')}
            error={felFor('inriktning')}
          />
          <Kodval
            label="Mätmetod"
            alternativ={alternativ(MATMETOD, MATMETOD_ETIKETT)}
            value={v.matmetod}
            onChange={satt('matmetod')}
            error={felFor('matmetod')}
          />
          <Datumfalt
            label="Startdatum"
            value={v.startdatum}
            onChange={satt('startdatum')}
            error={felFor('startdatum')}
          />
          <Datumfalt
            label="Slutdatum"
            required={false}
            value={v.slutdatum}
            onChange={satt('slutdatum')}
            error={felFor('slutdatum')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
        <Group>
          <Button type="submit" loading={skickar}>
            Skapa insats
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
