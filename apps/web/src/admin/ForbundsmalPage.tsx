import { Alert, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Forbundsmal } from '../api/mal';
import { useInsatser } from '../insatser/useInsatser';
import { MalEditor } from './MalEditor';

const HELA_FORBUNDET = '';

/** Goals of the whole förbund or of a grupp of its insatser (e.g. three teams' shared goal). */
export const ForbundsmalPage = () => {
  const { insatser, fel: insatsfel } = useInsatser();
  const [mal, setMal] = useState<Forbundsmal[] | null>(null);
  const [fel, setFel] = useState<string | null>(null);
  const [plats, setPlats] = useState(HELA_FORBUNDET);

  const hamta = useCallback(() => {
    api
      .get<Forbundsmal[]>('/forbund/mal')
      .then((svar) => {
        setMal(svar);
        setFel(null);
      })
      .catch((error: unknown) => setFel(error instanceof Error ? error.message : String(error)));
  }, []);
  useEffect(hamta, [hamta]);

  // The insatser's grupper, and grupper that still have goals though no insats has them now
  // (so that those goals can be removed).
  const grupper = useMemo(() => {
    const avInsatser = new Set(
      (insatser ?? []).map((i) => i.grupp).filter((g): g is string => typeof g === 'string'),
    );
    const medMal = (mal ?? []).map((m) => m.grupp).filter((g): g is string => g !== null);
    return [...new Set([...avInsatser, ...medMal])]
      .sort((a, b) => a.localeCompare(b, 'sv'))
      .map((g) => ({ value: g, label: avInsatser.has(g) ? g : `${g} (ingen insats)` }));
  }, [insatser, mal]);

  const grupp = plats === HELA_FORBUNDET ? null : plats;
  const adress = grupp === null ? '/forbund/mal' : `/grupper/${encodeURIComponent(grupp)}/mal`;
  const rubrik = grupp === null ? 'Mål för hela förbundet' : `Mål för gruppen ${grupp}`;
  const fel1 = fel ?? insatsfel;

  return (
    <Stack>
      <Title order={2}>Förbundets mål</Title>
      <Text size="sm">
        Mål för hela förbundet eller för en grupp av insatser. Insatsernas egna mål sätts under
        Insatser och mål.
      </Text>
      {fel1 && (
        <Alert color="red" role="alert">
          {fel1}
        </Alert>
      )}
      {!mal && !fel1 && <Loader aria-label="Laddar förbundets mål" />}
      {mal && (
        <Paper withBorder p="md" maw={760}>
          <Stack>
            <NativeSelect
              label="Målen gäller"
              value={plats}
              onChange={(e) => setPlats(e.currentTarget.value)}
              data={[{ value: HELA_FORBUNDET, label: 'Hela förbundet' }, ...grupper]}
              maw={420}
            />
            <MalEditor
              key={plats}
              mal={mal.filter((m) => m.grupp === grupp)}
              adress={adress}
              rubrik={rubrik}
              andrad={hamta}
            />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
};
