import { Alert, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { api, query } from '../api/client';
import { Exportknappar } from './Exportknappar';
import { asOfIso, intervall, type Periodval } from './period';
import { Periodvaljare } from './Periodvaljare';
import type { Rapport } from './rapport';
import { Rapportvy } from './Rapportvy';
import { UnderlagContext, type Matt } from './underlag-context';
import { UnderlagModal, type Underlagsfraga } from './UnderlagModal';

const TOTALT = 'totalt';

const ANNU = (): Periodval => {
  const ar = new Date().getFullYear();
  return { typ: 'helar', ar, fran: `${ar}-01-01`, till: `${ar}-12-31`, asOf: '' };
};

export const StatistikPage = () => {
  const [val, setVal] = useState<Periodval>(ANNU);
  const [rapport, setRapport] = useState<Rapport | null>(null);
  const [fel, setFel] = useState<string | null>(null);
  const [flik, setFlik] = useState<string | null>(TOTALT);
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
      .get<Rapport>(`/statistik${query({ fran, till, asOf })}`)
      .then((r) => aktuell && setRapport(r))
      .catch(
        (error: unknown) =>
          aktuell && setFel(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      aktuell = false;
    };
  }, [fran, till, asOf, giltig]);

  const insats = flik === TOTALT ? undefined : (flik ?? undefined);
  const visaUnderlag = useMemo(
    () => (matt: Matt) => setUnderlag({ ...matt, fran, till, insats, asOf }),
    [fran, till, insats, asOf],
  );

  return (
    <Stack>
      <Title order={2}>Statistik</Title>
      <Paper withBorder p="md">
        <Stack>
          <Periodvaljare val={val} andra={setVal} />
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
              <Tabs.Tab value={TOTALT}>Totalt</Tabs.Tab>
              {rapport.insatser.map((i) => (
                <Tabs.Tab key={i.insatsId} value={i.insatsId}>
                  {i.namn}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value={TOTALT} pt="md">
              <Rapportvy t={rapport.totalt} unikaPersoner={rapport.totalt.unikaPersoner} />
            </Tabs.Panel>
            {rapport.insatser.map((i) => (
              <Tabs.Panel key={i.insatsId} value={i.insatsId} pt="md">
                <Rapportvy t={i} />
              </Tabs.Panel>
            ))}
          </Tabs>
        </UnderlagContext.Provider>
      )}
      <UnderlagModal fraga={underlag} stang={() => setUnderlag(null)} />
    </Stack>
  );
};
