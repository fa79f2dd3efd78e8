import { KOMMUNER } from '#domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  AVSLUTSORSAK_LISTA,
  FORSORJNING_LISTA,
  KON_LISTA,
  REMITTENT_LISTA,
  TID_LISTA,
  UTBILDNINGSNIVA_LISTA,
  type Kodlista,
} from '../etiketter.js';
import { KOLUMNER, OBLIGATORISKA_KOLUMNER, type Kolumn } from '../kolumner.js';

export const DATA_BLAD = 'Deltaganden';
const KOD_BLAD = 'Koder';
const INSTRUKTION_BLAD = 'Instruktioner';
/** Rows of the data sheet that get the drop-downs; a longer file is typed or pasted beyond. */
const RADER_MED_LISTOR = 5_000;

const rubriker = (): string[] => KOLUMNER.map((k) => k.rubrik);

/** The CSV template: the headers only, for Excel with Swedish settings (BOM, ";"). */
export const csvMall = (): string =>
  `\uFEFF${stringify([rubriker()], { delimiter: ';', record_delimiter: '\r\n' })}`;

const etiketter = <K extends string>(lista: Kodlista<K>): string[] =>
  lista.koder.map((kod) => lista.etikett[kod]);

/** Each drop-down column's choices; försörjning takes several, so its list only suggests. */
const LISTOR: {
  kolumn: Kolumn;
  rubrik: string;
  varden: (insatser: string[]) => string[];
  flera?: true;
}[] = [
  { kolumn: 'insats', rubrik: 'Insats', varden: (insatser) => insatser },
  { kolumn: 'kon', rubrik: 'Kön', varden: () => etiketter(KON_LISTA) },
  { kolumn: 'kommun', rubrik: 'Kommun', varden: () => KOMMUNER.map((k) => k.namn) },
  { kolumn: 'remittent', rubrik: 'Remittent', varden: () => etiketter(REMITTENT_LISTA) },
  {
    kolumn: 'forsorjningVidInskrivning',
    rubrik: 'Försörjning',
    varden: () => etiketter(FORSORJNING_LISTA),
    flera: true,
  },
  {
    kolumn: 'utbildningsniva',
    rubrik: 'Utbildningsnivå',
    varden: () => etiketter(UTBILDNINGSNIVA_LISTA),
  },
  {
    kolumn: 'tidIOffentligForsorjning',
    rubrik: 'Tid i offentlig försörjning',
    varden: () => etiketter(TID_LISTA),
  },
  { kolumn: 'avslutsorsak', rubrik: 'Avslutsorsak', varden: () => etiketter(AVSLUTSORSAK_LISTA) },
  {
    kolumn: 'forsorjningVidAvslut',
    rubrik: 'Försörjning',
    varden: () => etiketter(FORSORJNING_LISTA),
    flera: true,
  },
];

const INSTRUKTIONER = [
  'Importmall för deltaganden',
  '',
  `Fyll i en rad per deltagande på bladet "${DATA_BLAD}". Rubrikraden ska stå kvar; kolumnernas ordning spelar ingen roll och egna kolumner läses inte.`,
  `Obligatoriskt på varje rad: ${OBLIGATORISKA_KOLUMNER.map((k) => KOLUMNER.find((c) => c.nyckel === k)!.rubrik).join(', ')}.`,
  'Externt id är förbundets egen nyckel för raden (t.ex. ett löpnummer), aldrig ett personnummer. En rad med samma externa id och insats som redan importerats hoppas över, så samma fil kan läsas in igen.',
  'Insats anges med namn eller id. Kommun anges med namn eller fyrsiffrig kommunkod.',
  'Datum skrivs ÅÅÅÅ-MM-DD eller som Excel-datum. Inga datum i framtiden, och inga före insatsens startdatum.',
  'Inskrivning: fyll i Inskrivningsdatum, Försörjning vid inskrivning, Utbildningsnivå och Tid i offentlig försörjning tillsammans.',
  'Avslut (kräver inskrivning): Avslutsdatum, Avslutsorsak och Försörjning vid avslut tillsammans.',
  'Återremiss (utan inskrivning): Återremissdatum och Återremissorsak.',
  'Försörjning kan ha flera värden, åtskilda med kommatecken, t.ex. "Försörjningsstöd, A-kassa".',
  'Listorna i cellerna visar de vanliga benämningarna; även förbundens egna ord som "Egenremiss", "A-kassa", "Sjuk- och rehabpenning", "Socialförvaltningen" och "Vården" läses. Stora och små bokstäver spelar ingen roll.',
  'Formler läses inte om: cellens senast sparade värde används. Spara filen i Excel innan den laddas upp.',
  'Gör först en provkörning: den visar varje fel med rad och kolumn och skriver ingenting.',
];

/** The XLSX template: the data sheet with drop-downs, the instructions and the code lists. */
export const xlsxMall = async (insatser: readonly string[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Deltagarflöde';
  const instruktioner = workbook.addWorksheet(INSTRUKTION_BLAD);
  instruktioner.getColumn(1).width = 120;
  INSTRUKTIONER.forEach((text, index) => {
    const cell = instruktioner.getCell(index + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) cell.font = { bold: true, size: 14 };
  });

  const data = workbook.addWorksheet(DATA_BLAD, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(rubriker()).font = { bold: true };
  KOLUMNER.forEach((kolumn, index) => {
    data.getColumn(index + 1).width = Math.max(14, kolumn.rubrik.length + 4);
  });

  const koder = workbook.addWorksheet(KOD_BLAD, { state: 'hidden' });
  LISTOR.forEach((lista, index) => {
    const varden = lista.varden([...insatser]);
    const column = index + 1;
    koder.getCell(1, column).value = lista.rubrik;
    varden.forEach((varde, rad) => {
      koder.getCell(rad + 2, column).value = varde;
    });
    if (varden.length === 0) return;
    const bokstav = koder.getColumn(column).letter;
    const dataBokstav = data.getColumn(
      KOLUMNER.findIndex((k) => k.nyckel === lista.kolumn) + 1,
    ).letter;
    // exceljs's typings omit the worksheet's range validations; the writer supports them.
    (data as unknown as WithDataValidations).dataValidations.add(
      `${dataBokstav}2:${dataBokstav}${RADER_MED_LISTOR + 1}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`${KOD_BLAD}!$${bokstav}$2:$${bokstav}$${varden.length + 1}`],
        // Several försörjningar are typed with commas, so the list suggests but does not bind.
        showErrorMessage: !lista.flera,
        errorTitle: lista.rubrik,
        error: 'Välj ett värde i listan',
      },
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}
