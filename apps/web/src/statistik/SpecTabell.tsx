import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  VISNINGAR,
  type ExportCell,
  type TableId,
  type TableScope,
} from '../../../../libs/statistik/src/tables/visning/index';
import { Tabellrulle } from '../layout/Tabellrulle';
import { Antal } from './Antal';
import {
  dagar,
  KON_NYCKLAR,
  KON_PARAMETER,
  KON_RUBRIK,
  kronor,
  procent,
  type PerKon,
  type Tabeller,
} from './rapport';

/** An extra column the screen shows beside a table's own (the mål's underlag). */
export interface ExtraKolumn {
  rubrik: string;
  cell: (rad: number) => ReactNode;
}

const TAL = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1, useGrouping: false });

const FORANDRING = new Intl.NumberFormat('sv-SE', {
  signDisplay: 'exceptZero',
  maximumFractionDigits: 1,
});

/** The kön a column header of counts by kön stands for ("Kvinnor" → kvinna). */
const konFor = (rubrik: string | undefined) => KON_NYCKLAR.find((k) => KON_RUBRIK[k] === rubrik);

/**
 * How many leading cells name the row (row headers; the first stays in view): the leading
 * text cells, or else a leading number (the år or the months after avslut). Volym has none.
 */
export const radnamnAntal = (rad: readonly ExportCell[]): number => {
  const forsta = rad.findIndex((cell) => cell.kind !== 'text');
  if (forsta !== 0) return forsta === -1 ? rad.length : forsta;
  return rad[0]?.kind === 'tal' ? 1 : 0;
};

const Varde = ({
  cell,
  matt,
}: {
  cell: ExportCell;
  matt?: Parameters<typeof Antal>[0]['matt'];
}): ReactNode => {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'antal':
      return <Antal varde={cell.antal} matt={matt} />;
    case 'andel':
      return procent(cell.andel);
    case 'dagar':
      return dagar(cell.dagar);
    case 'tal':
      return cell.tal === null ? '–' : TAL.format(cell.tal);
    case 'kronor':
      return kronor(cell.kronor);
    case 'forandring':
      return cell.forandring === null
        ? '–'
        : cell.procent
          ? `${FORANDRING.format(cell.forandring * 100)} %`
          : FORANDRING.format(cell.forandring);
  }
};

/**
 * One statistics table drawn from its `TableSpec`'s declarative half (libs/statistik
 * tables/visning): the same title, columns and rows as the CSV, XLSX and PDF, so the screen
 * cannot drift from the exports. The screen adds only the drill-down behind counts (`matt`,
 * one measure per row) and, for the mål, extra columns.
 */
export const SpecTabell = ({
  id,
  t,
  namn = '',
  unikaPersoner,
  matt,
  extra = [],
  tom = 'Inga rader i perioden.',
}: {
  id: TableId;
  t: Tabeller;
  /** The scope's name (an insats, a grupp's subtotal or Totalt). */
  namn?: string;
  unikaPersoner?: PerKon | undefined;
  /** The drill-down measure of each row, by index, if the API offers one. */
  matt?: readonly (string | undefined)[];
  extra?: readonly ExtraKolumn[];
  /** Said in the table when it has no rows. */
  tom?: string;
}) => {
  const visning = VISNINGAR[id];
  const scope: TableScope = { namn, tables: t, ...(unikaPersoner ? { unikaPersoner } : {}) };
  const rader = visning.rows(scope);
  const kolumner = [...visning.columns, ...extra.map((e) => e.rubrik)];
  return (
    <Tabellrulle namn={visning.title} minBredd={Math.max(320, 140 + 100 * kolumner.length)}>
      <Table striped withTableBorder tabularNums captionSide="top" data-tabell={id}>
        <Table.Caption>{visning.title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {kolumner.map((kolumn, i) => (
              <Table.Th key={kolumn} scope="col" ta={i === 0 ? undefined : 'right'}>
                {kolumn}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rader.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={kolumner.length}>{tom}</Table.Td>
            </Table.Tr>
          )}
          {rader.map((rad, r) => {
            const radnamn = radnamnAntal(rad);
            const rubrik = rad
              .slice(0, radnamn)
              .map((cell) => (cell.kind === 'text' ? cell.text : ''))
              .join(', ');
            const radMatt = matt?.[r];
            return (
              <Table.Tr key={`${r}:${rubrik}`}>
                {rad.map((cell, c) => {
                  if (c < radnamn)
                    return (
                      <Table.Th key={c} scope="row" fw={500}>
                        <Varde cell={cell} />
                      </Table.Th>
                    );
                  const kon = konFor(visning.columns[c]);
                  return (
                    <Table.Td key={c} ta="right">
                      <Varde
                        cell={cell}
                        matt={
                          radMatt && kon
                            ? {
                                matt: radMatt,
                                kon: KON_PARAMETER[kon],
                                rubrik: `${rubrik}, ${KON_RUBRIK[kon].toLowerCase()}`,
                              }
                            : undefined
                        }
                      />
                    </Table.Td>
                  );
                })}
                {extra.map((e) => (
                  <Table.Td key={e.rubrik} ta="right">
                    {e.cell(r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Tabellrulle>
  );
};
