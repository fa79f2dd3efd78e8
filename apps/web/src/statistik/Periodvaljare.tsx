import { Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Datumfalt } from '../formular/Datumfalt';
import { JAMFOR_ETIKETT, type Jamfor } from './oversikt';
import { PERIODTYP_ETIKETT, type Periodtyp, type Periodval } from './period';

const PERIODTYPER = (Object.keys(PERIODTYP_ETIKETT) as Periodtyp[]).map((value) => ({
  value,
  label: PERIODTYP_ETIKETT[value],
}));

export const Periodvaljare = ({
  val,
  andra,
  jamfor,
  andraJamfor,
}: {
  val: Periodval;
  andra: (val: Periodval) => void;
  jamfor?: Jamfor;
  andraJamfor?: (jamfor: Jamfor) => void;
}) => {
  const iAr = new Date().getFullYear();
  // Four segments do not fit beside each other at 390 px.
  const smal = useMediaQuery('(max-width: 30em)');
  const ar = Array.from({ length: 8 }, (_, i) => String(iAr - i));
  return (
    <Stack gap="xs">
      <div role="group" aria-labelledby="periodtyp-rubrik">
        <Text id="periodtyp-rubrik" size="sm" fw={500} mb={4}>
          Period
        </Text>
        <SegmentedControl
          data={PERIODTYPER}
          value={val.typ}
          onChange={(typ) => andra({ ...val, typ: typ as Periodtyp })}
          aria-label="Period"
          orientation={smal ? 'vertical' : 'horizontal'}
          fullWidth={smal}
        />
      </div>
      <Group align="flex-end" wrap="wrap">
        {val.typ === 'eget' ? (
          <>
            <Datumfalt
              label="Från och med"
              value={val.fran}
              onChange={(fran) => andra({ ...val, fran })}
              required={false}
            />
            <Datumfalt
              label="Till och med"
              value={val.till}
              onChange={(till) => andra({ ...val, till })}
              required={false}
            />
          </>
        ) : (
          <NativeSelect
            label="År"
            data={ar}
            value={String(val.ar)}
            onChange={(e) => andra({ ...val, ar: Number(e.currentTarget.value) })}
          />
        )}
        <TextInput
          label="Som känt vid (asOf)"
          description="ÅÅÅÅ-MM-DD TT:MM; tomt = allt som är registrerat nu"
          placeholder="ÅÅÅÅ-MM-DD TT:MM"
          autoComplete="off"
          maxLength={16}
          value={val.asOf}
          onChange={(e) => andra({ ...val, asOf: e.currentTarget.value })}
        />
        {andraJamfor && (
          <NativeSelect
            label="Jämför med"
            data={(Object.keys(JAMFOR_ETIKETT) as Jamfor[]).map((value) => ({
              value,
              label: JAMFOR_ETIKETT[value],
            }))}
            value={jamfor ?? ''}
            onChange={(e) => andraJamfor(e.currentTarget.value as Jamfor)}
          />
        )}
      </Group>
    </Stack>
  );
};
