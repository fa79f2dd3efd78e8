import {
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { CommandResponse } from '../api/insats';
import { Datumfalt } from '../formular/Datumfalt';
import { Formularfel } from '../formular/Formularfel';
import { Kodval } from '../formular/Kodval';
import { Kommunval } from '../formular/Kommunval';
import { obligatoriska } from '../formular/obligatoriska';
import { useServerfel } from '../formular/useServerfel';
import { useInsats } from '../insatser/useInsats';
import { alternativ, KON, KON_ETIKETT, REMITTENT, REMITTENT_ETIKETT } from '../kodlistor/kodlistor';
import { InskrivningFalt, saknadeInskrivningsfalt, TOM_INSKRIVNING } from './InskrivningFalt';
import { useFokusVidFel } from '../formular/useFokusVidFel';

export const NyRemissPage = () => {
  const { insatsId = '' } = useParams();
  const insats = useInsats(insatsId);
  const navigate = useNavigate();
  const [kon, setKon] = useState('');
  const [fodelsear, setFodelsear] = useState('');
  const [kommun, setKommun] = useState('');
  const [datum, setDatum] = useState('');
  const [remittent, setRemittent] = useState('');
  const [remittentEnhet, setRemittentEnhet] = useState('');
  const [medPersonnummer, setMedPersonnummer] = useState(false);
  const [personnummer, setPersonnummer] = useState('');
  const [namn, setNamn] = useState('');
  const [samtycke, setSamtycke] = useState('');
  const [direkt, setDirekt] = useState(false);
  const [inskrivning, setInskrivning] = useState(TOM_INSKRIVNING);
  const { fel, felFor, skickar, skicka } = useServerfel({
    remissdatum: 'remiss.datum',
    inskrivningsdatum: 'inskrivning.datum',
    forsorjning: 'inskrivning.forsorjning',
    fodelsear: 'person.fodelsear',
    kommun: 'person.kommun',
    personnummer: 'person.personnummer',
    samtycke: 'person.samtycke.datum',
  });

  const formRef = useFokusVidFel(fel);

  const spara = async (event: FormEvent) => {
    event.preventDefault();
    const saknas = {
      ...obligatoriska({
        'person.kon': kon,
        'person.fodelsear': fodelsear,
        'person.kommun': kommun,
        'remiss.datum': datum,
        'remiss.remittent': remittent,
        ...(medPersonnummer
          ? { 'person.personnummer': personnummer, 'person.samtycke.datum': samtycke }
          : {}),
      }),
      ...(direkt ? saknadeInskrivningsfalt(inskrivning, 'inskrivning.') : {}),
    };
    let id = '';
    const ok = await skicka(async () => {
      const svar = await api.post<CommandResponse>(`/insatser/${insatsId}/deltaganden`, {
        person: {
          kon,
          fodelsear: Number(fodelsear),
          kommun,
          ...(medPersonnummer
            ? { personnummer, ...(namn ? { namn } : {}), samtycke: { datum: samtycke } }
            : {}),
        },
        remiss: { datum, remittent, ...(remittentEnhet ? { remittentEnhet } : {}) },
        ...(direkt ? { inskrivning } : {}),
      });
      id = svar.id;
    }, saknas);
    if (ok) await navigate(`/deltaganden/${id}`);
  };

  return (
    <Stack maw={720}>
      <Title order={2}>Ny remiss{insats ? ` – ${insats.namn}` : ''}</Title>
      <form ref={formRef} onSubmit={(e) => void spara(e)} noValidate>
        <Stack>
          <Formularfel fel={fel} />
          <Fieldset legend="Deltagare">
            <Stack>
              <Kodval
                label="Kön"
                alternativ={alternativ(KON, KON_ETIKETT)}
                value={kon}
                onChange={setKon}
                error={felFor('person.kon')}
              />
              <TextInput
                label="Födelseår"
                inputMode="numeric"
                placeholder="ÅÅÅÅ"
                value={fodelsear}
                onChange={(e) => setFodelsear(e.currentTarget.value)}
                error={felFor('person.fodelsear')}
                required
                maw={160}
              />
              <Kommunval value={kommun} onChange={setKommun} error={felFor('person.kommun')} />
            </Stack>
          </Fieldset>
          <Fieldset legend="Remiss">
            <Stack>
              <Datumfalt
                label="Remissdatum"
                value={datum}
                onChange={setDatum}
                error={felFor('remiss.datum')}
              />
              <Kodval
                label="Remittent"
                alternativ={alternativ(REMITTENT, REMITTENT_ETIKETT)}
                value={remittent}
                onChange={setRemittent}
                error={felFor('remiss.remittent')}
              />
              <TextInput
                label="Remitterande enhet"
                description="Frivilligt, t.ex. kontor eller handläggarenhet"
                value={remittentEnhet}
                onChange={(e) => setRemittentEnhet(e.currentTarget.value)}
                error={felFor('remiss.remittentEnhet')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend="Personuppgifter">
            <Stack>
              <Checkbox
                label="Registrera personnummer och namn (deltagaren har gett samtycke)"
                checked={medPersonnummer}
                onChange={(e) => setMedPersonnummer(e.currentTarget.checked)}
              />
              {medPersonnummer ? (
                <>
                  <TextInput
                    label="Personnummer eller samordningsnummer"
                    placeholder="ÅÅÅÅMMDD-NNNN"
                    value={personnummer}
                    onChange={(e) => setPersonnummer(e.currentTarget.value)}
                    error={felFor('person.personnummer')}
                    required
                    maw={260}
                    autoComplete="off"
                  />
                  <TextInput
                    label="Namn"
                    value={namn}
                    onChange={(e) => setNamn(e.currentTarget.value)}
                    error={felFor('person.namn')}
                    autoComplete="off"
                  />
                  <Datumfalt
                    label="Samtycke lämnat"
                    value={samtycke}
                    onChange={setSamtycke}
                    error={felFor('person.samtycke.datum')}
                  />
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  Utan samtycke registreras bara kön, födelseår och kommun.
                </Text>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend="Inskrivning">
            <Stack>
              <Checkbox
                label="Skriv in direkt"
                checked={direkt}
                onChange={(e) => setDirekt(e.currentTarget.checked)}
              />
              {direkt && (
                <>
                  <Divider />
                  <InskrivningFalt
                    varde={inskrivning}
                    andra={setInskrivning}
                    felFor={felFor}
                    prefix="inskrivning."
                  />
                </>
              )}
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={skickar}>
              Registrera remiss
            </Button>
            <Button variant="default" onClick={() => void navigate(-1)}>
              Avbryt
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
};
