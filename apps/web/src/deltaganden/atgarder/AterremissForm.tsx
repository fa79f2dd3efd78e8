import { useState } from 'react';
import { Datumfalt } from '../../formular/Datumfalt';
import { obligatoriska } from '../../formular/obligatoriska';
import { Atgardsformular } from './Atgardsformular';
import { Orsaksfalt } from './Orsaksfalt';
import { useAtgard, type AtgardProps } from './useAtgard';

export const AterremissForm = (props: AtgardProps) => {
  const [datum, setDatum] = useState('');
  const [orsak, setOrsak] = useState('');
  const { fel, felFor, skickar, skicka } = useAtgard(props, 'aterremiss', {
    datum: 'datum',
    orsak: 'orsak',
  });
  const body = { datum, orsak };
  return (
    <Atgardsformular
      namn="Återremiss"
      knapp="Återremittera"
      fel={fel}
      skickar={skickar}
      onSubmit={() => void skicka(body, obligatoriska(body))}
    >
      <Datumfalt
        label="Återremissdatum"
        value={datum}
        onChange={setDatum}
        error={felFor('datum')}
      />
      <Orsaksfalt value={orsak} onChange={setOrsak} error={felFor('orsak')} />
    </Atgardsformular>
  );
};
