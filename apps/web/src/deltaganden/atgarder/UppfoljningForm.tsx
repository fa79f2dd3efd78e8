import { useState } from 'react';
import { Datumfalt } from '../../formular/Datumfalt';
import { Forsorjningsval } from '../../formular/Forsorjningsval';
import { Kodval } from '../../formular/Kodval';
import { obligatoriska } from '../../formular/obligatoriska';
import { alternativ, SYSSELSATTNING, SYSSELSATTNING_ETIKETT } from '../../kodlistor/kodlistor';
import { Atgardsformular } from './Atgardsformular';
import { useAtgard, type AtgardProps } from './useAtgard';

const TIDPUNKTER = [
  { value: '6', label: '6 månader efter avslut' },
  { value: '12', label: '12 månader efter avslut' },
];

export const UppfoljningForm = (props: AtgardProps) => {
  const [datum, setDatum] = useState('');
  const [manader, setManader] = useState('');
  const [sysselsattning, setSysselsattning] = useState('');
  const [forsorjning, setForsorjning] = useState<string[]>([]);
  const { fel, felFor, skickar, skicka } = useAtgard(props, 'uppfoljning', {
    datum: 'datum',
    forsorjning: 'forsorjning',
  });
  const saknas = obligatoriska({ datum, manaderEfterAvslut: manader, sysselsattning, forsorjning });
  return (
    <Atgardsformular
      namn="Uppföljning"
      knapp="Registrera uppföljning"
      fel={fel}
      skickar={skickar}
      onSubmit={() =>
        void skicka(
          { datum, manaderEfterAvslut: Number(manader), sysselsattning, forsorjning },
          saknas,
        )
      }
    >
      <Datumfalt
        label="Uppföljningsdatum"
        value={datum}
        onChange={setDatum}
        error={felFor('datum')}
      />
      <Kodval
        label="Tidpunkt"
        alternativ={TIDPUNKTER}
        value={manader}
        onChange={setManader}
        error={felFor('manaderEfterAvslut')}
      />
      <Kodval
        label="Sysselsättning"
        alternativ={alternativ(SYSSELSATTNING, SYSSELSATTNING_ETIKETT)}
        value={sysselsattning}
        onChange={setSysselsattning}
        error={felFor('sysselsattning')}
      />
      <Forsorjningsval
        label="Försörjning vid uppföljningen"
        value={forsorjning}
        onChange={setForsorjning}
        error={felFor('forsorjning')}
      />
    </Atgardsformular>
  );
};
