/** `GET /import/:id` (API.md "Additions, version 2"). */
export interface ImportFel {
  rad: number;
  kolumn: string;
  meddelande: string;
}

export type ImportStatusKod = 'koad' | 'pagar' | 'klar' | 'misslyckad';

export interface ImportStatus {
  id: string;
  status: ImportStatusKod;
  torrkorning: boolean;
  allaEllerInget: boolean;
  rader: number;
  klara: number;
  skrivna: number;
  hoppadeOver: number;
  handelser: number;
  fel: ImportFel[];
  felTotalt: number;
  raderMedFel: number;
  meddelande: string | null;
}

export const arKlar = (status: ImportStatusKod): boolean =>
  status === 'klar' || status === 'misslyckad';

/** Share of the rows decided, 0–100, for the progress bar. */
export const procentKlart = ({ klara, rader }: Pick<ImportStatus, 'klara' | 'rader'>): number =>
  rader === 0 ? 100 : Math.min(100, Math.round((klara / rader) * 100));

const tal = (n: number): string => n.toLocaleString('sv-SE');

/** The result in one sentence, as the page shows it when the job is done. */
export const sammanfattning = (s: ImportStatus): string => {
  if (s.status === 'misslyckad') return s.meddelande ?? 'Importen misslyckades';
  const redan = s.hoppadeOver > 0 ? `, ${tal(s.hoppadeOver)} redan importerade hoppas över` : '';
  const fel = `${tal(s.raderMedFel)} med fel`;
  if (s.torrkorning)
    return `Provkörning av ${tal(s.rader)} rader: ${tal(s.rader - s.raderMedFel - s.hoppadeOver)} kan importeras, ${fel}${redan}. Inget har skrivits.`;
  if (s.allaEllerInget && s.raderMedFel > 0)
    return `Inget importerades: ${tal(s.raderMedFel)} av ${tal(s.rader)} rader har fel. Rätta dem och försök igen.`;
  return `Klart: ${tal(s.skrivna)} av ${tal(s.rader)} rader importerades, ${fel}${redan}.`;
};
