import { Alert, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { query } from '../api/client';
import { useHamta } from '../api/useHamta';
import { TabellnotContext } from '../layout/tabellnot';
import { Exportknappar } from './Exportknappar';
import { asOfIso, intervall, type Periodval } from './period';
import { Periodvaljare } from './Periodvaljare';
import type { Jamfor, RapportMedOversikt } from './oversikt';
import { OversiktSektion } from './OversiktSektion';
import { flikar, gruppFlikId } from './rapport';
import { Rapportvy } from './Rapportvy';
import { statistikvalAv, TOTALT_FLIK } from './statistik-lank';
import { UnderlagContext, type Matt } from './underlag-context';
import { UnderlagModal, type Underlagsfraga } from './UnderlagModal';

const TOTALT = TOTALT_FLIK;

/** Under every table when small counts are protected (the exports' header says the same). */
export const SKYDDSNOT =
  '<5 = antal 1–4 (primär sekretess). .. = antal som döljs för att ett <5 inte ska kunna räknas fram ur en summa (sekundär sekretess).';
const OVERSIKT = 'oversikt';

const ANNU = (): Periodval => {
  const ar = new Date().getFullYear();
  return { typ: 'helar', ar, fran: `${ar}-01-01`, till: `${ar}-12-31`, asOf: '' };
};

export const StatistikPage = () => {
  // A link (from "Vad har ändrats sedan?") may choose the period, the tab and a count to list.
  const [params] = useSearchParams();
  const [franLank] = useState(() => statistikvalAv(params));
  const [val, setVal] = useState<Periodval>(() => franLank.period ?? ANNU());
  const [jamfor, setJamfor] = useState<Jamfor>('');
  const [skydda, setSkydda] = useState(false);
  const [flik, setFlik] = useState<string | null>(franLank.flik ?? OVERSIKT);
  const [underlag, setUnderlag] = useState<Underlagsfraga | null>(null);
  const [vantandeUnderlag, setVantandeUnderlag] = useState(franLank.underlag);
  const { fran, till } = intervall(val);
  const asOf = asOfIso(val.asOf);
  const giltig =
    /^\d{4}-\d{2}-\d{2}$/.test(fran) && /^\d{4}-\d{2}-\d{2}$/.test(till) && fran <= till;

  const svar = useHamta<RapportMedOversikt>(
    giltig ? `/statistik${query({ fran, till, asOf, jamfor, skydda })}` : null,
  );
  const rapport = svar.data;
  const fel = svar.fel?.text ?? null;

  const flikarna = useMemo(() => (rapport ? flikar(rapport) : []), [rapport]);
  // A tab chosen earlier may not exist as known at an earlier asOf (the insats was not yet
  // created): show Totalt and say why, and keep the choice for when asOf moves on again.
  const finns = flik === TOTALT || flik === OVERSIKT || flikarna.some((f) => f.id === flik);
  const visad = rapport && !finns ? TOTALT : flik;
  const saknadFlik = rapport && !finns ? flik : null;
  // A grupp's drill-down asks for the deltaganden of all its insatser.
  const insats = flikarna.find((f) => f.id === visad)?.insatsIds;
  const namn = (id: string) => flikarna.find((f) => f.id === id)?.namn ?? id;
  const visaUnderlag = useMemo(
    () => (matt: Matt) => setUnderlag({ ...matt, fran, till, insats, asOf }),
    [fran, till, insats, asOf],
  );
  // The count a link asked for, listed once the report shows its tab (a grupp's insatser are
  // known only then).
  useEffect(() => {
    if (!rapport || !vantandeUnderlag) return;
    setVantandeUnderlag(undefined);
    visaUnderlag(vantandeUnderlag);
  }, [rapport, vantandeUnderlag, visaUnderlag]);

  return (
    <Stack>
      <Title order={2}>Statistik</Title>
      <Paper withBorder p="md" className="ej-utskrift">
        <Stack>
          <Periodvaljare val={val} andra={setVal} jamfor={jamfor} andraJamfor={setJamfor} />
          {!giltig && (
            <Text c="red.8" size="sm" role="alert">
              Ange en period där från-datumet inte är efter till-datumet.
            </Text>
          )}
          <Exportknappar
            fran={fran}
            till={till}
            asOf={asOf}
            jamfor={jamfor}
            skydda={skydda}
            andraSkydda={setSkydda}
          />
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
          {saknadFlik && (
            <Alert color="yellow" role="status" title="Fliken finns inte vid den tidpunkten">
              Den insats eller grupp du hade valt fanns inte ännu som känt vid{' '}
              {new Date(rapport.asOf).toLocaleString('sv-SE')}. Rapporten visar Totalt i stället;
              välj en senare tidpunkt för att se den igen.
            </Alert>
          )}
          {/* Every panel stays mounted so that a printout carries every tab's sections. */}
          <TabellnotContext.Provider value={skydda ? SKYDDSNOT : null}>
            <Tabs value={visad} onChange={setFlik} keepMountedMode="display-none">
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
                <Title order={2} size="h3" className="bara-utskrift">
                  Totalt
                </Title>
                <Rapportvy t={rapport.totalt} unikaPersoner={rapport.totalt.unikaPersoner} />
              </Tabs.Panel>
              {rapport.insatser.map((i) => (
                <Tabs.Panel key={i.insatsId} value={i.insatsId} pt="md">
                  <Title order={2} size="h3" className="bara-utskrift">
                    {namn(i.insatsId)}
                  </Title>
                  <Rapportvy t={i} />
                </Tabs.Panel>
              ))}
              {rapport.grupper.map((g) => (
                <Tabs.Panel key={g.grupp} value={gruppFlikId(g.grupp)} pt="md">
                  <Title order={2} size="h3" className="bara-utskrift">
                    {namn(gruppFlikId(g.grupp))}
                  </Title>
                  <Rapportvy t={g} unikaPersoner={g.unikaPersoner} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </TabellnotContext.Provider>
        </UnderlagContext.Provider>
      )}
      <UnderlagModal fraga={underlag} stang={() => setUnderlag(null)} />
    </Stack>
  );
};
