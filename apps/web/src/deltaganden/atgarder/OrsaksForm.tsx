import { Text } from '@mantine/core';
import { useState } from 'react';
import { obligatoriska } from '../../formular/obligatoriska';
import { Atgardsformular } from './Atgardsformular';
import { Orsaksfalt } from './Orsaksfalt';
import { useAtgard, type AtgardProps } from './useAtgard';

/** Återkalla avslut and makulering take only an orsak; they differ in path and wording. */
export const OrsaksForm = ({
  vag,
  namn,
  knapp,
  forklaring,
  ...props
}: AtgardProps & {
  vag: 'aterkalla-avslut' | 'makulering';
  namn: string;
  knapp: string;
  forklaring: string;
}) => {
  const [orsak, setOrsak] = useState('');
  const { fel, felFor, skickar, skicka } = useAtgard(props, vag, { orsak: 'orsak' });
  return (
    <Atgardsformular
      namn={namn}
      knapp={knapp}
      fel={fel}
      skickar={skickar}
      farlig={vag === 'makulering'}
      onSubmit={() => void skicka({ orsak }, obligatoriska({ orsak }))}
    >
      <Text size="sm">{forklaring}</Text>
      <Orsaksfalt value={orsak} onChange={setOrsak} error={felFor('orsak')} />
    </Atgardsformular>
  );
};
