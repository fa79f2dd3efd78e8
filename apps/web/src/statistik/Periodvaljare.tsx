import { Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
            <TextInput
              type="date"
              label="Från och med"
              value={val.fran}
              onChange={(e) => andra({ ...val, fran: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label="Till och med"
              value={val.till}
              onChange={(e) => andra({ ...val, till: e.currentTarget.value })}
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
          type="datetime-local"
          label="Som känt vid (asOf)"
          description="Tomt = allt som är registrerat nu"
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
