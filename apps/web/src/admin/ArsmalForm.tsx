import { Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { InsatsMedArsmal } from '../api/insats';
import { Formularfel } from '../formular/Formularfel';
import { useServerfel } from '../formular/useServerfel';
import { Tabellrulle } from '../layout/Tabellrulle';
import { useFokusVidFel } from '../formular/useFokusVidFel';
import { vardeTillApi } from './malvarde';

const procent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

/**
 * Årsmål per calendar year, each part optional; andel arbete/studier is entered in percent,
 * stored as 0–1.
 */
export const ArsmalForm = ({ insatsId }: { insatsId: string }) => {
  const [insats, setInsats] = useState<InsatsMedArsmal | null>(null);
  const [ar, setAr] = useState<number | string>(new Date().getFullYear());
  const [deltagare, setDeltagare] = useState<number | string>('');
  const [nya, setNya] = useState<number | string>('');
  const [andel, setAndel] = useState<number | string>('');
  const { fel, felFor, skickar, skicka } = useServerfel();

  const hamta = () => {
    api.get<InsatsMedArsmal>(`/insatser/${insatsId}`).then(setInsats, () => setInsats(null));
  };
  useEffect(hamta, [insatsId]);

  const formRef = useFokusVidFel(fel);

  const spara = async (event: FormEvent) => {
    event.preventDefault();
    // Each part is optional: one left empty keeps the value it had.
    const lokala: Record<string, string> = {};
    if (ar === '') lokala.ar = 'Fältet måste fyllas i';
    if (deltagare === '' && nya === '' && andel === '')
      lokala.deltagare = 'Ange minst en av delarna';
    const ok = await skicka(async () => {
      await api.put(`/insatser/${insatsId}/arsmal/${ar}`, {
        ...(deltagare === '' ? {} : { deltagare: Number(deltagare) }),
        ...(nya === '' ? {} : { nyaDeltagare: Number(nya) }),
        ...(andel === ''
          ? {}
          : { andelArbeteStudier: vardeTillApi('andel-arbete-studier', Number(andel)) }),
      });
    }, lokala);
    if (ok) {
      setDeltagare('');
      setNya('');
      setAndel('');
      hamta();
    }
  };

  return (
    <Stack>
      <Title order={3} size="h4">
        Årsmål för {insats?.namn ?? 'insatsen'}
      </Title>
      {insats && insats.arsmal.length === 0 && <Text size="sm">Inga årsmål satta.</Text>}
      {insats && insats.arsmal.length > 0 && (
        <Tabellrulle namn="Årsmål" minBredd={360}>
          <Table withTableBorder striped tabularNums>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>År</Table.Th>
                <Table.Th ta="right">Deltagare</Table.Th>
                <Table.Th ta="right">Nya deltagare</Table.Th>
                <Table.Th ta="right">Andel arbete/studier</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {insats.arsmal.map((m) => (
                <Table.Tr key={m.ar}>
                  <Table.Td>{m.ar}</Table.Td>
                  <Table.Td ta="right">{m.deltagare ?? '–'}</Table.Td>
                  <Table.Td ta="right">{m.nyaDeltagare ?? '–'}</Table.Td>
                  <Table.Td ta="right">
                    {m.andelArbeteStudier === undefined
                      ? '–'
                      : procent.format(m.andelArbeteStudier)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabellrulle>
      )}
      <form ref={formRef} onSubmit={(e) => void spara(e)} noValidate aria-label="Sätt årsmål">
        <Stack>
          <Formularfel fel={fel} />
          <Text size="sm">Fyll i de delar som ska sättas; en tom del behåller sitt värde.</Text>
          <Group align="flex-start" wrap="wrap">
            <NumberInput
              label="År"
              value={ar}
              onChange={setAr}
              error={felFor('ar')}
              min={2000}
              max={2100}
              w={110}
              required
            />
            <NumberInput
              label="Deltagare"
              value={deltagare}
              onChange={setDeltagare}
              error={felFor('deltagare')}
              min={0}
              w={130}
            />
            <NumberInput
              label="Nya deltagare"
              value={nya}
              onChange={setNya}
              error={felFor('nyaDeltagare')}
              min={0}
              w={130}
            />
            <NumberInput
              label="Andel arbete/studier (%)"
              value={andel}
              onChange={setAndel}
              error={felFor('andelArbeteStudier')}
              min={0}
              max={100}
              w={200}
            />
          </Group>
          <div>
            <Button type="submit" loading={skickar}>
              Spara årsmål
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
};
