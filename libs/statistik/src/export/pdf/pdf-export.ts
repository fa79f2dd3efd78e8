import { FORSORJNING_ETIKETT, isAndelsmatt, MALMATT_ETIKETT, REMITTENT_ETIKETT } from '#domain';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type {
  Andel,
  Antal,
  ByKon,
  InsatsTables,
  MalRow,
  OversiktJamforelse,
  OversiktRow,
  StatistikReport,
} from '../../report.js';
import {
  cellText,
  exportHeaderLines,
  forandring,
  forandringCell,
  jamforelseRubrik,
  oversiktRader,
  type ExportOptions,
} from '../export-tables.js';
import { DELTAGARE } from '../../tables/deltagare.js';
import { FORSORJNING } from '../../tables/forsorjning.js';
import { MAL } from '../../tables/mal-och-ekonomi.js';
import { NYA_PER_REMITTENT } from '../../tables/remisser.js';
import type { TableScope, TableSpec } from '../../tables/table-spec.js';
import { UTFALL_PER_GRUPP } from '../../tables/utfall.js';
import { oversiktFor } from '../../oversikt.js';
import { drawBarChart, chartHeight, type BarChart, type Varde } from './charts.js';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 50;
const FOOTER_SPACE = 30;
const KVINNA = '#8e44ad';
const MAN = '#2e86c1';
const EJ_ANGIVET = '#95a5a6';
const GRID = '#b0b0b0';
const HEADER_FILL = '#e8ecf1';
const SUBTOTAL_FILL = '#f4f4f4';

/** A count as shown: a number, or the label of a suppressed cell as given ("<5", ".."). */
export const antalText = (value: Antal | string | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** A share 0–1 in Swedish percent with one decimal ("37,5 %"); empty when unknown. */
export const andelText = (value: Andel | undefined): string =>
  value === null || value === undefined ? '' : `${(value * 100).toFixed(1).replace('.', ',')} %`;

/** Whole kronor with a thin space between thousands ("1 250 000 kr"). */
export const kronorText = (value: number | null | undefined): string =>
  value === null || value === undefined
    ? ''
    : `${Math.round(value)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;

/** A goal's utfall against its value: "12 av 20 (60,0 %)", shares as percentages. */
export const malText = (mal: MalRow): string => {
  const andel = isAndelsmatt(mal.matt);
  const utfall = andel ? andelText(mal.utfall as Andel) : antalText(mal.utfall as Antal);
  const varde = andel ? andelText(mal.varde) : String(mal.varde);
  const del = mal.andelAvMal === null ? '' : ` (${andelText(mal.andelAvMal)})`;
  return `${MALMATT_ETIKETT[mal.matt]}: ${utfall || '–'} av ${varde}${del}`;
};

/** The page's footer text. */
export const sidText = (page: number, pages: number): string => `Sida ${page} av ${pages}`;

/** The overview rows as the report has them (libs/statistik oversikt.ts), labelled for print. */
export const oversiktRows = (report: StatistikReport): OversiktRow[] =>
  oversiktRader(report.oversikt ?? oversiktFor(report));

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

interface TableRow {
  cells: string[];
  emphasis?: boolean;
}

const CELL_PAD = 3;

/** Row heights of a table at the given font size: the tallest cell's wrapped text. */
export const rowHeight = (doc: Doc, columns: Column[], cells: string[], fontSize: number) => {
  doc.fontSize(fontSize);
  return (
    Math.max(
      ...cells.map((cell, index) =>
        doc.heightOfString(cell || ' ', { width: columns[index]!.width - 2 * CELL_PAD }),
      ),
    ) +
    2 * CELL_PAD
  );
};

class Layout {
  constructor(readonly doc: Doc) {}

  get bottom() {
    return this.doc.page.height - MARGIN - FOOTER_SPACE;
  }
  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** A new page when `height` does not fit below the current position. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /** A page of the same orientation as the current one. */
  newPage() {
    this.doc.addPage({
      size: 'A4',
      layout: this.doc.page.layout as 'portrait' | 'landscape',
      margin: MARGIN,
    });
  }

  heading(text: string, size = 16) {
    this.ensure(size * 3);
    this.doc.moveDown(0.3);
    this.doc.font('Helvetica-Bold').fontSize(size).fillColor('black').text(text, this.left);
    this.doc.moveDown(0.3);
  }

  subheading(text: string) {
    this.ensure(60);
    this.doc.moveDown(0.5);
    this.doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(text, this.left);
    this.doc.moveDown(0.2);
  }

  note(text: string) {
    this.doc.font('Helvetica').fontSize(7).fillColor('#444444').text(text, this.left, undefined, {
      width: this.width,
    });
    this.doc.fillColor('black');
  }

  /** A table with a grid and a shaded header row, repeated on each page it runs onto. */
  table(columns: Column[], rows: TableRow[], fontSize = 8) {
    const doc = this.doc;
    const drawRow = (cells: string[], header: boolean, emphasis: boolean) => {
      const size = header ? fontSize - 0.5 : fontSize;
      const height = rowHeight(doc, columns, cells, size);
      const y = doc.y;
      let x = this.left;
      const total = columns.reduce((sum, column) => sum + column.width, 0);
      if (header || emphasis) {
        doc.rect(x, y, total, height).fill(header ? HEADER_FILL : SUBTOTAL_FILL);
      }
      columns.forEach((column, index) => {
        doc
          .font(header || emphasis ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(size)
          .fillColor('black')
          .text(cells[index] ?? '', x + CELL_PAD, y + CELL_PAD, {
            width: column.width - 2 * CELL_PAD,
            align: header
              ? column.align === 'right'
                ? 'right'
                : 'left'
              : (column.align ?? 'left'),
          });
        doc.lineWidth(0.4).strokeColor(GRID).rect(x, y, column.width, height).stroke();
        x += column.width;
      });
      doc.x = this.left;
      doc.y = y + height;
    };
    const headers = columns.map((column) => column.header);
    this.ensure(rowHeight(doc, columns, headers, fontSize - 0.5) * 2);
    drawRow(headers, true, false);
    for (const row of rows) {
      if (doc.y + rowHeight(doc, columns, row.cells, fontSize) > this.bottom) {
        this.newPage();
        drawRow(headers, true, false);
      }
      drawRow(row.cells, false, row.emphasis === true);
    }
    doc.strokeColor('black');
    doc.moveDown(0.4);
  }

  chart(chart: BarChart) {
    this.ensure(chartHeight(chart) + 10);
    this.doc.y = drawBarChart(this.doc, chart, this.left, this.doc.y + 6, this.width) + 4;
    this.doc.x = this.left;
  }
}

const KON_SERIER = (value: (kon: keyof ByKon) => Varde[]): BarChart['serier'] => [
  { namn: 'Kvinnor', farg: KVINNA, varden: value('kvinna') },
  { namn: 'Män', farg: MAN, varden: value('man') },
  // Ej angivet only when some count has it: a row of zero bars says nothing.
  ...(value('ejAngivet').some((count) => count !== 0)
    ? [{ namn: 'Ej angivet', farg: EJ_ANGIVET, varden: value('ejAngivet') }]
    : []),
];

const konCells = (counts: ByKon<Antal | string>): string[] =>
  [counts.kvinna, counts.man, counts.ejAngivet, counts.totalt].map(antalText);

const FOOTNOTES = [
  'Aktuella: deltagare inskrivna någon dag under perioden. Nya: inskrivna under perioden. Avslutade: avslutade under perioden. Pågående: inskrivna vid periodens slut.',
  'Arbete eller studier: avslutade med utfall arbete eller studier, andel av periodens avslutade. Mål: utfallet över målets egen period till periodens slut, mot målet.',
  'Skyddade tal: "<5" är ett antal 1–4 (primärt skydd); ".." är ett antal som döljs för att det annars skulle avslöja ett skyddat (sekundärt skydd).',
];

const footnotes = (layout: Layout, skyddad: boolean) => {
  layout.ensure(50);
  layout.doc.moveDown(0.8);
  const y = layout.doc.y;
  layout.doc
    .lineWidth(0.5)
    .strokeColor(GRID)
    .moveTo(layout.left, y)
    .lineTo(layout.left + 120, y)
    .stroke();
  layout.doc.moveDown(0.3);
  (skyddad ? FOOTNOTES : FOOTNOTES.slice(0, 2)).forEach((text, index) =>
    layout.note(`${['¹', '²', '³'][index]} ${text}`),
  );
};

const overview = (layout: Layout, report: StatistikReport) => {
  const rows = oversiktRows(report);
  const columns: Column[] = [
    { header: 'Insats', width: 108 },
    ...['Aktuella', 'Nya', 'Avslutade'].flatMap((matt) =>
      ['K', 'M', 'Totalt'].map((kon): Column => ({
        header: `${matt}\n${kon}`,
        width: 38,
        align: 'right',
      })),
    ),
    { header: 'Arbete/ studier²', width: 36, align: 'right' },
    { header: 'Andel²', width: 36, align: 'right' },
    { header: 'Mål och utfall²', width: 112 },
    { header: 'Kostnad', width: 55, align: 'right' },
    { header: 'Kostnad per deltagare', width: 52, align: 'right' },
  ];
  layout.heading('Översikt', 14);
  layout.table(
    columns,
    rows.map((row) => ({
      emphasis: row.typ !== 'insats',
      cells: [
        row.namn,
        ...[row.aktuella, row.nya, row.avslutade].flatMap((counts) =>
          [counts.kvinna, counts.man, counts.totalt].map(antalText),
        ),
        antalText(row.arbeteEllerStudier.antal.totalt),
        andelText(row.arbeteEllerStudier.andel.totalt),
        row.mal.map(malText).join('\n'),
        kronorText(row.ekonomi?.kostnad),
        kronorText(row.ekonomi?.kostnadPerDeltagare),
      ],
    })),
    7,
  );
  layout.note(
    'Aktuella, nya och avslutade¹ per kön: K = kvinnor, M = män; Totalt inkluderar ej angivet kön. Ekonomin avser periodens kalenderår; kostnad per deltagare visas när perioden ligger inom ett kalenderår.',
  );
};

/** A change as printed: "+6", "-2", "0"; empty where either count is unknown or hidden. */
const forandringText = (value: number | null, procent = false): string =>
  cellText(forandringCell(value, procent));

/** With jamfor: each overview row's totals now and then, and the change (count and %). */
const comparison = (layout: Layout, report: StatistikReport) => {
  if (!report.jamforelse) return;
  const matt = [
    ['Aktuella', (r: OversiktJamforelse) => r.aktuella.totalt],
    ['Nya', (r: OversiktJamforelse) => r.nya.totalt],
    ['Avslutade', (r: OversiktJamforelse) => r.avslutade.totalt],
    ['Arbete/studier', (r: OversiktJamforelse) => r.arbeteEllerStudier.antal.totalt],
  ] as const;
  const columns: Column[] = [
    { header: 'Insats', width: 120 },
    ...matt.flatMap(([namn]) =>
      ['nu', 'då', '+/−', '%'].map((del): Column => ({
        header: `${namn}\n${del}`,
        width: 38,
        align: 'right',
      })),
    ),
  ];
  layout.heading('Jämförelse', 12);
  layout.note(jamforelseRubrik(report.jamforelse));
  layout.table(
    columns,
    oversiktRows(report).map((row) => ({
      emphasis: row.typ !== 'insats',
      cells: [
        row.namn,
        ...matt.flatMap(([, value]) => {
          const nu = value(row);
          const da = row.jamforelse ? value(row.jamforelse) : undefined;
          const { skillnad, andel } = forandring(nu, da);
          return [
            antalText(nu),
            da === undefined ? '' : antalText(da),
            forandringText(skillnad),
            forandringText(andel, true),
          ];
        }),
      ],
    })),
    7,
  );
};

/**
 * A registry table of one scope as the exports have it (`lang` columns and rows, cellText):
 * the text columns share what the number columns (at most 55 pt each) leave, up to 180 pt.
 */
const specTable = (layout: Layout, spec: TableSpec, scope: TableScope) => {
  const rows = spec.rows(scope);
  const isText = spec.columns.map((_, index) =>
    rows.length === 0 ? index === 0 : rows.every((row) => row[index]?.kind === 'text'),
  );
  const textColumns = isText.filter(Boolean).length;
  const numberColumns = spec.columns.length - textColumns;
  const numberWidth = Math.min(55, (layout.width - 130) / Math.max(numberColumns, 1));
  const widest = Math.min(
    180,
    (layout.width - numberWidth * numberColumns) / Math.max(textColumns, 1),
  );
  layout.table(
    spec.columns.map((header, index): Column =>
      isText[index] ? { header, width: widest } : { header, width: numberWidth, align: 'right' },
    ),
    rows.map((row) => ({ cells: row.map(cellText) })),
    spec.columns.length > 6 ? 7 : 8,
  );
};

const insatsPage = (layout: Layout, insats: InsatsTables) => {
  const doc = layout.doc;
  doc.addPage({ size: 'A4', layout: 'portrait', margin: MARGIN });
  layout.heading(insats.namn, 16);
  if (insats.grupp) layout.note(`Grupp: ${insats.grupp}`);
  const KON_KOLUMNER: Column[] = ['Kvinnor', 'Män', 'Ej angivet', 'Totalt'].map((header) => ({
    header,
    width: 62,
    align: 'right',
  }));
  // The tables the registry defines, read off it as the exports do (an insats has no unika
  // personer, so Deltagare is its five flow rows).
  const scope = { namn: insats.namn, tables: insats };
  const flode = DELTAGARE.konRader!(scope).map((rad) => [rad.etikett, rad.antal] as const);
  layout.subheading(`${DELTAGARE.title}¹`);
  layout.table(
    [{ header: 'Mått', width: 180 }, ...KON_KOLUMNER],
    flode.map(([namn, counts]) => ({ cells: [namn, ...konCells(counts)] })),
  );
  layout.chart({
    titel: 'Flöde per kön',
    kategorier: flode.map(([namn]) => namn),
    serier: KON_SERIER((kon) => flode.map(([, counts]) => counts[kon])),
  });

  layout.subheading(NYA_PER_REMITTENT.title);
  specTable(layout, NYA_PER_REMITTENT, scope);
  if (insats.nyaPerRemittent.length > 0) {
    layout.chart({
      titel: 'Nya deltagare per remittent',
      kategorier: insats.nyaPerRemittent.map((rad) => REMITTENT_ETIKETT[rad.remittent]),
      serier: [{ namn: 'Nya', farg: MAN, varden: insats.nyaPerRemittent.map((rad) => rad.antal) }],
    });
  }

  layout.subheading(`${UTFALL_PER_GRUPP.title}²`);
  specTable(layout, UTFALL_PER_GRUPP, scope);

  layout.subheading(`${MAL.title}²`);
  if (insats.mal.length === 0) {
    layout.note('Inga mål för perioden.');
  } else {
    specTable(layout, MAL, scope);
    layout.chart({
      titel: 'Utfall i procent av målet',
      kategorier: insats.mal.map((mal) => MALMATT_ETIKETT[mal.matt]),
      serier: [
        {
          namn: 'Andel av mål',
          farg: '#27ae60',
          varden: insats.mal.map((mal) => mal.andelAvMal),
        },
      ],
      format: (value) => `${Math.round(value * 100)} %`,
      referens: { varde: 1, etikett: 'Mål' },
    });
  }

  layout.subheading(FORSORJNING.title);
  const rader = insats.forsorjning.rader;
  specTable(layout, FORSORJNING, scope);
  if (rader.length > 0) {
    layout.chart({
      titel: 'Försörjning vid inskrivning och vid avslut',
      kategorier: rader.map((rad) => FORSORJNING_ETIKETT[rad.kod]),
      serier: [
        {
          namn: 'Vid inskrivning',
          farg: EJ_ANGIVET,
          varden: rader.map((rad) => rad.vidInskrivning.totalt),
        },
        { namn: 'Vid avslut', farg: '#27ae60', varden: rader.map((rad) => rad.vidAvslut.totalt) },
      ],
    });
  }
};

/**
 * The report as an A4 document in Swedish (DESIGN.md "Publication"): a title page part with
 * förbund, period and asOf, the overview (landscape), then a page per insats with its tables
 * and charts, definitions as footnotes and "Sida n av m" on every page. Written to `out` as
 * pdfkit makes it; resolves when the document has ended.
 */
export const writePdf = (
  report: StatistikReport,
  options: ExportOptions,
  out: Writable,
): Promise<void> => {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `Deltagarstatistik ${report.forbund.namn} ${report.period.fran} – ${report.period.till}`,
      Author: report.forbund.namn,
      Creator: 'Deltagarflöde',
      // The report's moment rather than now, so the same report gives the same file.
      CreationDate: new Date(report.asOf),
    },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  const layout = new Layout(doc);
  const header = exportHeaderLines(report, options);
  const skyddad = header[3]!.includes(': ja');

  doc.font('Helvetica-Bold').fontSize(22).text('Deltagarstatistik', MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(14).text(report.forbund.namn);
  doc.moveDown(0.2);
  doc.fontSize(9).fillColor('#333333').text(header.slice(1).join('\n'), { width: layout.width });
  doc.fillColor('black');
  overview(layout, report);
  comparison(layout, report);
  footnotes(layout, skyddad);
  for (const insats of report.insatser) {
    insatsPage(layout, insats);
    footnotes(layout, skyddad);
  }

  // Page numbers, once the number of pages is known.
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 10;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#444444')
      .text(`${report.forbund.namn} · ${report.period.fran} – ${report.period.till}`, MARGIN, y, {
        lineBreak: false,
      })
      .text(sidText(index + 1, count), MARGIN, y, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
};
