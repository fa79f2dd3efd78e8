import { Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Mal } from '../api/mal';
import { Datumfalt } from '../formular/Datumfalt';
import { Formularfel } from '../formular/Formularfel';
import { Kodval } from '../formular/Kodval';
import { obligatoriska } from '../formular/obligatoriska';
import { useFokusVidFel } from '../formular/useFokusVidFel';
import { useServerfel } from '../formular/useServerfel';
import {
  alternativ,
  etikettFor,
  MALMATT,
  MALMATT_ETIKETT,
  type Malmatt,
} from '../kodlistor/kodlistor';
import { Tabellrulle } from '../layout/Tabellrulle';
import { arAndel, vardeIFalt, vardeTillApi, visaVarde } from './malvarde';

interface Utkast {
  /** Set when an existing goal is edited; a new goal gets a fresh id on save. */
  malId: string | null;
  matt: Malmatt | '';
  fran: string;
  till: string;
  varde: number | string;
}

const TOMT: Utkast = { malId: null, matt: '', fran: '', till: '', varde: '' };

/**
 * The goals of one place (an insats, a grupp or the whole förbund): a list with edit and
 * remove, and a form for a new or edited goal. `adress` is the goals' collection in the API,
 * e.g. `/insatser/:id/mal`; shares are typed in percent and sent as 0–1.
 */
export const MalEditor = ({
  mal,
  adress,
  rubrik,
  andrad,
}: {
  mal: Mal[];
  adress: string;
  rubrik: string;
  andrad: () => void;
}) => {
  const [utkast, setUtkast] = useState<Utkast>(TOMT);
  const [borttagsfel, setBorttagsfel] = useState<string | null>(null);
  const { fel, felFor, skickar, skicka } = useServerfel();
  const formRef = useFokusVidFel(fel);
  const satt =
    <K extends keyof Utkast>(falt: K) =>
    (varde: Utkast[K]) =>
      setUtkast((u) => ({ ...u, [falt]: varde }));

  const spara = async (event: FormEvent) => {
    event.preventDefault();
    const { matt, fran, till, varde } = utkast;
    const ok = await skicka(
      async () => {
        const malId = utkast.malId ?? crypto.randomUUID();
        await api.put(`${adress}/${malId}`, {
          matt,
          fran,
          till,
          varde: vardeTillApi(matt as Malmatt, Number(varde)),
        });
      },
      {
        ...obligatoriska({ matt, fran, till, varde }),
        ...(matt !== '' && arAndel(matt) && Number(varde) > 100
          ? { varde: 'En andel anges i procent, högst 100' }
          : {}),
      },
    );
    if (ok) {
      setUtkast(TOMT);
      andrad();
    }
  };

  const taBort = async (m: Mal) => {
    setBorttagsfel(null);
    try {
      await api.delete(`${adress}/${m.malId}`);
      if (utkast.malId === m.malId) setUtkast(TOMT);
      andrad();
    } catch (error) {
      setBorttagsfel(error instanceof Error ? error.message : String(error));
    }
  };

  const beskrivning = (m: Mal) => `${etikettFor(MALMATT_ETIKETT, m.matt)} ${m.fran}–${m.till}`;
  const andel = utkast.matt !== '' && arAndel(utkast.matt);

  return (
    <Stack>
      {mal.length === 0 && <Text size="sm">Inga mål satta.</Text>}
      {mal.length > 0 && (
        <Tabellrulle namn={rubrik} minBredd={520}>
          <Table withTableBorder striped tabularNums captionSide="top">
            <Table.Caption>{rubrik}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mått</Table.Th>
                <Table.Th>Period</Table.Th>
                <Table.Th ta="right">Mål</Table.Th>
                <Table.Th>Ändra</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mal.map((m) => (
                <Table.Tr key={m.malId}>
                  <Table.Td>{etikettFor(MALMATT_ETIKETT, m.matt)}</Table.Td>
                  <Table.Td>
                    {m.fran} – {m.till}
                  </Table.Td>
                  <Table.Td ta="right">{visaVarde(m.matt, m.varde)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Ändra mål: ${beskrivning(m)}`}
                        onClick={() =>
                          setUtkast({
                            malId: m.malId,
                            matt: m.matt,
                            fran: m.fran,
                            till: m.till,
                            varde: vardeIFalt(m.matt, m.varde),
                          })
                        }
                      >
                        Ändra
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        aria-label={`Ta bort mål: ${beskrivning(m)}`}
                        onClick={() => void taBort(m)}
                      >
                        Ta bort
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabellrulle>
      )}
      {borttagsfel && (
        <Text c="red.8" size="sm" role="alert">
          {borttagsfel}
        </Text>
      )}
      <form
        ref={formRef}
        onSubmit={(e) => void spara(e)}
        noValidate
        aria-label={utkast.malId ? `Ändra mål (${rubrik})` : `Nytt mål (${rubrik})`}
      >
        <Stack gap="sm">
          <Title order={4} size="h5">
            {utkast.malId ? 'Ändra mål' : 'Nytt mål'}
          </Title>
          <Formularfel fel={fel} />
          <Kodval
            label="Mått"
            alternativ={alternativ(MALMATT, MALMATT_ETIKETT)}
            value={utkast.matt}
            onChange={(v) => satt('matt')(v as Malmatt | '')}
            error={felFor('matt')}
          />
          <Group align="flex-start" wrap="wrap">
            <Datumfalt
              label="Från"
              value={utkast.fran}
              onChange={satt('fran')}
              error={felFor('fran')}
            />
            <Datumfalt
              label="Till"
              value={utkast.till}
              onChange={satt('till')}
              error={felFor('till')}
            />
            <NumberInput
              label={andel ? 'Mål (%)' : 'Mål (antal)'}
              value={utkast.varde}
              onChange={satt('varde')}
              error={felFor('varde')}
              min={0}
              max={andel ? 100 : 1_000_000}
              allowDecimal={andel}
              w={140}
              required
            />
          </Group>
          <Group>
            <Button type="submit" loading={skickar}>
              Spara mål
            </Button>
            {utkast.malId && (
              <Button variant="default" onClick={() => setUtkast(TOMT)}>
                Avbryt ändring
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
};
