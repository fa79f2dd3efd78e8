import { Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Ekonomi } from '../api/mal';
import { Formularfel } from '../formular/Formularfel';
import { useFokusVidFel } from '../formular/useFokusVidFel';
import { useServerfel } from '../formular/useServerfel';
import { Tabellrulle } from '../layout/Tabellrulle';
import { visaKronor } from './malvarde';

/** Budget and kostnad in kronor per calendar year; a part left empty keeps its value. */
export const EkonomiForm = ({
  insatsId,
  ekonomi,
  andrad,
}: {
  insatsId: string;
  ekonomi: Ekonomi[];
  andrad: () => void;
}) => {
  const [ar, setAr] = useState<number | string>(new Date().getFullYear());
  const [budget, setBudget] = useState<number | string>('');
  const [kostnad, setKostnad] = useState<number | string>('');
  const { fel, felFor, skickar, skicka } = useServerfel();
  const formRef = useFokusVidFel(fel);

  const spara = async (event: FormEvent) => {
    event.preventDefault();
    const lokala: Record<string, string> = {};
    if (ar === '') lokala.ar = 'Fältet måste fyllas i';
    if (budget === '' && kostnad === '') lokala.budget = 'Ange budget, kostnad eller båda';
    const ok = await skicka(async () => {
      await api.put(`/insatser/${insatsId}/ekonomi/${ar}`, {
        ...(budget === '' ? {} : { budget: Number(budget) }),
        ...(kostnad === '' ? {} : { kostnad: Number(kostnad) }),
      });
    }, lokala);
    if (ok) {
      setBudget('');
      setKostnad('');
      andrad();
    }
  };

  return (
    <Stack>
      <Title order={4} size="h5">
        Ekonomi per år
      </Title>
      {ekonomi.length === 0 && <Text size="sm">Ingen budget eller kostnad satt.</Text>}
      {ekonomi.length > 0 && (
        <Tabellrulle namn="Ekonomi" minBredd={360}>
          <Table withTableBorder striped tabularNums captionSide="top">
            <Table.Caption>Budget och kostnad</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>År</Table.Th>
                <Table.Th ta="right">Budget</Table.Th>
                <Table.Th ta="right">Kostnad</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ekonomi.map((e) => (
                <Table.Tr key={e.ar}>
                  <Table.Td>{e.ar}</Table.Td>
                  <Table.Td ta="right">{visaKronor(e.budget)}</Table.Td>
                  <Table.Td ta="right">{visaKronor(e.kostnad)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabellrulle>
      )}
      <form ref={formRef} onSubmit={(e) => void spara(e)} noValidate aria-label="Sätt ekonomi">
        <Stack gap="sm">
          <Formularfel fel={fel} />
          <Group align="flex-start" wrap="wrap">
            <NumberInput
              label="År"
              value={ar}
              onChange={setAr}
              error={felFor('ar')}
              min={2000}
              max={2100}
              allowDecimal={false}
              w={110}
              required
            />
            <NumberInput
              label="Budget (kr)"
              value={budget}
              onChange={setBudget}
              error={felFor('budget')}
              min={0}
              max={1_000_000_000}
              allowDecimal={false}
              thousandSeparator=" "
              w={170}
            />
            <NumberInput
              label="Kostnad (kr)"
              value={kostnad}
              onChange={setKostnad}
              error={felFor('kostnad')}
              min={0}
              max={1_000_000_000}
              allowDecimal={false}
              thousandSeparator=" "
              w={170}
            />
          </Group>
          <div>
            <Button type="submit" loading={skickar}>
              Spara ekonomi
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
};
