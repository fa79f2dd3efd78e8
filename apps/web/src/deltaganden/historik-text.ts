import type { Historik } from '../api/deltagande';
import {
  AVSLUTSORSAK_ETIKETT,
  etikettFor,
  FORSORJNING_ETIKETT,
  KON_ETIKETT,
  kommunNamn,
  REMITTENT_ETIKETT,
  SYSSELSATTNING_ETIKETT,
  UTBILDNINGSNIVA_ETIKETT,
  TID_I_OFFENTLIG_FORSORJNING_ETIKETT,
} from '../kodlistor/kodlistor';

const HANDELSE: Record<string, string> = {
  RemissMottagen: 'Remiss mottagen',
  RemissAterremitterad: 'Återremiss',
  DeltagareInskriven: 'Inskrivning',
  DeltagareAvslutad: 'Avslut',
  UppfoljningRegistrerad: 'Uppföljning',
  RemissKorrigerad: 'Remiss korrigerad',
  InskrivningKorrigerad: 'Inskrivning korrigerad',
  AvslutKorrigerad: 'Avslut korrigerat',
  PersonuppgifterKorrigerade: 'Personuppgifter korrigerade',
  AvslutAterkallat: 'Avslut återkallat',
  DeltagandeMakulerat: 'Deltagandet makulerat',
};

export const handelse = (type: string): string => HANDELSE[type] ?? type;

const lista = (v: unknown, etikett: Record<string, string>): string =>
  Array.isArray(v) ? v.map((k) => etikettFor(etikett, String(k))).join(', ') : '';

/** The facts of one event as "label: value" lines, codes shown by their Swedish labels. */
export const uppgifter = (h: Historik): string[] => {
  const d = h.data;
  const rader: string[] = [];
  const lagg = (etikett: string, varde: unknown, text = (x: unknown) => String(x)) => {
    if (varde !== undefined && varde !== null && varde !== '')
      rader.push(`${etikett}: ${text(varde)}`);
  };
  lagg('Datum', d.datum);
  lagg('Remittent', d.remittent, (x) => etikettFor(REMITTENT_ETIKETT, String(x)));
  lagg('Remitterande enhet', d.remittentEnhet);
  const person = (d.person ?? d) as Record<string, unknown>;
  lagg('Kön', person.kon, (x) => etikettFor(KON_ETIKETT, String(x)));
  lagg('Födelseår', person.fodelsear);
  lagg('Kommun', person.kommun, (x) => kommunNamn(String(x)));
  lagg('Försörjning', d.forsorjning, (x) => lista(x, FORSORJNING_ETIKETT));
  lagg('Utbildningsnivå', d.utbildningsniva, (x) => etikettFor(UTBILDNINGSNIVA_ETIKETT, String(x)));
  lagg('Tid i offentlig försörjning', d.tidIOffentligForsorjning, (x) =>
    etikettFor(TID_I_OFFENTLIG_FORSORJNING_ETIKETT, String(x)),
  );
  lagg('Avslutsorsak', d.avslutsorsak, (x) => etikettFor(AVSLUTSORSAK_ETIKETT, String(x)));
  lagg('Månader efter avslut', d.manaderEfterAvslut);
  lagg('Sysselsättning', d.sysselsattning, (x) => etikettFor(SYSSELSATTNING_ETIKETT, String(x)));
  lagg('Orsak', d.orsak);
  return rader;
};

const TIDPUNKT = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

export const tidpunkt = (iso: string): string => TIDPUNKT.format(new Date(iso));
