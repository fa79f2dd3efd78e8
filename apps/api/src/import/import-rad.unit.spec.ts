import type { DeltagandeContext } from '#domain';
import { beslutaRad, datumFran, lasRad, type ImportRad, type Radceller } from './import-rad.js';

/** A row in the seeds' wording: referred by Socialförvaltningen, enrolled, exited to work. */
const celler = (overrides: Radceller = {}): Radceller => ({
  externtId: 'A-17',
  insats: 'Ung i Tyresö',
  kon: 'Kvinna',
  fodelsear: 1990,
  kommun: 'Tyresö',
  remissdatum: '2024-02-01',
  remittent: 'Socialförvaltningen',
  remittentEnhet: ' Jobbtorg Tyresö ',
  inskrivningsdatum: new Date(Date.UTC(2024, 1, 15)),
  forsorjningVidInskrivning: 'Försörjningsstöd, A-kassa',
  utbildningsniva: 'Gymnasial',
  tidIOffentligForsorjning: '1–2 år',
  avslutsdatum: 45_351, // Excel's serial day for 2024-02-29
  avslutsorsak: 'Arbete',
  forsorjningVidAvslut: 'Lön',
  ...overrides,
});

const las = (overrides: Radceller = {}): ImportRad => {
  const result = lasRad(7, celler(overrides));
  if (result.fel) throw new Error(JSON.stringify(result.fel));
  return result.rad;
};

const context: DeltagandeContext = {
  idag: '2025-06-30',
  insats: {
    insatsId: 'insats-1',
    startdatum: '2024-01-01',
    slutdatum: null,
    matmetod: 'individ',
    avslutad: false,
  },
};

describe('lasRad', () => {
  it('reads a row in the seeds wording into codes, with kommun by name and dates of every kind', () => {
    expect(las()).toEqual({
      rad: 7,
      externtId: 'A-17',
      insats: 'Ung i Tyresö',
      person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138' },
      remiss: { datum: '2024-02-01', remittent: 'socialtjanst', remittentEnhet: 'Jobbtorg Tyresö' },
      inskrivning: {
        datum: '2024-02-15',
        forsorjning: ['forsorjningsstod', 'a-kassa'],
        utbildningsniva: 'gymnasial',
        tidIOffentligForsorjning: '1-2-ar',
      },
      avslut: { datum: '2024-02-29', avslutsorsak: 'arbete', forsorjning: ['lon'] },
      aterremiss: null,
    });
  });

  it('reads a remiss only, and a kommun code that lost its leading zero', () => {
    const rad = las({
      kommun: 180,
      inskrivningsdatum: null,
      forsorjningVidInskrivning: '',
      utbildningsniva: null,
      tidIOffentligForsorjning: null,
      avslutsdatum: null,
      avslutsorsak: null,
      forsorjningVidAvslut: null,
      remittentEnhet: null,
    });
    expect(rad.person.kommun).toBe('0180');
    expect(rad.remiss.remittentEnhet).toBeNull();
    expect([rad.inskrivning, rad.avslut, rad.aterremiss]).toEqual([null, null, null]);
  });

  it('reports every problem of a row by column, in Swedish', () => {
    const result = lasRad(
      12,
      celler({
        externtId: '',
        kon: 'Okänt kön',
        fodelsear: '90',
        kommun: 'Atlantis',
        remissdatum: '2024-13-01',
        remittent: 'Polisen',
        forsorjningVidInskrivning: 'Lön, Bidrag',
        avslutsorsak: null,
      }),
    );
    expect(result.fel).toEqual([
      {
        rad: 12,
        kolumn: 'Externt id',
        meddelande: 'Externt id saknas; ange förbundets egen nyckel för raden',
      },
      {
        rad: 12,
        kolumn: 'Kön',
        meddelande: 'Okänt kön "Okänt kön"; välj en av: Kvinna, Man, Ej angivet',
      },
      {
        rad: 12,
        kolumn: 'Födelseår',
        meddelande: 'Ogiltigt födelseår "90"; ange ett årtal från 1900 till 2100',
      },
      { rad: 12, kolumn: 'Kommun', meddelande: 'Okänd kommun "Atlantis"' },
      {
        rad: 12,
        kolumn: 'Remissdatum',
        meddelande: 'Ogiltigt datum "2024-13-01"; ange ÅÅÅÅ-MM-DD',
      },
      {
        rad: 12,
        kolumn: 'Remittent',
        meddelande: expect.stringMatching(
          /^Okänd remittent "Polisen"; välj en av: Arbetsförmedlingen, /,
        ),
      },
      {
        rad: 12,
        kolumn: 'Försörjning vid inskrivning',
        meddelande: expect.stringMatching(/^Okänd försörjning "Bidrag"; välj en av: /),
      },
      { rad: 12, kolumn: 'Avslutsorsak', meddelande: 'Avslutsorsak saknas; ange avslutsorsak' },
    ]);
  });

  it('refuses an avslut without inskrivning, and an återremiss beside an inskrivning', () => {
    const utanInskrivning = lasRad(
      3,
      celler({
        inskrivningsdatum: null,
        forsorjningVidInskrivning: null,
        utbildningsniva: null,
        tidIOffentligForsorjning: null,
      }),
    );
    expect(utanInskrivning.fel).toEqual([
      {
        rad: 3,
        kolumn: 'Avslutsdatum',
        meddelande: 'Ett avslut kräver en inskrivning (Inskrivningsdatum)',
      },
    ]);
    const bada = lasRad(
      4,
      celler({ aterremissdatum: '2024-02-10', aterremissorsak: 'Fel målgrupp' }),
    );
    expect(bada.fel).toEqual([
      {
        rad: 4,
        kolumn: 'Återremissdatum',
        meddelande: 'En återremitterad remiss kan inte också ha en inskrivning; ta bort den ena',
      },
    ]);
  });

  it('refuses a personnummer as externt id, since the id is stored in the clear', () => {
    expect(lasRad(2, celler({ externtId: '19900101-0017' })).fel).toEqual([
      {
        rad: 2,
        kolumn: 'Externt id',
        meddelande: 'Externt id får inte vara ett personnummer; använd en egen löpnummerserie',
      },
    ]);
  });

  it('reports a cell the reader could not take (a formula without a stored value)', () => {
    expect(lasRad(5, celler({ fodelsear: { fel: 'Formeln har inget sparat värde' } })).fel).toEqual(
      [{ rad: 5, kolumn: 'Födelseår', meddelande: 'Formeln har inget sparat värde' }],
    );
  });
});

describe('datumFran', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2024-02-29 00:00:00', '2024-02-29'],
    [45_351, '2024-02-29'],
    [45_351.75, '2024-02-29'],
    ['45351', '2024-02-29'],
    [61, '1900-03-01'],
    [new Date(Date.UTC(2020, 0, 1)), '2020-01-01'],
  ] as [string | number | Date, string][])('reads %p as %s', (cell, datum) => {
    expect(datumFran(cell)).toBe(datum);
  });

  it.each(['2023-02-29', '29/2/2024', '2024-2-29', 60, -1, 3_000_000, ''])(
    'knows no date in %p',
    (cell) => {
      expect(datumFran(cell)).toBeUndefined();
    },
  );
});

describe('beslutaRad', () => {
  it('decides the commands the API would send: remiss with direct inskrivning, then avslut', () => {
    const result = beslutaRad(las(), 'deltagande-1', context);
    expect(result.fel).toBeUndefined();
    expect(result.handelser!.map((events) => events.map((e) => e.type))).toEqual([
      ['RemissMottagen', 'DeltagareInskriven'],
      ['DeltagareAvslutad'],
    ]);
    expect(result.handelser![0]![0]!.data).toEqual({
      deltagandeId: 'deltagande-1',
      insatsId: 'insats-1',
      datum: '2024-02-01',
      remittent: 'socialtjanst',
      remittentEnhet: 'Jobbtorg Tyresö',
      person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138', personId: null },
    });
  });

  it('decides a remiss and its återremiss', () => {
    const rad = las({
      inskrivningsdatum: null,
      forsorjningVidInskrivning: null,
      utbildningsniva: null,
      tidIOffentligForsorjning: null,
      avslutsdatum: null,
      avslutsorsak: null,
      forsorjningVidAvslut: null,
      aterremissdatum: '2024-02-20',
      aterremissorsak: 'Annan planering',
    });
    const result = beslutaRad(rad, 'deltagande-1', context);
    expect(result.handelser).toEqual([
      [expect.objectContaining({ type: 'RemissMottagen' })],
      [{ type: 'RemissAterremitterad', data: { datum: '2024-02-20', orsak: 'Annan planering' } }],
    ]);
  });

  it.each([
    [
      { fodelsear: 1950 },
      'Födelseår',
      'Deltagaren är 74 år vid remissen; Finsams målgrupp är 16–64 år',
    ],
    [
      { remissdatum: '2023-12-31' },
      'Remissdatum',
      'Remissdatum 2023-12-31 är före insatsens startdatum 2024-01-01',
    ],
    [
      { inskrivningsdatum: '2024-01-15' },
      'Inskrivningsdatum',
      'Inskrivningen kan inte vara före remissen (2024-01-15 är före 2024-02-01)',
    ],
    [{ avslutsdatum: '2025-07-01' }, 'Avslutsdatum', 'Avslutsdatum får inte vara i framtiden'],
    [
      { forsorjningVidAvslut: 'Lön, Uppgift saknas' },
      'Försörjning vid avslut',
      'Försörjningen "Uppgift saknas" kan inte kombineras med annan försörjning',
    ],
    [
      { forsorjningVidInskrivning: 'Ingen offentlig försörjning, A-kassa' },
      'Försörjning vid inskrivning',
      '"Ingen offentlig försörjning" kan inte kombineras med en offentlig försörjning',
    ],
  ] as [Radceller, string, string][])(
    'reports a broken rule in the column it is about: %p',
    (overrides, kolumn, meddelande) => {
      expect(beslutaRad(las(overrides), 'deltagande-1', context).fel).toEqual({
        rad: 7,
        kolumn,
        meddelande,
      });
    },
  );

  it('reports a volym insats in the Insats column', () => {
    const volym = { ...context, insats: { ...context.insats, matmetod: 'volym' as const } };
    expect(beslutaRad(las(), 'deltagande-1', volym).fel).toEqual({
      rad: 7,
      kolumn: 'Insats',
      meddelande: 'En volyminsats räknas bara i antal och tar inte emot deltaganden',
    });
  });
});
