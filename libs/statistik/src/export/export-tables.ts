import type {
  Andel,
  Antal,
  ByKon,
  Jamforelse,
  OversiktJamforelse,
  OversiktRow,
  StatistikReport,
} from '../report.js';
import { DOLD, SKYDDAD } from '../skydd-scope.js';
import {
  TABELLER,
  antal,
  byKon,
  text,
  type ExportCell,
  type KonRad,
  type TableScope,
} from '../tables/index.js';

export type { ExportCell, KonRad } from '../tables/index.js';

export interface ExportTable {
  /** Swedish title of the CSV block. */
  title: string;
  /** The XLSX worksheet: at most 31 characters, none of []:*?/\, unique. */
  sheetName: string;
  columns: string[];
  rows: ExportCell[][];
}

export interface ExportOptions {
  /** Whether the report was protected; when not given, whether any count shows "<5" or "..". */
  skyddad?: boolean;
  /** `bred` when not given. */
  layout?: ExportLayout;
}

export const forandringCell = (value: number | null, procent = false): ExportCell =>
  procent
    ? { kind: 'forandring', forandring: value, procent }
    : { kind: 'forandring', forandring: value };
/** `bred`: the published shape (insatser as rows, kön as columns); `lang`: one row per value. */
export type ExportLayout = 'bred' | 'lang';

/** The label of a grupp's subtotal rows. */
export const delsumma = (grupp: string): string => `Delsumma ${grupp}`;

/**
 * The scopes in the report's order: each insats, a grupp's subtotal right after the last of
 * its insatser (they stand together when the förbund's ordning keeps them together), and
 * last the förbund's "Totalt".
 */
const scopesOf = (report: StatistikReport): TableScope[] => {
  const last = new Map(
    report.grupper.map((grupp) => [grupp.insatsIds[grupp.insatsIds.length - 1], grupp] as const),
  );
  return [
    ...report.insatser.flatMap((insats): TableScope[] => {
      const grupp = last.get(insats.insatsId);
      return [
        { namn: insats.namn, tables: insats },
        ...(grupp
          ? [{ namn: delsumma(grupp.grupp), tables: grupp, unikaPersoner: grupp.unikaPersoner }]
          : []),
      ];
    }),
    { namn: 'Totalt', tables: report.totalt, unikaPersoner: report.totalt.unikaPersoner },
  ];
};

/**
 * The report as labelled tables, each with rows for every insats in the report's order, a
 * subtotal per grupp and then "Totalt".
 */
export const exportTables = (
  report: StatistikReport,
  layout: ExportLayout = 'bred',
): ExportTable[] => {
  const scopes = scopesOf(report);
  const tables = TABELLER.map((spec) =>
    layout === 'bred' && spec.konRader
      ? bredTable(spec.title, spec.sheetName, scopes, spec.konRader, spec.andelAv)
      : {
          title: spec.title,
          sheetName: spec.sheetName,
          columns: ['Insats', ...spec.columns],
          rows: scopes.flatMap((scope) =>
            spec.rows(scope).map((row) => [text(scope.namn), ...row]),
          ),
        },
  );
  if (layout === 'lang') {
    return report.jamforelse
      ? [jamforelseLang(report.oversikt, report.jamforelse), ...tables]
      : tables;
  }
  return report.oversikt
    ? [oversiktTable(report.oversikt, report.jamforelse !== undefined), ...tables]
    : tables;
};

/** `bred` columns: each count by kön beside its share. */
export const BRED_KOLUMNER = [
  'Kvinnor',
  'Andel kvinnor',
  'Män',
  'Andel män',
  'Ej angivet',
  'Andel ej angivet',
  'Totalt',
  'Andel av totalt',
];

/** A share of two counts; none where either is suppressed or the denominator is 0. */
const kvot = (taljare: Antal, namnare: Antal | undefined): Andel =>
  typeof taljare === 'number' && typeof namnare === 'number' && namnare > 0
    ? taljare / namnare
    : null;

const KONEN = ['kvinna', 'man', 'ejAngivet'] as const;

/**
 * One `bred` row. A population row (no `andelAv`): each kön's count beside its share of the
 * row's totalt, and the totalt beside its share of the last row's (the förbund's) totalt. A row
 * with `andelAv`: each count beside its share of `andelAv` of the same kön, the totalt of
 * `andelAv`'s totalt (the seeds' "32 procent av kvinnorna", "34 procent av deltagarna").
 */
const bredRad = (
  namn: string,
  { antal, andelAv }: Pick<KonRad, 'antal' | 'andelAv'>,
  forbundetsTotalt: Antal | undefined,
): ExportCell[] => [
  text(namn),
  ...KONEN.flatMap((kon) => [
    { kind: 'antal', antal: antal[kon] } as const,
    {
      kind: 'andel',
      andel: kvot(antal[kon], andelAv ? andelAv.antal[kon] : antal.totalt),
    } as const,
  ]),
  { kind: 'antal', antal: antal.totalt },
  { kind: 'andel', andel: kvot(antal.totalt, andelAv ? andelAv.antal.totalt : forbundetsTotalt) },
];

/** `bred` share columns of a table whose every row's shares are of the same `andelAv`. */
const andelAvKolumner = (namn: string): string[] => [
  'Kvinnor',
  `Andel av ${namn} kvinnor`,
  'Män',
  `Andel av ${namn} män`,
  'Ej angivet',
  `Andel av ${namn} ej angivet kön`,
  'Totalt',
  `Andel av alla ${namn}`,
];

/** The label row of a `bred` block whose shares are of another count than the row's totalt. */
const blockEtikett = (etikett: string, andelAv: string | undefined, iKolumnerna: boolean) =>
  andelAv && !iKolumnerna ? `${etikett} (andel av ${andelAv} av samma kön)` : etikett;

/**
 * A `bred` table: a block per labelled row of counts (a row with the label alone), in it a row
 * per scope (insatser in the förbund's order, grupp subtotals, "Totalt" last). When every row's
 * shares are of the same `andelAv` (`gemensamt`), the share columns say of what; when only some
 * are (the overview), those blocks' labels say it.
 */
const bredTable = <S extends { namn: string }>(
  title: string,
  sheetName: string,
  scopes: readonly S[],
  rader: (scope: S) => KonRad[],
  gemensamt?: string,
): ExportTable => {
  const perScope = scopes.map((scope) => ({ namn: scope.namn, rader: rader(scope) }));
  const etiketter = [...new Set(perScope.flatMap((scope) => scope.rader.map((r) => r.etikett)))];
  const rows = etiketter.flatMap((etikett) => {
    const block = perScope.flatMap(({ namn, rader }) => {
      const rad = rader.find((r) => r.etikett === etikett);
      return rad ? [{ namn, rad }] : [];
    });
    const totalt = block[block.length - 1]?.rad.antal.totalt;
    const andelAv = block[0]?.rad.andelAv?.namn;
    return [
      [text(blockEtikett(etikett, andelAv, gemensamt !== undefined))],
      ...block.map(({ namn, rad }) => bredRad(namn, rad, totalt)),
    ];
  });
  return {
    title,
    sheetName,
    columns: ['Insats', ...(gemensamt ? andelAvKolumner(gemensamt) : BRED_KOLUMNER)],
    rows,
  };
};

/**
 * The overview rows labelled as every `bred` sheet and the printed report label them: a
 * grupp's row is its "Delsumma", the förbund's row "Totalt".
 */
export const oversiktRader = (oversikt: readonly OversiktRow[]): OversiktRow[] =>
  oversikt.map((rad) =>
    rad.typ === 'grupp'
      ? { ...rad, namn: delsumma(rad.grupp ?? rad.namn) }
      : rad.typ === 'forbund'
        ? { ...rad, namn: 'Totalt' }
        : rad,
  );

/** The overview's measures by kön, with what each is in a comparison row. */
const OVERSIKT_MATT: readonly {
  etikett: string;
  antal: (rad: OversiktJamforelse) => ByKon;
  /** Shares of the row's avslutade of the same kön rather than kön's share of the row. */
  avAvslutade?: true;
}[] = [
  { etikett: 'Aktuella', antal: (rad) => rad.aktuella },
  { etikett: 'Nya', antal: (rad) => rad.nya },
  { etikett: 'Avslutade', antal: (rad) => rad.avslutade },
  {
    etikett: 'Arbete eller studier',
    antal: (rad) => rad.arbeteEllerStudier.antal,
    avAvslutade: true,
  },
];

/** The change from an earlier count: the difference and that as a fraction of the earlier. */
export const forandring = (
  nu: Antal,
  fore: Antal | undefined,
): { skillnad: number | null; andel: number | null } => {
  if (typeof nu !== 'number' || typeof fore !== 'number') return { skillnad: null, andel: null };
  return { skillnad: nu - fore, andel: fore > 0 ? (nu - fore) / fore : null };
};

/** `bred` overview columns added by a comparison (after BRED_KOLUMNER). */
export const JAMFORELSE_KOLUMNER = [
  'Jämförelseperiod: kvinnor',
  'Jämförelseperiod: män',
  'Jämförelseperiod: ej angivet',
  'Jämförelseperiod: totalt',
  'Förändring totalt',
  'Förändring totalt (%)',
];

const jamforelseCeller = (nu: ByKon, fore: ByKon | undefined): ExportCell[] => {
  if (!fore) return JAMFORELSE_KOLUMNER.map(() => text(''));
  const { skillnad, andel } = forandring(nu.totalt, fore.totalt);
  return [...byKon(fore), forandringCell(skillnad), forandringCell(andel, true)];
};

/**
 * The overview (when the report has it) as its first `bred` sheet; with a comparison, each
 * row of aktuella, nya, avslutade and arbete eller studier also shows the comparison period's
 * counts by kön and the change of its totalt (volym has no comparison).
 */
const oversiktTable = (rader: readonly OversiktRow[], jamfor: boolean): ExportTable => {
  const oversikt = oversiktRader(rader);
  const table = bredTable('Översikt', 'Översikt', oversikt, (rad: OversiktRow): KonRad[] => [
    ...OVERSIKT_MATT.map(({ etikett, antal, avAvslutade }) => ({
      etikett,
      antal: antal(rad),
      ...(avAvslutade ? { andelAv: { namn: 'avslutade', antal: rad.avslutade } } : {}),
    })),
    ...(rad.volym ? [{ etikett: 'Volym', antal: rad.volym }] : []),
  ]);
  if (!jamfor) return table;
  // bredTable's rows: a label row, then one row per overview row in order, for each measure.
  let matt: (typeof OVERSIKT_MATT)[number] | undefined;
  let index = 0;
  const rows = table.rows.map((row) => {
    if (row.length === 1) {
      const etikett = (row[0] as { text: string }).text;
      matt = OVERSIKT_MATT.find(
        (m) => etikett === m.etikett || etikett.startsWith(`${m.etikett} (`),
      );
      index = 0;
      return row;
    }
    const rad = oversikt[index++]!;
    return [
      ...row,
      ...(matt
        ? jamforelseCeller(matt.antal(rad), rad.jamforelse && matt.antal(rad.jamforelse))
        : jamforelseCeller(rad.aktuella, undefined)),
    ];
  });
  return { ...table, columns: [...table.columns, ...JAMFORELSE_KOLUMNER], rows };
};

const KON_ETIKETT = [
  ['kvinna', 'Kvinnor'],
  ['man', 'Män'],
  ['ejAngivet', 'Ej angivet'],
  ['totalt', 'Totalt'],
] as const;

/** `lang` with a comparison: the overview, one row per row, measure and kön, with the change. */
const jamforelseLang = (oversikt: readonly OversiktRow[], jamforelse: Jamforelse): ExportTable => ({
  title: `Översikt jämförd med ${jamforelse.period.fran} – ${jamforelse.period.till}`,
  sheetName: 'Översikt med jämförelse',
  columns: ['Insats', 'Mått', 'Kön', 'Värde', 'Jämförelseperiod', 'Förändring', 'Förändring (%)'],
  rows: oversikt.flatMap((rad) =>
    OVERSIKT_MATT.flatMap(({ etikett, antal: matt }) =>
      KON_ETIKETT.map(([kon, konEtikett]) => {
        const nu = matt(rad)[kon];
        const fore = rad.jamforelse && matt(rad.jamforelse)[kon];
        const { skillnad, andel } = forandring(nu, fore);
        return [
          text(rad.namn),
          text(etikett),
          text(konEtikett),
          antal(nu),
          fore === undefined ? text('') : antal(fore),
          forandringCell(skillnad),
          forandringCell(andel, true),
        ];
      }),
    ),
  ),
});

/** What the two marks of a protected report mean (every export's header says it). */
export const SKYDDA_FORKLARING = `${SKYDDAD} = antal 1–4 (primär sekretess), ${DOLD} = antal som döljs för att ett ${SKYDDAD} inte ska kunna räknas fram ur en summa (sekundär sekretess)`;

const containsSkyddad = (value: unknown): boolean =>
  value === SKYDDAD ||
  value === DOLD ||
  (typeof value === 'object' && value !== null && Object.values(value).some(containsSkyddad));

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** The lines every export starts with: förbund, period, asOf and whether it is protected. */
export const exportHeaderLines = (
  report: StatistikReport,
  options: ExportOptions = {},
): string[] => {
  const skyddad =
    options.skyddad ??
    (containsSkyddad(report.insatser) ||
      containsSkyddad(report.grupper) ||
      containsSkyddad(report.totalt));
  return [
    `Förbund: ${report.forbund.namn}`,
    `Period: ${report.period.fran} – ${report.period.till}`,
    `Uppgifter per: ${report.asOf} (${STOCKHOLM.format(new Date(report.asOf))} svensk tid)`,
    skyddad ? `Skyddad för publicering: ja – ${SKYDDA_FORKLARING}` : 'Skyddad för publicering: nej',
    ...(report.jamforelse ? [jamforelseRubrik(report.jamforelse)] : []),
  ];
};

/** The header line of a report with a comparison. */
export const jamforelseRubrik = (jamforelse: Pick<Jamforelse, 'typ' | 'period'>): string =>
  `Jämförelse: ${jamforelse.typ === 'fjol' ? 'samma period året innan' : 'föregående lika långa period'}, ${jamforelse.period.fran} – ${jamforelse.period.till}`;

const signed = (value: number, text: string): string => (value > 0 ? `+${text}` : text);

/** Swedish rendering of a cell: percent with one decimal and a decimal comma. */
export const cellText = (cell: ExportCell): string => {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'antal':
      return String(cell.antal);
    case 'andel':
      return cell.andel === null ? '' : `${decimal(cell.andel * 100)} %`;
    case 'dagar':
      return cell.dagar === null ? '' : decimal(cell.dagar);
    case 'tal':
      return cell.tal === null ? '' : String(cell.tal);
    case 'kronor':
      return cell.kronor === null ? '' : String(cell.kronor);
    case 'forandring':
      if (cell.forandring === null) return '';
      return cell.procent
        ? `${signed(cell.forandring, decimal(cell.forandring * 100))} %`
        : signed(cell.forandring, String(cell.forandring));
  }
  const _exhaustive: never = cell;
  return _exhaustive;
};

const decimal = (value: number): string => value.toFixed(1).replace('.', ',');

export const exportFileName = (report: StatistikReport, format: 'csv' | 'xlsx' | 'pdf'): string =>
  `deltagarstatistik-${report.period.fran}--${report.period.till}.${format}`;
