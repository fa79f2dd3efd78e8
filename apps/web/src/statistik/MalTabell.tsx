import { Table } from '@mantine/core';
import { etikettFor, MALMATT_ETIKETT } from '../kodlistor/kodlistor';
import { Tabellrulle } from '../layout/Tabellrulle';
import { Antal } from './Antal';
import { procent, type Tabeller } from './rapport';

type Mal = Tabeller['mal'][number];

const arAndel = (mal: Mal): boolean => mal.matt.startsWith('andel-');

const IFAS_TEXT = { true: 'Ja', false: 'Nej' } as const;

/** Whether a goal longer than the period keeps pace; blank for goals no longer than it. */
const iFasText = (iFas: boolean | null | undefined): string =>
  iFas === undefined ? '' : iFas === null ? '–' : IFAS_TEXT[`${iFas}`];

/** The goals of an insats, a grupp or the förbund against their utfall over each goal's period. */
export const MalTabell = ({ mal }: { mal: Tabeller['mal'] }) =>
  mal.length === 0 ? null : (
    <Tabellrulle namn="Mål" minBredd={800}>
      <Table striped withTableBorder tabularNums captionSide="top">
        <Table.Caption>Mål (utfall över målets egen period, till periodens slut)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Mått</Table.Th>
            <Table.Th scope="col">Period</Table.Th>
            <Table.Th scope="col" ta="right">
              Mål
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Utfall
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Varav uppnått
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Av avslutade
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Andel av mål
            </Table.Th>
            <Table.Th scope="col">I fas</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mal.map((m) => (
            <Table.Tr key={m.malId}>
              <Table.Th scope="row" fw={500}>
                {etikettFor(MALMATT_ETIKETT, m.matt)}
              </Table.Th>
              <Table.Td>
                {m.fran} – {m.till}
              </Table.Td>
              <Table.Td ta="right">{arAndel(m) ? procent(m.varde) : m.varde}</Table.Td>
              <Table.Td ta="right">
                {arAndel(m) ? (
                  procent(typeof m.utfall === 'number' ? m.utfall : null)
                ) : m.utfall === null ? (
                  '–'
                ) : (
                  <Antal varde={m.utfall} />
                )}
              </Table.Td>
              <Table.Td ta="right">{m.underlag ? <Antal varde={m.underlag.antal} /> : ''}</Table.Td>
              <Table.Td ta="right">
                {m.underlag ? <Antal varde={m.underlag.avslutade} /> : ''}
              </Table.Td>
              <Table.Td ta="right">{procent(m.andelAvMal)}</Table.Td>
              <Table.Td>{iFasText(m.iFas)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Tabellrulle>
  );
