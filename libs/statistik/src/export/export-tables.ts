import {
  AVSLUTSORSAK_ETIKETT,
  FORSORJNING_ETIKETT,
  isAndelsmatt,
  MALMATT_ETIKETT,
  REMITTENT_ETIKETT,
  SYSSELSATTNING_ETIKETT,
  UTFALL_GRUPP_ETIKETT,
  kommunNamn,
} from '#domain';
import type {
  Andel,
  Antal,
  ByKon,
  Jamforelse,
  OversiktJamforelse,
  OversiktRow,
  StatistikReport,
  StatistikTables,
} from '../report.js';
import { DOLD, SKYDDAD } from '../skydda.js';

/** One cell of an exported table; the kind decides how CSV and XLSX render it. */
export type ExportCell =
  | { kind: 'text'; text: string }
  | { kind: 'antal'; antal: Antal }
  | { kind: 'andel'; andel: Andel }
  /** Days (means and medians), shown with one decimal. */
  | { kind: 'dagar'; dagar: number | null }
  /** Any other number: a year, months, a goal. */
  | { kind: 'tal'; tal: number | null }
  /** Whole kronor. */
  | { kind: 'kronor'; kronor: number | null }
  /**
   * A change against the comparison period, signed: a count (`+3`) or, with `procent`, the
   * change as a fraction of the earlier count (`+12,5 %`); none where either is unknown.
   */
  | { kind: 'forandring'; forandring: number | null; procent?: boolean };

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

const text = (value: string): ExportCell => ({ kind: 'text', text: value });
const antal = (value: Antal): ExportCell => ({ kind: 'antal', antal: value });
const andel = (value: Andel): ExportCell => ({ kind: 'andel', andel: value });
const dagar = (value: number | null): ExportCell => ({ kind: 'dagar', dagar: value });
const tal = (value: number | null): ExportCell => ({ kind: 'tal', tal: value });
const kronor = (value: number | null): ExportCell => ({ kind: 'kronor', kronor: value });
const forandringCell = (value: number | null, procent = false): ExportCell =>
  procent
    ? { kind: 'forandring', forandring: value, procent }
    : { kind: 'forandring', forandring: value };

const KON_KOLUMNER = ['Kvinnor', 'Män', 'Ej angivet', 'Totalt'];
const ANDEL_KOLUMNER = ['Andel kvinnor', 'Andel män', 'Andel ej angivet', 'Andel totalt'];

const byKon = (counts: ByKon): ExportCell[] =>
  [counts.kvinna, counts.man, counts.ejAngivet, counts.totalt].map(antal);
const andelByKon = (shares: ByKon<Andel>): ExportCell[] =>
  [shares.kvinna, shares.man, shares.ejAngivet, shares.totalt].map(andel);

const kommunEtikett = (kod: string): string => {
  const namn = kommunNamn(kod);
  return namn ? `${kod} ${namn}` : kod;
};

/** The scopes of every table: an insats, a grupp's subtotal or the whole förbund. */
type Scope = { namn: string; tables: StatistikTables; unikaPersoner?: ByKon };

interface TableSpec {
  title: string;
  sheetName: string;
  columns: string[];
  /** The rows of one scope, without its leading "Insats" cell (layout `lang`). */
  rows: (scope: Scope) => ExportCell[][];
  /**
   * The table's counts by kön, one labelled row each (layout `bred`: a block per label with a
   * row per scope). Tables without counts by kön keep their `lang` rows in `bred` too.
   */
  konRader?: (scope: Scope) => KonRad[];
}

/** A labelled row of counts by kön. */
export interface KonRad {
  etikett: string;
  antal: ByKon;
}

/** `bred`: the published shape (insatser as rows, kön as columns); `lang`: one row per value. */
export type ExportLayout = 'bred' | 'lang';

const TABLES: readonly TableSpec[] = [
  {
    title: 'Deltagare',
    sheetName: 'Deltagare',
    columns: ['Mått', ...KON_KOLUMNER],
    rows: ({ tables: { deltagare: d }, unikaPersoner }) => [
      [text('Aktuella'), ...byKon(d.aktuella)],
      [text('Nya'), ...byKon(d.nya)],
      [text('Överförda från tidigare period'), ...byKon(d.overforda)],
      [text('Avslutade'), ...byKon(d.avslutade)],
      [text('Pågående vid periodens slut'), ...byKon(d.pagaende)],
      ...(unikaPersoner ? [[text('Unika personer'), ...byKon(unikaPersoner)]] : []),
    ],
    konRader: ({ tables: { deltagare: d }, unikaPersoner }) => [
      { etikett: 'Aktuella', antal: d.aktuella },
      { etikett: 'Nya', antal: d.nya },
      { etikett: 'Överförda från tidigare period', antal: d.overforda },
      { etikett: 'Avslutade', antal: d.avslutade },
      { etikett: 'Pågående vid periodens slut', antal: d.pagaende },
      ...(unikaPersoner ? [{ etikett: 'Unika personer', antal: unikaPersoner }] : []),
    ],
  },
  {
    title: 'Åldersgrupper (ålder vid inskrivning)',
    sheetName: 'Åldersgrupper',
    columns: ['Åldersgrupp', 'Mått', ...KON_KOLUMNER],
    rows: ({ tables }) =>
      tables.aldersgrupper.flatMap((rad) => [
        [text(`${rad.grupp} år`), text('Aktuella'), ...byKon(rad.aktuella)],
        [text(`${rad.grupp} år`), text('Nya'), ...byKon(rad.nya)],
      ]),
    konRader: ({ tables }) =>
      tables.aldersgrupper.flatMap((rad) => [
        { etikett: `Aktuella ${rad.grupp} år`, antal: rad.aktuella },
        { etikett: `Nya ${rad.grupp} år`, antal: rad.nya },
      ]),
  },
  {
    title: 'Remisser',
    sheetName: 'Remisser',
    columns: ['Mått', ...KON_KOLUMNER],
    rows: ({ tables: { remisser: r } }) => [
      [text('Mottagna'), ...byKon(r.mottagna)],
      [text('Återremitterade'), ...byKon(r.aterremitterade)],
      [text('Väntande vid periodens slut'), ...byKon(r.vantande)],
    ],
    konRader: ({ tables: { remisser: r } }) => [
      { etikett: 'Mottagna', antal: r.mottagna },
      { etikett: 'Återremitterade', antal: r.aterremitterade },
      { etikett: 'Väntande vid periodens slut', antal: r.vantande },
    ],
  },
  {
    title: 'Remisser per remittent',
    sheetName: 'Remisser per remittent',
    columns: ['Remittent', ...KON_KOLUMNER],
    rows: ({ tables }) =>
      tables.remisser.perRemittent.map((rad) => [
        text(REMITTENT_ETIKETT[rad.remittent]),
        ...byKon(rad.antal),
      ]),
    konRader: ({ tables }) =>
      tables.remisser.perRemittent.map((rad) => ({
        etikett: REMITTENT_ETIKETT[rad.remittent],
        antal: rad.antal,
      })),
  },
  {
    title: 'Remisser per kommun',
    sheetName: 'Remisser per kommun',
    columns: ['Kommun', ...KON_KOLUMNER],
    rows: ({ tables }) =>
      tables.remisser.perKommun.map((rad) => [
        text(kommunEtikett(rad.kommun)),
        ...byKon(rad.antal),
      ]),
    konRader: ({ tables }) =>
      tables.remisser.perKommun.map((rad) => ({
        etikett: kommunEtikett(rad.kommun),
        antal: rad.antal,
      })),
  },
  {
    title: 'Per kommun (remisser, aktuella och nya)',
    sheetName: 'Per kommun',
    columns: ['Kommun', 'Mått', ...KON_KOLUMNER],
    rows: ({ tables }) =>
      tables.kommuner.flatMap((rad) =>
        (
          [
            ['Mottagna remisser', rad.remisser.mottagna],
            ['Återremitterade remisser', rad.remisser.aterremitterade],
            ['Inskrivna av mottagna remisser', rad.remisser.inskrivna],
            ['Aktuella', rad.aktuella],
            ['Nya', rad.nya],
          ] as const
        ).map(([matt, antal]) => [text(kommunEtikett(rad.kommun)), text(matt), ...byKon(antal)]),
      ),
    konRader: ({ tables }) =>
      tables.kommuner.flatMap((rad) =>
        (
          [
            ['Mottagna remisser', rad.remisser.mottagna],
            ['Återremitterade remisser', rad.remisser.aterremitterade],
            ['Inskrivna av mottagna remisser', rad.remisser.inskrivna],
            ['Aktuella', rad.aktuella],
            ['Nya', rad.nya],
          ] as const
        ).map(([matt, antal]) => ({ etikett: `${kommunEtikett(rad.kommun)}: ${matt}`, antal })),
      ),
  },
  {
    title: 'Nya deltagare per remittent',
    sheetName: 'Nya deltagare per remittent',
    columns: ['Remittent', 'Antal', 'Andel av nya'],
    rows: ({ tables }) =>
      tables.nyaPerRemittent.map((rad) => [
        text(REMITTENT_ETIKETT[rad.remittent]),
        antal(rad.antal),
        andel(rad.andel),
      ]),
  },
  {
    title: 'Nya deltagare per remittent och enhet',
    sheetName: 'Nya per remittent och enhet',
    columns: ['Remittent', 'Enhet', 'Antal'],
    rows: ({ tables }) =>
      tables.nyaPerRemittentEnhet.map((rad) => [
        text(REMITTENT_ETIKETT[rad.remittent]),
        text(rad.enhet ?? 'Ej angiven'),
        antal(rad.antal),
      ]),
  },
  {
    title: 'Utfall per avslutsorsak',
    sheetName: 'Utfall per avslutsorsak',
    columns: ['Avslutsorsak', ...KON_KOLUMNER, 'Andel av avslutade'],
    rows: ({ tables }) =>
      tables.utfall.perAvslutsorsak.map((rad) => [
        text(AVSLUTSORSAK_ETIKETT[rad.avslutsorsak]),
        ...byKon(rad.antal),
        andel(rad.andel),
      ]),
    konRader: ({ tables }) =>
      tables.utfall.perAvslutsorsak.map((rad) => ({
        etikett: AVSLUTSORSAK_ETIKETT[rad.avslutsorsak],
        antal: rad.antal,
      })),
  },
  {
    title: 'Utfall per grupp (andel av avslutade)',
    sheetName: 'Utfall per grupp',
    columns: ['Utfall', ...KON_KOLUMNER, ...ANDEL_KOLUMNER],
    rows: ({ tables: { utfall } }) => [
      ...utfall.perGrupp.map((rad) => [
        text(UTFALL_GRUPP_ETIKETT[rad.grupp]),
        ...byKon(rad.antal),
        ...andelByKon(rad.andel),
      ]),
      [
        text('Arbete eller studier'),
        ...byKon(utfall.arbeteEllerStudier.antal),
        ...andelByKon(utfall.arbeteEllerStudier.andel),
      ],
    ],
    konRader: ({ tables: { utfall } }) => [
      ...utfall.perGrupp.map((rad) => ({
        etikett: UTFALL_GRUPP_ETIKETT[rad.grupp],
        antal: rad.antal,
      })),
      { etikett: 'Arbete eller studier', antal: utfall.arbeteEllerStudier.antal },
    ],
  },
  {
    title: 'Försörjning vid inskrivning och avslut (bland avslutade)',
    sheetName: 'Försörjning',
    columns: [
      'Försörjning',
      ...KON_KOLUMNER.map((kolumn) => `Vid inskrivning: ${kolumn}`),
      ...KON_KOLUMNER.map((kolumn) => `Vid avslut: ${kolumn}`),
    ],
    rows: ({ tables }) =>
      tables.forsorjning.rader.map((rad) => [
        text(FORSORJNING_ETIKETT[rad.kod]),
        ...byKon(rad.vidInskrivning),
        ...byKon(rad.vidAvslut),
      ]),
    konRader: ({ tables }) =>
      tables.forsorjning.rader.flatMap((rad) => [
        { etikett: `${FORSORJNING_ETIKETT[rad.kod]} vid inskrivning`, antal: rad.vidInskrivning },
        { etikett: `${FORSORJNING_ETIKETT[rad.kod]} vid avslut`, antal: rad.vidAvslut },
      ]),
  },
  {
    title: 'Övergångar i försörjning (bland avslutade)',
    sheetName: 'Övergångar i försörjning',
    columns: ['Vid inskrivning', 'Vid avslut', 'Antal'],
    rows: ({ tables }) =>
      tables.forsorjning.overgangar.map((rad) => [
        text(FORSORJNING_ETIKETT[rad.fran]),
        text(FORSORJNING_ETIKETT[rad.till]),
        antal(rad.antal),
      ]),
  },
  {
    title: 'Kötid och tid i insats',
    sheetName: 'Kötid och tid i insats',
    columns: ['Mått', 'Medel (dagar)', 'Median (dagar)'],
    rows: ({ tables }) => [
      [
        text('Kötid från remiss till inskrivning (nya)'),
        dagar(tables.remisser.kotidDagar.medel),
        dagar(tables.remisser.kotidDagar.median),
      ],
      [
        text('Tid i insats från inskrivning till avslut (avslutade)'),
        dagar(tables.tidIInsatsDagar.medel),
        dagar(tables.tidIInsatsDagar.median),
      ],
    ],
  },
  {
    title: 'Uppföljning efter avslut',
    sheetName: 'Uppföljning',
    columns: ['Månader efter avslut', 'Sysselsättning', ...KON_KOLUMNER],
    rows: ({ tables }) =>
      tables.uppfoljning.map((rad) => [
        tal(rad.manaderEfterAvslut),
        text(SYSSELSATTNING_ETIKETT[rad.sysselsattning]),
        ...byKon(rad.antal),
      ]),
    konRader: ({ tables }) =>
      tables.uppfoljning.map((rad) => ({
        etikett: `${rad.manaderEfterAvslut} månader efter avslut: ${SYSSELSATTNING_ETIKETT[rad.sysselsattning]}`,
        antal: rad.antal,
      })),
  },
  {
    title: 'Volym',
    sheetName: 'Volym',
    columns: KON_KOLUMNER,
    rows: ({ tables }) => [byKon(tables.volym)],
    konRader: ({ tables }) => [{ etikett: 'Volym', antal: tables.volym }],
  },
  {
    title: 'Måluppfyllelse per kalenderår',
    sheetName: 'Måluppfyllelse',
    columns: [
      'År',
      'Mål: deltagare',
      'Utfall: aktuella',
      'Mål: nya deltagare',
      'Utfall: nya',
      'Mål: andel arbete/studier',
      'Utfall: andel arbete/studier',
    ],
    rows: ({ tables }) =>
      tables.maluppfyllelse.map((rad) => [
        tal(rad.ar),
        tal(rad.mal?.deltagare ?? null),
        antal(rad.utfall.aktuella),
        tal(rad.mal?.nyaDeltagare ?? null),
        antal(rad.utfall.nya),
        andel(rad.mal?.andelArbeteStudier ?? null),
        andel(rad.utfall.andelArbeteStudier),
      ]),
  },
  {
    title: 'Mål: utfall över målets egen period till periodens slut',
    sheetName: 'Mål',
    columns: ['Mått', 'Från', 'Till', 'Mål', 'Utfall', 'Andel av mål', 'I fas'],
    rows: ({ tables }) =>
      tables.mal.map((rad) => {
        const delAv = isAndelsmatt(rad.matt);
        return [
          text(MALMATT_ETIKETT[rad.matt]),
          text(rad.fran),
          text(rad.till),
          delAv ? andel(rad.varde) : tal(rad.varde),
          delAv ? andel(rad.utfall as Andel) : antal(rad.utfall as Antal),
          andel(rad.andelAvMal),
          text(rad.iFas === undefined ? '' : rad.iFas === null ? '–' : rad.iFas ? 'Ja' : 'Nej'),
        ];
      }),
  },
  {
    title: 'Ekonomi per kalenderår (kronor; per deltagare under kalenderåret inom perioden)',
    sheetName: 'Ekonomi',
    columns: [
      'År',
      'Budget',
      'Kostnad',
      'Aktuella deltagare',
      'Kostnad per deltagare',
      'Nya deltagare',
      'Kostnad per ny deltagare',
    ],
    rows: ({ tables }) =>
      tables.ekonomi.map((rad) => [
        tal(rad.ar),
        kronor(rad.budget),
        kronor(rad.kostnad),
        antal(rad.aktuella),
        kronor(rad.kostnadPerDeltagare),
        antal(rad.nya),
        kronor(rad.kostnadPerNyDeltagare),
      ]),
  },
];

/** The label of a grupp's subtotal rows. */
export const delsumma = (grupp: string): string => `Delsumma ${grupp}`;

/**
 * The scopes in the report's order: each insats, a grupp's subtotal right after the last of
 * its insatser (they stand together when the förbund's ordning keeps them together), and
 * last the förbund's "Totalt".
 */
const scopesOf = (report: StatistikReport): Scope[] => {
  const last = new Map(
    report.grupper.map((grupp) => [grupp.insatsIds[grupp.insatsIds.length - 1], grupp] as const),
  );
  return [
    ...report.insatser.flatMap((insats): Scope[] => {
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
  const tables = TABLES.map((spec) =>
    layout === 'bred' && spec.konRader
      ? bredTable(spec.title, spec.sheetName, scopes, spec.konRader)
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

/**
 * One `bred` row: each kön's count beside its share of the row's totalt, and the totalt beside
 * its share of the last row's (the förbund's) totalt.
 */
const bredRad = (namn: string, antal: ByKon, totalt: Antal | undefined): ExportCell[] => [
  text(namn),
  ...(['kvinna', 'man', 'ejAngivet'] as const).flatMap((kon) => [
    { kind: 'antal', antal: antal[kon] } as const,
    { kind: 'andel', andel: kvot(antal[kon], antal.totalt) } as const,
  ]),
  { kind: 'antal', antal: antal.totalt },
  { kind: 'andel', andel: kvot(antal.totalt, totalt) },
];

/**
 * A `bred` table: a block per labelled row of counts (a row with the label alone), in it a row
 * per scope (insatser in the förbund's order, grupp subtotals, "Totalt" last).
 */
const bredTable = <S extends { namn: string }>(
  title: string,
  sheetName: string,
  scopes: readonly S[],
  rader: (scope: S) => KonRad[],
): ExportTable => {
  const perScope = scopes.map((scope) => ({ namn: scope.namn, rader: rader(scope) }));
  const etiketter = [...new Set(perScope.flatMap((scope) => scope.rader.map((r) => r.etikett)))];
  const rows = etiketter.flatMap((etikett) => {
    const block = perScope.flatMap(({ namn, rader }) => {
      const rad = rader.find((r) => r.etikett === etikett);
      return rad ? [{ namn, antal: rad.antal }] : [];
    });
    const totalt = block[block.length - 1]?.antal.totalt;
    return [[text(etikett)], ...block.map(({ namn, antal }) => bredRad(namn, antal, totalt))];
  });
  return { title, sheetName, columns: ['Insats', ...BRED_KOLUMNER], rows };
};

/** The overview's measures by kön, with what each is in a comparison row. */
const OVERSIKT_MATT: readonly {
  etikett: string;
  antal: (rad: OversiktJamforelse) => ByKon;
}[] = [
  { etikett: 'Aktuella', antal: (rad) => rad.aktuella },
  { etikett: 'Nya', antal: (rad) => rad.nya },
  { etikett: 'Avslutade', antal: (rad) => rad.avslutade },
  { etikett: 'Arbete eller studier', antal: (rad) => rad.arbeteEllerStudier.antal },
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
const oversiktTable = (oversikt: readonly OversiktRow[], jamfor: boolean): ExportTable => {
  const table = bredTable('Översikt', 'Översikt', oversikt, (rad: OversiktRow) => [
    ...OVERSIKT_MATT.map(({ etikett, antal }) => ({ etikett, antal: antal(rad) })),
    ...(rad.volym ? [{ etikett: 'Volym', antal: rad.volym }] : []),
  ]);
  if (!jamfor) return table;
  // bredTable's rows: a label row, then one row per overview row in order, for each measure.
  let matt: (typeof OVERSIKT_MATT)[number] | undefined;
  let index = 0;
  const rows = table.rows.map((row) => {
    if (row.length === 1) {
      matt = OVERSIKT_MATT.find((m) => m.etikett === (row[0] as { text: string }).text);
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
