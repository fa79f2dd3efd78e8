import { Alert, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { api, query } from '../api/client';
import { Exportknappar } from './Exportknappar';
import { asOfIso, intervall, type Periodval } from './period';
import { Periodvaljare } from './Periodvaljare';
import { flikar, gruppFlikId, type Rapport } from './rapport';
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
              {flikarna.map((f) => (
                <Tabs.Tab key={f.id} value={f.id} fw={f.typ === 'grupp' ? 700 : undefined}>
                  {f.namn}
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
