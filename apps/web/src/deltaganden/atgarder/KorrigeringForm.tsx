import { Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Deltagande } from '../../api/deltagande';
import { Datumfalt } from '../../formular/Datumfalt';
import { Forsorjningsval } from '../../formular/Forsorjningsval';
import { Kodval } from '../../formular/Kodval';
import { Kommunval } from '../../formular/Kommunval';
import {
  alternativ,
  AVSLUTSORSAK,
  AVSLUTSORSAK_ETIKETT,
  KON,
  KON_ETIKETT,
  REMITTENT,
  REMITTENT_ETIKETT,
  TID_I_OFFENTLIG_FORSORJNING,
  TID_I_OFFENTLIG_FORSORJNING_ETIKETT,
  UTBILDNINGSNIVA,
  UTBILDNINGSNIVA_ETIKETT,
} from '../../kodlistor/kodlistor';
import { Atgardsformular } from './Atgardsformular';
import { Orsaksfalt } from './Orsaksfalt';
import { useAtgard, type AtgardProps } from './useAtgard';

type Typ = 'remiss' | 'inskrivning' | 'avslut' | 'person';
type Falt = Record<string, string | string[]>;

const TYP_ETIKETT: Record<Typ, string> = {
  remiss: 'Remissen',
  inskrivning: 'Inskrivningen',
  avslut: 'Avslutet',
  person: 'Kön, födelseår eller kommun',
};

/** The current values of what a correction of `typ` may change, as the form edits them. */
const nuvarande = (d: Deltagande, typ: Typ): Falt => {
  switch (typ) {
    case 'remiss':
      return {
        datum: d.remiss.datum,
        remittent: d.remiss.remittent,
        remittentEnhet: d.remiss.remittentEnhet ?? '',
      };
    case 'inskrivning':
      return d.inskrivning ? { ...d.inskrivning } : {};
    case 'avslut':
      return d.avslut ? { ...d.avslut } : {};
    case 'person':
      return { kon: d.person.kon, fodelsear: String(d.person.fodelsear), kommun: d.person.kommun };
  }
};

const lika = (a: string | string[] | undefined, b: string | string[] | undefined) =>
  JSON.stringify(Array.isArray(a) ? [...a].sort() : a) ===
  JSON.stringify(Array.isArray(b) ? [...b].sort() : b);

export const KorrigeringForm = (props: AtgardProps) => {
  const d = props.deltagande;
  const typer: Typ[] = [
    'remiss',
    ...(d.inskrivning ? (['inskrivning'] as const) : []),
    ...(d.avslut ? (['avslut'] as const) : []),
    'person',
  ];
  const [typ, setTyp] = useState<Typ>('remiss');
  const [falt, setFalt] = useState<Falt>(() => nuvarande(d, 'remiss'));
  const [orsak, setOrsak] = useState('');
  const { fel, felFor, skickar, skicka } = useAtgard(props, 'korrigering', {
    remissdatum: 'datum',
    inskrivningsdatum: 'datum',
    datum: 'datum',
    forsorjning: 'forsorjning',
    fodelsear: typ === 'person' ? 'fodelsear' : 'datum',
    kommun: 'kommun',
    orsak: 'orsak',
  });

  const byt = (ny: string) => {
    setTyp(ny as Typ);
    setFalt(nuvarande(d, ny as Typ));
  };
  const satt = (namn: string) => (v: string | string[]) => setFalt({ ...falt, [namn]: v });
  const text = (namn: string) => String(falt[namn] ?? '');

  const spara = () => {
    const fore = nuvarande(d, typ);
    // Only what changed is sent: a correction event carries the changed fields.
    const andrat = Object.fromEntries(
      Object.entries(falt)
        .filter(([k, v]) => !lika(v, fore[k]))
        .map(([k, v]) => [k, k === 'fodelsear' ? Number(v) : v]),
    );
    const lokala: Record<string, string> = {};
    if (!orsak.trim()) lokala.orsak = 'Fältet måste fyllas i';
    if (Object.keys(andrat).length === 0) lokala.typ = 'Ändra minst ett fält';
    void skicka({ typ, orsak, ...andrat }, lokala);
  };

  return (
    <Atgardsformular
      namn="Korrigering"
      knapp="Spara korrigering"
      fel={fel}
      skickar={skickar}
      onSubmit={spara}
    >
      <Kodval
        label="Vad ska korrigeras?"
        alternativ={typer.map((t) => ({ value: t, label: TYP_ETIKETT[t] }))}
        value={typ}
        onChange={byt}
        error={felFor('typ')}
        tomEtikett="Välj…"
      />
      <Stack>
        {typ === 'remiss' && (
          <>
            <Datumfalt
              label="Remissdatum"
              value={text('datum')}
              onChange={satt('datum')}
              error={felFor('datum')}
            />
            <Kodval
              label="Remittent"
              alternativ={alternativ(REMITTENT, REMITTENT_ETIKETT)}
              value={text('remittent')}
              onChange={satt('remittent')}
              error={felFor('remittent')}
            />
            <TextInput
              label="Remitterande enhet"
              value={text('remittentEnhet')}
              onChange={(e) => satt('remittentEnhet')(e.currentTarget.value)}
              error={felFor('remittentEnhet')}
            />
          </>
        )}
        {typ === 'inskrivning' && (
          <>
            <Datumfalt
              label="Inskrivningsdatum"
              value={text('datum')}
              onChange={satt('datum')}
              error={felFor('datum')}
            />
            <Forsorjningsval
              label="Försörjning vid inskrivning"
              value={(falt.forsorjning as string[]) ?? []}
              onChange={satt('forsorjning')}
              error={felFor('forsorjning')}
            />
            <Kodval
              label="Utbildningsnivå"
              alternativ={alternativ(UTBILDNINGSNIVA, UTBILDNINGSNIVA_ETIKETT)}
              value={text('utbildningsniva')}
              onChange={satt('utbildningsniva')}
              error={felFor('utbildningsniva')}
            />
            <Kodval
              label="Tid i offentlig försörjning"
              alternativ={alternativ(
                TID_I_OFFENTLIG_FORSORJNING,
                TID_I_OFFENTLIG_FORSORJNING_ETIKETT,
              )}
              value={text('tidIOffentligForsorjning')}
              onChange={satt('tidIOffentligForsorjning')}
              error={felFor('tidIOffentligForsorjning')}
            />
          </>
        )}
        {typ === 'avslut' && (
          <>
            <Datumfalt
              label="Avslutsdatum"
              value={text('datum')}
              onChange={satt('datum')}
              error={felFor('datum')}
            />
            <Kodval
              label="Avslutsorsak"
              alternativ={alternativ(AVSLUTSORSAK, AVSLUTSORSAK_ETIKETT)}
              value={text('avslutsorsak')}
              onChange={satt('avslutsorsak')}
              error={felFor('avslutsorsak')}
            />
            <Forsorjningsval
              label="Försörjning efter avslut"
              value={(falt.forsorjning as string[]) ?? []}
              onChange={satt('forsorjning')}
              error={felFor('forsorjning')}
            />
          </>
        )}
        {typ === 'person' && (
          <>
            <Kodval
              label="Kön"
              alternativ={alternativ(KON, KON_ETIKETT)}
              value={text('kon')}
              onChange={satt('kon')}
              error={felFor('kon')}
            />
            <TextInput
              label="Födelseår"
              inputMode="numeric"
              value={text('fodelsear')}
              onChange={(e) => satt('fodelsear')(e.currentTarget.value)}
              error={felFor('fodelsear')}
              maw={160}
            />
            <Kommunval value={text('kommun')} onChange={satt('kommun')} error={felFor('kommun')} />
          </>
        )}
      </Stack>
      <Orsaksfalt
        label="Orsak till korrigeringen"
        value={orsak}
        onChange={setOrsak}
        error={felFor('orsak')}
      />
    </Atgardsformular>
  );
};
