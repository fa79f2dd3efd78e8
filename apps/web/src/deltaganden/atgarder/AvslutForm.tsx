import { useState } from 'react';
import { Datumfalt } from '../../formular/Datumfalt';
import { Forsorjningsval } from '../../formular/Forsorjningsval';
import { Kodval } from '../../formular/Kodval';
import { obligatoriska } from '../../formular/obligatoriska';
import { alternativ, AVSLUTSORSAK, AVSLUTSORSAK_ETIKETT } from '../../kodlistor/kodlistor';
import { Atgardsformular } from './Atgardsformular';
import { useAtgard, type AtgardProps } from './useAtgard';

export const AvslutForm = (props: AtgardProps) => {
  const [datum, setDatum] = useState('');
  const [avslutsorsak, setAvslutsorsak] = useState('');
  const [forsorjning, setForsorjning] = useState<string[]>([]);
  const { fel, felFor, skickar, skicka } = useAtgard(props, 'avslut', {
    datum: 'datum',
    forsorjning: 'forsorjning',
  });
  const body = { datum, avslutsorsak, forsorjning };
  return (
    <Atgardsformular
      namn="Avslut"
      knapp="Avsluta"
      fel={fel}
      skickar={skickar}
      onSubmit={() => void skicka(body, obligatoriska(body))}
    >
      <Datumfalt label="Avslutsdatum" value={datum} onChange={setDatum} error={felFor('datum')} />
      <Kodval
        label="Avslutsorsak"
        alternativ={alternativ(AVSLUTSORSAK, AVSLUTSORSAK_ETIKETT)}
        value={avslutsorsak}
        onChange={setAvslutsorsak}
        error={felFor('avslutsorsak')}
      />
      <Forsorjningsval
        label="Försörjning efter avslut"
        value={forsorjning}
        onChange={setForsorjning}
        error={felFor('forsorjning')}
      />
    </Atgardsformular>
  );
};
