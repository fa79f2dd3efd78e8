import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** A count as the report gives it: a number, or a suppression label ("<5", ".."). */
export type Varde = number | string | null;

export interface Serie {
  namn: string;
  farg: string;
  varden: Varde[];
}

export interface BarChart {
  titel: string;
  kategorier: string[];
  serier: Serie[];
  /** How a value is written beside its bar; String by default. */
  format?: (value: number) => string;
  /** A reference line (e.g. 1 = the goal) drawn across the bars, in the values' unit. */
  referens?: { varde: number; etikett: string };
}

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ that is at least `value` (1 for 0 or less). */
export const niceCeiling = (value: number): number => {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value * (1 - 1e-12))!;
  return step * power;
};

/** The scale of a chart: its axis maximum, ticks (0 … max in 4 steps) and each bar's length. */
export const barScale = (
  values: readonly Varde[],
  length: number,
  minimum = 0,
): { max: number; ticks: number[]; lengths: number[] } => {
  const numbers = values.filter((value): value is number => typeof value === 'number');
  const max = niceCeiling(Math.max(minimum, ...numbers));
  const ticks = [0, 1, 2, 3, 4].map((step) => (max * step) / 4);
  const lengths = values.map((value) =>
    typeof value === 'number' ? (Math.max(0, value) / max) * length : 0,
  );
  return { max, ticks, lengths };
};

const LABEL_WIDTH = 130;
const BAR_HEIGHT = 8;
const GROUP_GAP = 6;
const AXIS_GREY = '#666666';

/** The height a chart takes, to decide whether it fits on the page. */
export const chartHeight = (chart: BarChart): number =>
  16 + chart.kategorier.length * (chart.serier.length * BAR_HEIGHT + GROUP_GAP) + 14 + 14;

const tickText = (tick: number, format: (value: number) => string): string =>
  Number.isInteger(tick) || format !== String ? format(tick) : tick.toFixed(1).replace('.', ',');

/**
 * Horizontal grouped bars drawn with pdfkit's vector primitives: a category label, one bar per
 * series with its value written after it (a suppressed value is written, with no bar), an
 * x axis with ticks and a legend. Returns the y below the chart.
 */
export const drawBarChart = (doc: Doc, chart: BarChart, x: number, y: number, width: number) => {
  const format = chart.format ?? String;
  const barsX = x + LABEL_WIDTH;
  const barsWidth = width - LABEL_WIDTH - 40;
  const all = chart.serier.flatMap((serie) => serie.varden);
  const scale = barScale([...all, chart.referens?.varde ?? 0], barsWidth);
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(chart.titel, x, y, { width });
  let top = y + 16;
  const plotTop = top;
  chart.kategorier.forEach((kategori, index) => {
    const groupHeight = chart.serier.length * BAR_HEIGHT;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('black')
      .text(kategori, x, top + groupHeight / 2 - 4, {
        width: LABEL_WIDTH - 6,
        align: 'right',
        lineBreak: false,
        ellipsis: true,
        height: 10,
      });
    chart.serier.forEach((serie, s) => {
      const value = serie.varden[index] ?? null;
      const barY = top + s * BAR_HEIGHT;
      const barLength = barScale([value], barsWidth, scale.max).lengths[0]!;
      if (barLength > 0) doc.rect(barsX, barY + 1, barLength, BAR_HEIGHT - 2).fill(serie.farg);
      const label = value === null ? '' : typeof value === 'number' ? format(value) : value;
      doc
        .font('Helvetica')
        .fontSize(6.5)
        .fillColor('black')
        .text(label, barsX + barLength + 2, barY + 1.5, { lineBreak: false });
    });
    top += groupHeight + GROUP_GAP;
  });
  const plotBottom = top - GROUP_GAP / 2;
  // The x axis with its ticks; the y axis as the bars' base line.
  doc.lineWidth(0.5).strokeColor(AXIS_GREY);
  doc
    .moveTo(barsX, plotTop - 2)
    .lineTo(barsX, plotBottom)
    .stroke();
  doc
    .moveTo(barsX, plotBottom)
    .lineTo(barsX + barsWidth, plotBottom)
    .stroke();
  for (const tick of scale.ticks) {
    const tickX = barsX + (tick / scale.max) * barsWidth;
    doc
      .moveTo(tickX, plotBottom)
      .lineTo(tickX, plotBottom + 3)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(6.5)
      .fillColor(AXIS_GREY)
      .text(tickText(tick, format), tickX - 20, plotBottom + 4, { width: 40, align: 'center' });
  }
  if (chart.referens) {
    const refX = barsX + (chart.referens.varde / scale.max) * barsWidth;
    doc
      .save()
      .dash(2, { space: 2 })
      .strokeColor('#c0392b')
      .moveTo(refX, plotTop - 2)
      .lineTo(refX, plotBottom)
      .stroke()
      .restore();
    doc
      .fontSize(6.5)
      .fillColor('#c0392b')
      .text(chart.referens.etikett, refX + 2, plotTop - 10, { lineBreak: false });
  }
  // Legend.
  let legendX = barsX;
  const legendY = plotBottom + 16;
  for (const serie of chart.serier) {
    doc.rect(legendX, legendY, 7, 7).fill(serie.farg);
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('black')
      .text(serie.namn, legendX + 10, legendY, { lineBreak: false });
    legendX += 20 + doc.widthOfString(serie.namn);
  }
  doc.fillColor('black').strokeColor('black');
  return legendY + 14;
};
