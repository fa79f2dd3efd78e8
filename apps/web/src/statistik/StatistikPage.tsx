import { Alert, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { api, query } from '../api/client';
import { Exportknappar } from './Exportknappar';
import { asOfIso, intervall, type Periodval } from './period';
import { Periodvaljare } from './Periodvaljare';
import type { Jamfor, RapportMedOversikt } from './oversikt';
import { OversiktSektion } from './OversiktSektion';
import { flikar, gruppFlikId } from './rapport';
import { Rapportvy } from './Rapportvy';
import { UnderlagContext, type Matt } from './underlag-context';
import { UnderlagModal, type Underlagsfraga } from './UnderlagModal';

const TOTALT = 'totalt';
const OVERSIKT = 'oversikt';

const ANNU = (): Periodval => {
  const ar = new Date().getFullYear();
  return { typ: 'helar', ar, fran: `${ar}-01-01`, till: `${ar}-12-31`, asOf: '' };
};

export const StatistikPage = () => {
  const [val, setVal] = useState<Periodval>(ANNU);
  const [rapport, setRapport] = useState<RapportMedOversikt | null>(null);
  const [jamfor, setJamfor] = useState<Jamfor>('');
  const [fel, setFel] = useState<string | null>(null);
  const [flik, setFlik] = useState<string | null>(OVERSIKT);
  const [underlag, setUnderlag] = useState<Underlagsfraga | null>(null);
  const { fran, till } = intervall(val);
  const asOf = asOfIso(val.asOf);
  const giltig =
    /^\d{4}-\d{2}-\d{2}$/.test(fran) && /^\d{4}-\d{2}-\d{2}$/.test(till) && fran <= till;

  useEffect(() => {
    if (!giltig) return;
    let aktuell = true;
    setFel(null);
    api
      .get<RapportMedOversikt>(`/statistik${query({ fran, till, asOf, jamfor })}`)
      .then((r) => aktuell && setRapport(r))
      .catch(
        (error: unknown) =>
          aktuell && setFel(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      aktuell = false;
    };
  }, [fran, till, asOf, jamfor, giltig]);

  const flikarna = useMemo(() => (rapport ? flikar(rapport) : []), [rapport]);
  // A grupp's drill-down asks for the deltaganden of all its insatser.
  const insats = flikarna.find((f) => f.id === flik)?.insatsIds;
  const visaUnderlag = useMemo(
    () => (matt: Matt) => setUnderlag({ ...matt, fran, till, insats, asOf }),
    [fran, till, insats, asOf],
  );

  return (
    <Stack>
      <Title order={2}>Statistik</Title>
      <Paper withBorder p="md">
        <Stack>
          <Periodvaljare val={val} andra={setVal} jamfor={jamfor} andraJamfor={setJamfor} />
          {!giltig && (
            <Text c="red.8" size="sm" role="alert">
              Ange en period där från-datumet inte är efter till-datumet.
            </Text>
          )}
          <Exportknappar fran={fran} till={till} asOf={asOf} />
        </Stack>
      </Paper>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      {!rapport && !fel && <Loader aria-label="Laddar rapporten" />}
      {rapport && (
        <UnderlagContext.Provider value={visaUnderlag}>
          <Group gap="xs">
            <Text size="sm" aria-live="polite" data-testid="rapportperiod">
              {rapport.forbund.namn}: {rapport.period.fran} – {rapport.period.till}, som känt{' '}
              {new Date(rapport.asOf).toLocaleString('sv-SE')}
            </Text>
          </Group>
          <Tabs value={flik} onChange={setFlik} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value={OVERSIKT}>Översikt</Tabs.Tab>
              <Tabs.Tab value={TOTALT}>Totalt</Tabs.Tab>
              {flikarna.map((f) => (
                <Tabs.Tab key={f.id} value={f.id} fw={f.typ === 'grupp' ? 700 : undefined}>
                  {f.namn}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value={OVERSIKT} pt="md">
              <OversiktSektion rapport={rapport} />
            </Tabs.Panel>
            <Tabs.Panel value={TOTALT} pt="md">
              <Rapportvy t={rapport.totalt} unikaPersoner={rapport.totalt.unikaPersoner} />
            </Tabs.Panel>
            {rapport.insatser.map((i) => (
              <Tabs.Panel key={i.insatsId} value={i.insatsId} pt="md">
                <Rapportvy t={i} />
              </Tabs.Panel>
            ))}
            {rapport.grupper.map((g) => (
              <Tabs.Panel key={g.grupp} value={gruppFlikId(g.grupp)} pt="md">
                <Rapportvy t={g} unikaPersoner={g.unikaPersoner} />
              </Tabs.Panel>
            ))}
          </Tabs>
        </UnderlagContext.Provider>
      )}
      <UnderlagModal fraga={underlag} stang={() => setUnderlag(null)} />
    </Stack>
  );
};
