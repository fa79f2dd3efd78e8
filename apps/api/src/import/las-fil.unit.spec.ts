import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  avgransare,
  avkodaText,
  FELAKTIG_UTF8,
  kontrolleraFil,
  lasDatarader,
  STANDARD_GRANSER,
  type Datarad,
  type Importfil,
} from './las-fil.js';
import { KOLUMNER } from './kolumner.js';
import { csvMall, DATA_BLAD, xlsxMall } from './mall/import-mall.js';

const alla = async (fil: Importfil, granser = STANDARD_GRANSER): Promise<Datarad[]> => {
  const rader: Datarad[] = [];
  for await (const rad of lasDatarader(fil, granser)) rader.push(rad);
  return rader;
};

const text = async (bitar: Buffer[]): Promise<string> => {
  let allt = '';
  for await (const del of avkodaText(bitar)) allt += del;
  return allt;
};

const HEADER = 'Externt id;Insats;Kön;Födelseår;Kommun;Remissdatum;Remittent';

describe('reading CSV', () => {
  it('reads Windows-1252 with ";" as Excel on Swedish Windows saves it', async () => {
    const text = `${HEADER};Försörjning vid inskrivning\r\n1;Ung i Tyresö;Kvinna;1990;Tyresö;2024-02-01;Socialförvaltningen;Lön, A-kassa\r\n`;
    const rader = await alla(latin1(text));
    expect(rader).toEqual([
      {
        rad: 2,
        celler: {
          externtId: '1',
          insats: 'Ung i Tyresö',
          kon: 'Kvinna',
          fodelsear: '1990',
          kommun: 'Tyresö',
          remissdatum: '2024-02-01',
          remittent: 'Socialförvaltningen',
          forsorjningVidInskrivning: 'Lön, A-kassa',
        },
      },
    ]);
  });

  it('reads UTF-8 with a BOM and "," with quoted commas, skipping empty rows', async () => {
    const text = `\uFEFF${HEADER.replaceAll(';', ',')},Försörjning vid avslut\n1,Balder,Man,1985,0180,2024-02-01,Vården,"Lön, Studiestöd"\n,,,,,,,\n2,Balder,Man,1985,0180,2024-02-01,AF,Lön\n`;
    const rader = await alla(Buffer.from(text, 'utf8'));
    expect(rader.map((r) => [r.rad, r.celler.externtId, r.celler.forsorjningVidAvslut])).toEqual([
      [2, '1', 'Lön, Studiestöd'],
      [4, '2', 'Lön'],
    ]);
  });

  it('reads a file on disk in pieces, rows and row numbers as from memory', async () => {
    const katalog = await mkdtemp(join(tmpdir(), 'las-fil-'));
    try {
      const rader = Array.from(
        { length: 3000 },
        (_, i) => `${i + 1};Ung i Tyresö;Kvinna;1990;Tyresö;2024-02-01;Socialförvaltningen`,
      );
      const sokvag = join(katalog, 'import.csv');
      await writeFile(sokvag, latin1(`${HEADER}\r\n${rader.join('\r\n')}\r\n`));
      const lasta = await alla({ sokvag });
      expect(lasta.length).toBe(3000);
      expect(lasta[2999]).toEqual({
        rad: 3001,
        celler: expect.objectContaining({ externtId: '3000', kommun: 'Tyresö' }),
      });
    } finally {
      await rm(katalog, { recursive: true });
    }
  });

  it('picks the separator of the header line', () => {
    expect(avgransare('a;b;c\n1,2;3')).toBe(';');
    expect(avgransare('a,b,"c;d"\n')).toBe(',');
    expect(avgransare('a\tb\tc')).toBe('\t');
  });

  it('decodes UTF-8 when valid, otherwise Windows-1252', async () => {
    expect(await text([Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0xa5])])).toBe('å');
    expect(await text([Buffer.from([0xe5, 0xe4, 0xf6, 0x80])])).toBe('åäö€');
  });

  it('decodes UTF-8 characters cut between pieces of the file', async () => {
    // "ö" is 0xc3 0xb6; the first piece fills the window, so UTF-8 is chosen there.
    const forsta = Buffer.concat([Buffer.from('ö'.repeat(40 * 1024)), Buffer.from([0xc3])]);
    const bitar = [forsta, Buffer.from([0xb6]), Buffer.from([0xc3]), Buffer.from([0xb6, 0x0a])];
    expect(await text(bitar)).toBe(`${'ö'.repeat(40 * 1024 + 2)}\n`);
  });

  it('reads Windows-1252 whose first non-ASCII byte comes after many ASCII pieces', async () => {
    const ascii = Buffer.alloc(200 * 1024, 0x61);
    expect(await text([ascii, ascii, Buffer.from([0x3b, 0xf6, 0x0a])])).toBe(
      `${'a'.repeat(400 * 1024)};ö\n`,
    );
  });

  it('refuses a file that is UTF-8 in its first 64 KiB of non-ASCII text but not further on', async () => {
    const utf8 = Buffer.from('ö'.repeat(40 * 1024), 'utf8');
    await expect(text([utf8, Buffer.from([0xf6])])).rejects.toThrow(FELAKTIG_UTF8);
    // Likewise a last character cut off at the end of the file.
    await expect(text([Buffer.from([0xc3, 0xb6, 0xc3])])).rejects.toThrow(FELAKTIG_UTF8);
  });

  it('refuses a file without the required columns, naming them', async () => {
    await expect(alla(Buffer.from('Namn;Kön\nAnna;K\n'))).rejects.toThrow(
      'Rubrikraden saknar "Externt id", "Insats", "Födelseår", "Kommun", "Remissdatum", "Remittent"; använd importmallens rubriker',
    );
  });

  it('refuses more rows than allowed', async () => {
    const rad = '1;Balder;Man;1985;0180;2024-02-01;AF\n';
    const fil = Buffer.from(`${HEADER}\n${rad.repeat(4)}`);
    expect(await kontrolleraFil(fil, { ...STANDARD_GRANSER, maxRader: 4 })).toBe(4);
    await expect(kontrolleraFil(fil, { ...STANDARD_GRANSER, maxRader: 3 })).rejects.toThrow(
      'Filen har fler än 3 rader; dela upp den',
    );
  });

  it('refuses binary files and the old .xls format', async () => {
    await expect(alla(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).rejects.toThrow(
      'Filen är varken en Excel-fil (.xlsx) eller CSV',
    );
    await expect(alla(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).rejects.toThrow(
      'äldre format (.xls)',
    );
    await expect(alla(Buffer.alloc(0))).rejects.toThrow('Filen är tom');
  });
});

describe('reading XLSX', () => {
  const xlsx = async (fyll: (blad: ExcelJS.Worksheet) => void): Promise<Buffer> => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Instruktioner').getCell('A1').value = 'Läs mig';
    const blad = workbook.addWorksheet(DATA_BLAD);
    blad.addRow(KOLUMNER.map((k) => k.rubrik));
    fyll(blad);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  it('reads values: dates, numbers, and a formula by the value Excel saved with it', async () => {
    const fil = await xlsx((blad) => {
      blad.addRow([
        { formula: 'CONCAT("A-";17)', result: 'A-17' },
        'Balder',
        'Kvinna',
        1990,
        180,
        new Date(Date.UTC(2024, 1, 1)),
        'Egenremiss',
      ]);
      blad.addRow(['A-18', 'Balder', 'Man', { formula: '1980+5' }, 180, 45_351, 'AF']);
    });
    const rader = await alla(fil);
    expect(rader).toEqual([
      {
        rad: 2,
        celler: {
          externtId: 'A-17',
          insats: 'Balder',
          kon: 'Kvinna',
          fodelsear: 1990,
          kommun: 180,
          remissdatum: new Date(Date.UTC(2024, 1, 1)),
          remittent: 'Egenremiss',
        },
      },
      {
        rad: 3,
        celler: {
          externtId: 'A-18',
          insats: 'Balder',
          kon: 'Man',
          fodelsear: {
            fel: 'Cellen har en formel utan sparat värde; spara filen i Excel eller klistra in värden',
          },
          kommun: 180,
          remissdatum: 45_351,
          remittent: 'AF',
        },
      },
    ]);
  });

  it('reads the empty template as a file without rows, and the CSV template likewise', async () => {
    expect(await alla(await xlsxMall(['Balder']))).toEqual([]);
    expect(await alla(Buffer.from(csvMall(), 'utf8'))).toEqual([]);
  });

  it('refuses a zip bomb before unpacking it into memory', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(20 * 1024 * 1024, 0x20));
    const fil = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(fil.length).toBeLessThan(100 * 1024);
    await expect(
      alla(fil, { ...STANDARD_GRANSER, maxOkomprimerat: 10 * 1024 * 1024 }),
    ).rejects.toThrow('Excel-filen packas upp till mer än vad importen tar emot; dela upp den');
  });

  it('refuses a broken zip', async () => {
    const fil = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    await expect(alla(fil)).rejects.toThrow('Filen är ingen giltig Excel-fil (.xlsx)');
  });
});

/** Windows-1252 bytes of text in the Latin-1 range (all Swedish letters are). */
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
