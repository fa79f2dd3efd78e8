import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
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
  fil: Buffer,
  granser: Filgranser = STANDARD_GRANSER,
): AsyncGenerator<Datarad> {
  const rader = filtyp(fil) === 'xlsx' ? xlsxRader(fil, granser) : csvRader(fil);
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
export const kontrolleraFil = async (fil: Buffer, granser: Filgranser): Promise<number> => {
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

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Windows-1252. */
export const avkodaText = (fil: Buffer): string => {
  const utanBom = fil[0] === 0xef && fil[1] === 0xbb && fil[2] === 0xbf ? fil.subarray(3) : fil;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(utanBom);
  } catch {
    // Excel's "CSV (semikolonavgränsad)" on Swedish Windows writes Windows-1252. Node's own
    // TextDecoder reads that label as Latin-1, which loses € and the quotes of 0x80–0x9F.
    return iconv.decode(utanBom, 'windows-1252');
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

const SKIVA = 64 * 1024;

function* skivor(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += SKIVA) yield text.slice(start, start + SKIVA);
}

async function* csvRader(fil: Buffer): AsyncGenerator<Radvarden> {
  const text = avkodaText(fil);
  // Fed in slices: a parser given the whole text at once would emit every record at once,
  // and hold them all in memory before the first is taken.
  const parser = Readable.from(skivor(text)).pipe(
    parse({
      delimiter: avgransare(text),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_CSV_POST,
      info: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; records: number };
    }>) {
      yield { rad: info.records, varden: record };
    }
  } catch (error) {
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
  Open: { buffer(fil: Buffer): Promise<ZipKatalog> };
};

/**
 * Inflates every entry once, counting the bytes it really gives (not what its header claims),
 * and stops at the limit: a zip bomb is refused before exceljs unpacks anything.
 */
export const kontrolleraZip = async (fil: Buffer, granser: Filgranser): Promise<void> => {
  let katalog: ZipKatalog;
  try {
    katalog = await unzipper.Open.buffer(fil);
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

async function* xlsxRader(fil: Buffer, granser: Filgranser): AsyncGenerator<Radvarden> {
  await kontrolleraZip(fil, granser);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([fil]), {
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
