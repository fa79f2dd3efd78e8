import { useState } from 'react';
import { InskrivningFalt, saknadeInskrivningsfalt, TOM_INSKRIVNING } from '../InskrivningFalt';
import { Atgardsformular } from './Atgardsformular';
import { useAtgard, type AtgardProps } from './useAtgard';

export const InskrivningForm = (props: AtgardProps) => {
  const [varde, setVarde] = useState(TOM_INSKRIVNING);
  const { fel, felFor, skickar, skicka } = useAtgard(props, 'inskrivning', {
    inskrivningsdatum: 'datum',
    datum: 'datum',
    forsorjning: 'forsorjning',
    fodelsear: 'datum',
  });
  return (
    <Atgardsformular
      namn="Inskrivning"
      knapp="Skriv in"
      fel={fel}
      skickar={skickar}
      onSubmit={() => void skicka(varde, saknadeInskrivningsfalt(varde))}
    >
      <InskrivningFalt varde={varde} andra={setVarde} felFor={felFor} />
    </Atgardsformular>
  );
};
