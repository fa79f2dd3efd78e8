import type { ReactNode } from 'react';
import { Stack, Table, Text } from '@mantine/core';
import { Tabellrulle } from '../layout/Tabellrulle';
import { KON_NYCKLAR, KON_RUBRIK, type AndelPerKon, type PerKon } from './rapport';
import {
  forandring,
  JAMFOR_ETIKETT,
  procent,
  type OversiktRad,
  type RapportMedOversikt,
} from './oversikt';

const MATT = ['aktuella', 'nya', 'avslutade'] as const;
const MATT_RUBRIK: Record<(typeof MATT)[number], string> = {
  aktuella: 'Aktuella',
  nya: 'Nya',
  avslutade: 'Avslutade',
};

const kr = (belopp: number | null | undefined): string =>
  belopp === null || belopp === undefined ? '–' : `${belopp.toLocaleString('sv-SE')} kr`;

/** A cell the browser test reads back against the API's JSON: `data-cell="<row>:<path>"`. */
const Cell = ({ rad, path, children }: { rad: number; path: string; children: ReactNode }) => (
  <Table.Td ta="right" data-cell={`${rad}:${path}`} className="siffra">
    {children}
  </Table.Td>
);

const Radsiffror = ({ rad, i, jamfor }: { rad: OversiktRad; i: number; jamfor: boolean }) => (
  <>
    {MATT.map((matt) =>
      KON_NYCKLAR.map((k) => (
        <Cell key={`${matt}.${k}`} rad={i} path={`${matt}.${k}`}>
          {String(rad[matt][k])}
        </Cell>
      )),
    )}
    {jamfor &&
      MATT.flatMap((matt) => [
        <Cell key={`${matt}.fore`} rad={i} path={`jamforelse.${matt}.totalt`}>
          {rad.jamforelse ? String(rad.jamforelse[matt].totalt) : '–'}
        </Cell>,
        <Cell key={`${matt}.andring`} rad={i} path={`forandring.${matt}`}>
          {rad.jamforelse
            ? (forandring(rad[matt].totalt, rad.jamforelse[matt].totalt) ?? '..')
            : '–'}
        </Cell>,
      ])}
    <Cell rad={i} path="arbeteEllerStudier.antal.totalt">
      {String(rad.arbeteEllerStudier.antal.totalt)}
    </Cell>
    <Cell rad={i} path="arbeteEllerStudier.andel.totalt">
      {procent((rad.arbeteEllerStudier.andel as AndelPerKon).totalt)}
    </Cell>
    <Cell rad={i} path="volym.totalt">
      {rad.volym ? String((rad.volym as PerKon).totalt) : '–'}
    </Cell>
    <Cell rad={i} path="mal">
      {rad.mal.map((m) => (
        <div key={m.malId}>
          {m.matt}: {m.matt.startsWith('andel') ? procent(m.varde) : m.varde}
        </div>
      ))}
    </Cell>
    <Cell rad={i} path="utfall">
      {rad.mal.map((m) => (
        <div key={m.malId}>
          {m.utfall === null
            ? '–'
            : typeof m.utfall === 'number' && m.matt.startsWith('andel')
              ? procent(m.utfall)
              : String(m.utfall)}
          {m.andelAvMal !== null && ` (${procent(m.andelAvMal)} av mål)`}
        </div>
      ))}
    </Cell>
    <Cell rad={i} path="ekonomi.kostnad">
      {kr(rad.ekonomi?.kostnad)}
    </Cell>
    <Cell rad={i} path="ekonomi.kostnadPerDeltagare">
      {kr(rad.ekonomi?.kostnadPerDeltagare)}
    </Cell>
  </>
);

/** The overview: one row per insats in the förbund's order, grupp subtotals, the förbund total. */
export const OversiktSektion = ({ rapport }: { rapport: RapportMedOversikt }) => {
  const jamfor = rapport.jamforelse !== undefined;
  return (
    <Stack gap="xs">
      {rapport.jamforelse && (
        <Text size="sm" data-testid="jamforelseperiod">
          Jämfört med {JAMFOR_ETIKETT[rapport.jamforelse.typ].toLowerCase()}:{' '}
          {rapport.jamforelse.period.fran} – {rapport.jamforelse.period.till}
        </Text>
      )}
      <Tabellrulle namn="Översikt" minBredd={1400}>
        <Table withTableBorder tabularNums captionSide="top" data-testid="oversikt">
          <Table.Caption>Översikt per insats, grupp och förbund</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>Insats</Table.Th>
              {MATT.map((matt) => (
                <Table.Th key={matt} colSpan={4} ta="center">
                  {MATT_RUBRIK[matt]}
                </Table.Th>
              ))}
              {jamfor &&
                MATT.map((matt) => (
                  <Table.Th key={matt} colSpan={2} ta="center">
                    {MATT_RUBRIK[matt]}, jämförelse
                  </Table.Th>
                ))}
              <Table.Th colSpan={2} ta="center">
                Arbete eller studier
              </Table.Th>
              <Table.Th rowSpan={2}>Volym</Table.Th>
              <Table.Th rowSpan={2}>Mål</Table.Th>
              <Table.Th rowSpan={2}>Utfall</Table.Th>
              <Table.Th rowSpan={2}>Kostnad</Table.Th>
              <Table.Th rowSpan={2}>Kostnad per deltagare</Table.Th>
            </Table.Tr>
            <Table.Tr>
              {MATT.map((matt) =>
                KON_NYCKLAR.map((k) => (
                  <Table.Th key={`${matt}.${k}`} ta="right">
                    {KON_RUBRIK[k]}
                  </Table.Th>
                )),
              )}
              {jamfor &&
                MATT.flatMap((matt) => [
                  <Table.Th key={`${matt}.fore`} ta="right">
                    Före
                  </Table.Th>,
                  <Table.Th key={`${matt}.andring`} ta="right">
                    Förändring
                  </Table.Th>,
                ])}
              <Table.Th ta="right">Antal</Table.Th>
              <Table.Th ta="right">Andel</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rapport.oversikt.map((rad, i) => (
              <Table.Tr key={`${rad.typ}:${rad.insatsId ?? rad.grupp ?? ''}`} data-typ={rad.typ}>
                <Table.Th scope="row" fw={rad.typ === 'insats' ? 400 : 700} data-cell={`${i}:namn`}>
                  {rad.namn}
                </Table.Th>
                <Radsiffror rad={rad} i={i} jamfor={jamfor} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Tabellrulle>
    </Stack>
  );
};
