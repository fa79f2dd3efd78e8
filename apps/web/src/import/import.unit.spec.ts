import { describe, expect, it } from '@jest/globals';
import { procentKlart, sammanfattning, type ImportStatus } from './import';

const status = (overrides: Partial<ImportStatus> = {}): ImportStatus => ({
  id: 'jobb-1',
  status: 'klar',
  torrkorning: false,
  allaEllerInget: false,
  rader: 1200,
  klara: 1200,
  skrivna: 1150,
  hoppadeOver: 30,
  handelser: 3000,
  fel: [],
  felTotalt: 25,
  raderMedFel: 20,
  meddelande: null,
  ...overrides,
});

describe('import status text', () => {
  it('says what a real run wrote, what had errors and what was imported before', () => {
    expect(sammanfattning(status())).toBe(
      'Klart: 1\u00a0150 av 1\u00a0200 rader importerades, 20 med fel, 30 redan importerade hoppas över.',
    );
  });

  it('says what a dry run would import: rows less those with errors and those imported before', () => {
    expect(sammanfattning(status({ torrkorning: true, skrivna: 0 }))).toBe(
      'Provkörning av 1\u00a0200 rader: 1\u00a0150 kan importeras, 20 med fel, 30 redan importerade hoppas över. Inget har skrivits.',
    );
  });

  it('says that nothing was imported when allaEllerInget met a row with errors', () => {
    expect(sammanfattning(status({ allaEllerInget: true, skrivna: 0 }))).toBe(
      'Inget importerades: 20 av 1\u00a0200 rader har fel. Rätta dem och försök igen.',
    );
  });

  it('gives the share of rows done for the progress bar, 100 for an empty file', () => {
    expect(procentKlart({ klara: 300, rader: 1200 })).toBe(25);
    expect(procentKlart({ klara: 0, rader: 0 })).toBe(100);
  });
});
