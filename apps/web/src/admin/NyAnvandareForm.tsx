import {
  Button,
  MultiSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ROLL_ETIKETT, type Roll } from '../api/inloggad';
import type { Insats } from '../api/insats';
import { Formularfel } from '../formular/Formularfel';
import { Kodval } from '../formular/Kodval';
import { obligatoriska } from '../formular/obligatoriska';
import { useServerfel } from '../formular/useServerfel';
import { alternativ } from '../kodlistor/kodlistor';
import { ROLLER } from './anvandare';
import { useFokusVidFel } from '../formular/useFokusVidFel';

export const NyAnvandareForm = ({
  insatser,
  skapad,
}: {
  insatser: Insats[];
  skapad: () => void;
}) => {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roll, setRoll] = useState<string>('personal');
  const [valda, setValda] = useState<string[]>([]);
  const { fel, felFor, skickar, skicka } = useServerfel();

  const formRef = useFokusVidFel(fel);

  const spara = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await skicka(async () => {
      await api.post('/users', {
        email,
        password,
        roll,
        insatser: roll === 'personal' ? valda : [],
      });
    }, obligatoriska({ email, password, roll }));
    if (ok) {
      setEmail('');
      setPassword('');
      setValda([]);
      skapad();
    }
  };

  return (
    <form
      ref={formRef}
      onSubmit={(e) => void spara(e)}
      noValidate
      aria-labelledby="ny-anvandare-rubrik"
    >
      <Stack>
        <Title order={3} size="h4" id="ny-anvandare-rubrik">
          Ny användare
        </Title>
        <Formularfel fel={fel} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="E-postadress"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={felFor('email')}
            required
          />
          <PasswordInput
            label="Lösenord"
            description="Minst 12 tecken"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={felFor('password')}
            required
          />
          <Kodval
            label="Roll"
            alternativ={alternativ(ROLLER, ROLL_ETIKETT as Record<Roll, string>)}
            value={roll}
            onChange={setRoll}
            error={felFor('roll')}
          />
          {roll === 'personal' && (
            <MultiSelect
              label="Insatser"
              data={insatser.map((i) => ({ value: i.id, label: i.namn }))}
              value={valda}
              onChange={setValda}
              error={felFor('insatser')}
              searchable
              placeholder="Välj insatser"
            />
          )}
        </SimpleGrid>
        <div>
          <Button type="submit" loading={skickar}>
            Skapa användare
          </Button>
        </div>
      </Stack>
    </form>
  );
};
