import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pipeline, Readable } from 'node:stream';
import { BadRequestError } from '../http/application-errors.js';
import type { Cellvarde, Radceller } from './import-rad.js';
import { lasRubrikrad, RUBRIK, type Kolumn, type Rubrikrad } from './kolumner.js';

/** How much of a file the import will read at most; everything beyond is a clean 400. */
export interface Filgranser {
  /** Data rows (the header not counted). */
  readonly maxRader: number;
  /** Bytes all entries of an XLSX inflate to together: what a zip bomb would blow up. */
  readonly maxOkomprimerat: number;
}

export const STANDARD_GRANSER: Filgranser = {
  maxRader: 500_000,
  maxOkomprimerat: 1024 * 1024 * 1024,
};

/** The shared strings are held in memory while the sheet is read: bounded on their own. */
const MAX_DELADE_STRANGAR = 128 * 1024 * 1024;
const MAX_ZIP_POSTER = 1_000;
/** No real row is this wide; a CSV record this long is a broken or hostile file. */
const MAX_CSV_POST = 64 * 1024;
const MAX_KOLUMNER = 500;

/** A file the import refuses as a whole (a 400 on upload). */
export class OgiltigImportfilError extends BadRequestError {
  constructor(message: string) {
    super(message);
    this.name = 'OgiltigImportfilError';
  }
}

export type Filtyp = 'xlsx' | 'csv';

/**
 * An import file, read from its start on every pass: in memory (an upload) or on disk (the
 * command line, which then never holds the file whole).
 */
export type Importfil = Buffer | { readonly sokvag: string };

const SKIVA = 64 * 1024;

/** The file's bytes in pieces of 64 KiB (views of an in-memory file, not copies). */
const bytestrom = (fil: Importfil): Iterable<Buffer> | AsyncIterable<Buffer> =>
  Buffer.isBuffer(fil)
    ? (function* () {
        for (let start = 0; start < fil.length; start += SKIVA)
          yield fil.subarray(start, start + SKIVA);
      })()
    : (createReadStream(fil.sokvag, { highWaterMark: SKIVA }) as AsyncIterable<Buffer>);

/** The first 64 KiB, which tell the file's type. */
const borjan = async (fil: Importfil): Promise<Buffer> => {
  if (Buffer.isBuffer(fil)) return fil.subarray(0, SKIVA);
  const handle = await open(fil.sokvag, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SKIVA), 0, SKIVA, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

export interface Datarad {
  /** The row number a person sees in Excel (the header is row 1 in the template). */
  readonly rad: number;
  readonly celler: Radceller;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** XLSX or CSV by content, never by name; anything else is refused. */
export const filtyp = (fil: Buffer): Filtyp => {
  if (fil.length === 0) throw new OgiltigImportfilError('Filen är tom');
  if (fil.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (fil.subarray(0, 4).equals(OLE2))
    throw new OgiltigImportfilError(
      'Filen är i Excels äldre format (.xls); spara den som .xlsx eller CSV och försök igen',
    );
  // Text has no NUL bytes (UTF-16 is not offered: Excel saves CSV as UTF-8 or Windows-1252).
  if (fil.subarray(0, 64 * 1024).includes(0))
    throw new OgiltigImportfilError('Filen är varken en Excel-fil (.xlsx) eller CSV');
  return 'csv';
};

/**
 * The data rows of an import file, one at a time: the whole file is never unpacked into
 * memory. Refuses (OgiltigImportfilError) a file of another type, without the template's
 * required columns, with more rows than allowed, or whose XLSX would inflate past the limit.
 */
export async function* lasDatarader(
  fil: Importfil,
  granser: Filgranser = STANDARD_GRANSER,
): AsyncGenerator<Datarad> {
  const rader = filtyp(await borjan(fil)) === 'xlsx' ? xlsxRader(fil, granser) : csvRader(fil);
  let rubriker: Rubrikrad | undefined;
  let antal = 0;
  for await (const { rad, varden } of rader) {
    if (!rubriker) {
      rubriker = kontrolleradeRubriker(varden);
      continue;
    }
    if (varden.length > MAX_KOLUMNER)
      throw new OgiltigImportfilError(`Rad ${rad} har fler än ${MAX_KOLUMNER} kolumner`);
    const celler: Radceller = {};
    let ifylld = false;
    for (const [index, kolumn] of rubriker.kolumner) {
      const varde = varden[index] ?? null;
      if (varde === null || (typeof varde === 'string' && varde.trim() === '')) continue;
      celler[kolumn] = varde;
      ifylld = true;
    }
    if (!ifylld) continue;
    if (++antal > granser.maxRader)
      throw new OgiltigImportfilError(
        `Filen har fler än ${granser.maxRader.toLocaleString('sv-SE')} rader; dela upp den`,
      );
    yield { rad, celler };
  }
  if (!rubriker)
    throw new OgiltigImportfilError(
      `Filen saknar en rubrikrad med importmallens kolumner (${RUBRIK.externtId}, ${RUBRIK.insats}, …)`,
    );
}

/** Reads a whole file once, counting its data rows: every file-level problem shows here. */
export const kontrolleraFil = async (fil: Importfil, granser: Filgranser): Promise<number> => {
  let antal = 0;
  for await (const _rad of lasDatarader(fil, granser)) antal++;
  return antal;
};

const kontrolleradeRubriker = (varden: readonly Cellvarde[]): Rubrikrad => {
  const rubriker = lasRubrikrad(varden.map((v) => (typeof v === 'string' ? v : '')));
  if (rubriker.saknas.length > 0)
    throw new OgiltigImportfilError(
      `Rubrikraden saknar ${namn(rubriker.saknas)}; använd importmallens rubriker`,
    );
  if (rubriker.dubbletter.length > 0)
    throw new OgiltigImportfilError(`Rubrikraden har ${namn(rubriker.dubbletter)} mer än en gång`);
  return rubriker;
};

const namn = (kolumner: readonly Kolumn[]): string =>
  kolumner.map((k) => `"${RUBRIK[k]}"`).join(', ');

interface Radvarden {
  readonly rad: number;
  readonly varden: Cellvarde[];
}

/* ---------- CSV ---------- */

/** The bytes the encoding is decided on: from the file's first non-ASCII byte on. */
const AVKODNINGSFONSTER = 64 * 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export const FELAKTIG_UTF8 =
  'Filen är inte giltig UTF-8 hela vägen; spara den på nytt som "CSV UTF-8" eller "CSV (semikolonavgränsad)"';

/**
 * Decodes a CSV file piece by piece, never holding it whole: UTF-8 (with or without BOM) when
 * its bytes are valid UTF-8, otherwise Windows-1252. ASCII reads the same in both, so the
 * choice is made on the first 64 KiB from the first byte that is not ASCII (a BOM included):
 * valid UTF-8 there means UTF-8, and an invalid byte further on then refuses the file (a file
 * in two encodings, which no editor writes) rather than reading it as Windows-1252 whole.
 */
export async function* avkodaText(
  bitar: Iterable<Buffer> | AsyncIterable<Buffer>,
): AsyncGenerator<string> {
  let fonster: Buffer[] = [];
  let fonstrets = 0;
  let lasta = 0;
  let avkodare: ((bit: Buffer) => string) | undefined;
  let slut: (() => string) | undefined;

  const bestam = (): string => {
    let bytes = Buffer.concat(fonster);
    fonster = [];
    if (lasta === 0 && bytes.subarray(0, 3).equals(BOM)) bytes = bytes.subarray(3);
    if (arUtf8(bytes)) {
      const utf8 = new TextDecoder('utf-8', { fatal: true });
      avkodare = (bit) => {
        try {
          return utf8.decode(bit, { stream: true });
        } catch {
          throw new OgiltigImportfilError(FELAKTIG_UTF8);
        }
      };
      slut = () => {
        try {
          return utf8.decode();
        } catch {
          throw new OgiltigImportfilError(FELAKTIG_UTF8);
        }
      };
    } else {
      // Excel's "CSV (semikolonavgränsad)" on Swedish Windows writes Windows-1252. Node's own
      // TextDecoder reads that label as Latin-1, which loses € and the quotes of 0x80–0x9F.
      const cp1252 = iconv.getDecoder('windows-1252');
      avkodare = (bit) => cp1252.write(bit);
      slut = () => cp1252.end() ?? '';
    }
    return avkodare(bytes);
  };

  for await (const bit of bitar) {
    if (avkodare) {
      const text = avkodare(bit);
      if (text) yield text;
      continue;
    }
    if (fonster.length === 0) {
      const forsta = bit.findIndex((byte) => byte >= 0x80);
      if (forsta === -1) {
        lasta += bit.length;
        yield bit.toString('latin1');
        continue;
      }
      if (forsta > 0) yield bit.toString('latin1', 0, forsta);
      lasta += forsta;
      fonster.push(bit.subarray(forsta));
      fonstrets = bit.length - forsta;
    } else {
      fonster.push(bit);
      fonstrets += bit.length;
    }
    if (fonstrets >= AVKODNINGSFONSTER) {
      const text = bestam();
      if (text) yield text;
    }
  }
  if (!avkodare && fonster.length > 0) {
    const text = bestam();
    if (text) yield text;
  }
  const rest = slut?.();
  if (rest) yield rest;
}

/** Whether the bytes are UTF-8, allowing a character cut off at their end. */
const arUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
};

/** The separator of the header line: ";" (Swedish Excel), "," or a tab, whichever it has most of. */
export const avgransare = (text: string): string => {
  const forsta = text.slice(0, text.search(/\r?\n|$/));
  const utanCiterat = forsta.replace(/"[^"]*"/g, '');
  const antal = (tecken: string): number => utanCiterat.split(tecken).length - 1;
  return [';', ',', '\t'].reduce((basta, tecken) =>
    antal(tecken) > antal(basta) ? tecken : basta,
  );
};

/**
 * The text of the file with its header line known before the rest is read: the separator is
 * picked on that line, and the text then flows on to the parser piece by piece.
 */
const medRubrikrad = async (
  text: AsyncGenerator<string>,
): Promise<{ rubrikrad: string; allt: AsyncGenerator<string> }> => {
  let borjan = '';
  while (!/\r?\n/.test(borjan) && borjan.length <= MAX_CSV_POST) {
    const nasta = await text.next();
    if (nasta.done) break;
    borjan += nasta.value;
  }
  async function* allt(): AsyncGenerator<string> {
    if (borjan) yield borjan;
    yield* text;
  }
  return { rubrikrad: borjan, allt: allt() };
};

async function* csvRader(fil: Importfil): AsyncGenerator<Radvarden> {
  try {
    const { rubrikrad, allt } = await medRubrikrad(avkodaText(bytestrom(fil)));
    // Streamed with backpressure: the parser holds a few records, never the file.
    const parser = parse({
      delimiter: avgransare(rubrikrad),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_CSV_POST,
    });
    pipeline(Readable.from(allt), parser, () => undefined);
    // A row's number is its record's (the header is 1): a line break inside quotes does not
    // count, as in Excel. Counted here rather than by the parser's `info`, which builds an
    // object per record (2.5 % of the import's CPU).
    let rad = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      yield { rad: ++rad, varden: record };
    }
  } catch (error) {
    if (error instanceof OgiltigImportfilError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new OgiltigImportfilError(`CSV-filen kan inte läsas: ${message}`);
  }
}

/* ---------- XLSX ---------- */

interface ZipPost {
  readonly path: string;
  stream(): NodeJS.ReadableStream;
}
interface ZipKatalog {
  readonly files: readonly ZipPost[];
}
// exceljs's own unzip library, without typings of its own.
const unzipper = createRequire(import.meta.url)('unzipper') as {
  Open: { buffer(fil: Buffer): Promise<ZipKatalog>; file(sokvag: string): Promise<ZipKatalog> };
};

/**
 * Inflates every entry once, counting the bytes it really gives (not what its header claims),
 * and stops at the limit: a zip bomb is refused before exceljs unpacks anything.
 */
export const kontrolleraZip = async (fil: Importfil, granser: Filgranser): Promise<void> => {
  let katalog: ZipKatalog;
  try {
    katalog = await (Buffer.isBuffer(fil)
      ? unzipper.Open.buffer(fil)
      : unzipper.Open.file(fil.sokvag));
  } catch {
    throw new OgiltigImportfilError('Filen är ingen giltig Excel-fil (.xlsx)');
  }
  if (katalog.files.length > MAX_ZIP_POSTER)
    throw new OgiltigImportfilError('Excel-filen har orimligt många delar');
  let totalt = 0;
  for (const post of katalog.files) {
    const grans = post.path === 'xl/sharedStrings.xml' ? MAX_DELADE_STRANGAR : Infinity;
    let postens = 0;
    try {
      for await (const bit of post.stream() as AsyncIterable<Buffer>) {
        postens += bit.length;
        totalt += bit.length;
        if (totalt > granser.maxOkomprimerat || postens > grans)
          throw new OgiltigImportfilError(
            'Excel-filen packas upp till mer än vad importen tar emot; dela upp den',
          );
      }
    } catch (error) {
      if (error instanceof OgiltigImportfilError) throw error;
      throw new OgiltigImportfilError('Filen är ingen giltig Excel-fil (.xlsx)');
    }
  }
};

async function* xlsxRader(fil: Importfil, granser: Filgranser): AsyncGenerator<Radvarden> {
  await kontrolleraZip(fil, granser);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytestrom(fil)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell which numbers are dates.
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let hittad = false;
  try {
    for await (const blad of reader) {
      // Only the first sheet that opens with the header is read; the others are passed over.
      let status: 'forsta' | 'data' | 'annat' = hittad ? 'annat' : 'forsta';
      for await (const row of blad as AsyncIterable<ExcelJS.Row>) {
        if (status === 'annat') continue;
        const varden = radvarden(row);
        if (status === 'forsta') {
          if (!arRubrikrad(varden)) {
            status = 'annat';
            continue;
          }
          status = 'data';
          hittad = true;
        }
        yield { rad: row.number, varden };
      }
    }
  } catch (error) {
    if (error instanceof OgiltigImportfilError) throw error;
    throw new OgiltigImportfilError('Excel-filen kan inte läsas; spara den på nytt i Excel');
  }
}

const arRubrikrad = (varden: readonly Cellvarde[]): boolean =>
  lasRubrikrad(varden.map((v) => (typeof v === 'string' ? v : ''))).kolumner.size > 0;

const radvarden = (row: ExcelJS.Row): Cellvarde[] => {
  const varden: Cellvarde[] = [];
  const celler = Math.min(row.cellCount, MAX_KOLUMNER + 1);
  for (let kolumn = 1; kolumn <= celler; kolumn++)
    varden.push(cellvarde(row.getCell(kolumn).value));
  return varden;
};

const FORMEL_UTAN_VARDE = {
  fel: 'Cellen har en formel utan sparat värde; spara filen i Excel eller klistra in värden',
};

/** Values only: a formula is taken by the result Excel saved with it, never evaluated. */
export const cellvarde = (value: ExcelJS.CellValue): Cellvarde => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((del) => del.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null) return FORMEL_UTAN_VARDE;
    return cellvarde(result);
  }
  if ('error' in value) return { fel: `Cellen innehåller felet ${value.error}` };
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
};
