import type { AndringDto, ForandringarDto, HandelseDto, RapportDto } from '../api/typer';

/** An export made (GET /rapporter): who, when, with which parameters, and whether it has changed since. */
export type Rapport = RapportDto;

export type Handelse = HandelseDto;

/** A cell that moved, and the events behind it (GET /statistik/forandringar). */
export type Andring = AndringDto;

export type Forandringar = ForandringarDto;

/** The moment as Swedish date and time, to the minute (Stockholm time). */
export const tidpunkt = (iso: string): string =>
  new Date(iso).toLocaleString('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

const HANDELSE_ETIKETT: Record<string, string> = {
  RemissMottagen: 'Remiss registrerad',
  DeltagareInskriven: 'Inskrivning',
  DeltagareAvslutad: 'Avslut',
  RemissAterremitterad: 'Återremiss',
  InskrivningKorrigerad: 'Inskrivning korrigerad',
  AvslutKorrigerad: 'Avslut korrigerat',
  RemissKorrigerad: 'Remiss korrigerad',
  PersonuppgifterKorrigerade: 'Personuppgifter korrigerade',
  AvslutAterkallat: 'Avslut återkallat',
  DeltagandeMakulerat: 'Makulering',
  UppfoljningRegistrerad: 'Uppföljning',
};

/** The event type in Swedish (the type itself when it has no label here). */
export const handelseEtikett = (typ: string): string => HANDELSE_ETIKETT[typ] ?? typ;

/** A cell's value as shown: a share as per cent, a mean to one decimal, none as a dash. */
export const varde = (value: Andring['fore']): string => {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return value.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  }
  return String(value);
};
