export type Periodtyp = 'h1' | 'h2' | 'helar' | 'eget';

export interface Periodval {
  typ: Periodtyp;
  ar: number;
  fran: string;
  till: string;
  /** Local time typed as `ÅÅÅÅ-MM-DD TT:MM` (or a date alone: its start); empty means "as known now". */
  asOf: string;
}

export const PERIODTYP_ETIKETT: Record<Periodtyp, string> = {
  h1: 'Halvår 1',
  h2: 'Halvår 2',
  helar: 'Helår',
  eget: 'Eget intervall',
};

/** The period's first and last day, both inclusive as the report takes them. */
export const intervall = (p: Periodval): { fran: string; till: string } => {
  switch (p.typ) {
    case 'h1':
      return { fran: `${p.ar}-01-01`, till: `${p.ar}-06-30` };
    case 'h2':
      return { fran: `${p.ar}-07-01`, till: `${p.ar}-12-31` };
    case 'helar':
      return { fran: `${p.ar}-01-01`, till: `${p.ar}-12-31` };
    case 'eget':
      return { fran: p.fran, till: p.till };
  }
};

/** asOf as an ISO timestamp, or undefined when the field is empty or unreadable. */
export const asOfIso = (text: string): string | undefined => {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  // Both parts given explicitly, so the date is read as local time (a bare date would be UTC).
  const tid = new Date(`${m[1]}T${m[2] ?? '00:00'}`);
  return Number.isNaN(tid.getTime()) ? undefined : tid.toISOString();
};
