import { Stack } from '@mantine/core';
import { Datumfalt } from '../formular/Datumfalt';
import { Forsorjningsval } from '../formular/Forsorjningsval';
import { Kodval } from '../formular/Kodval';
import { obligatoriska } from '../formular/obligatoriska';
import {
  alternativ,
  TID_I_OFFENTLIG_FORSORJNING,
  TID_I_OFFENTLIG_FORSORJNING_ETIKETT,
  UTBILDNINGSNIVA,
  UTBILDNINGSNIVA_ETIKETT,
} from '../kodlistor/kodlistor';

export interface Inskrivningsuppgifter {
  datum: string;
  forsorjning: string[];
  utbildningsniva: string;
  tidIOffentligForsorjning: string;
}

export const TOM_INSKRIVNING: Inskrivningsuppgifter = {
  datum: '',
  forsorjning: [],
  utbildningsniva: '',
  tidIOffentligForsorjning: '',
};

/** The inskrivning's fields, shared by the inskrivning form and a direct inskrivning at remiss. */
export const InskrivningFalt = ({
  varde,
  andra,
  felFor,
  prefix = '',
}: {
  varde: Inskrivningsuppgifter;
  andra: (varde: Inskrivningsuppgifter) => void;
  felFor: (falt: string) => string | undefined;
  /** Path of these fields in the request body, e.g. "inskrivning." */
  prefix?: string;
}) => (
  <Stack>
    <Datumfalt
      label="Inskrivningsdatum"
      value={varde.datum}
      onChange={(datum) => andra({ ...varde, datum })}
      error={felFor(`${prefix}datum`)}
    />
    <Forsorjningsval
      label="Försörjning vid inskrivning"
      value={varde.forsorjning}
      onChange={(forsorjning) => andra({ ...varde, forsorjning })}
      error={felFor(`${prefix}forsorjning`)}
    />
    <Kodval
      label="Utbildningsnivå"
      alternativ={alternativ(UTBILDNINGSNIVA, UTBILDNINGSNIVA_ETIKETT)}
      value={varde.utbildningsniva}
      onChange={(utbildningsniva) => andra({ ...varde, utbildningsniva })}
      error={felFor(`${prefix}utbildningsniva`)}
    />
    <Kodval
      label="Tid i offentlig försörjning"
      alternativ={alternativ(TID_I_OFFENTLIG_FORSORJNING, TID_I_OFFENTLIG_FORSORJNING_ETIKETT)}
      value={varde.tidIOffentligForsorjning}
      onChange={(tidIOffentligForsorjning) => andra({ ...varde, tidIOffentligForsorjning })}
      error={felFor(`${prefix}tidIOffentligForsorjning`)}
    />
  </Stack>
);

export const saknadeInskrivningsfalt = (v: Inskrivningsuppgifter, prefix = '') =>
  obligatoriska({
    [`${prefix}datum`]: v.datum,
    [`${prefix}forsorjning`]: v.forsorjning,
    [`${prefix}utbildningsniva`]: v.utbildningsniva,
    [`${prefix}tidIOffentligForsorjning`]: v.tidIOffentligForsorjning,
  });
