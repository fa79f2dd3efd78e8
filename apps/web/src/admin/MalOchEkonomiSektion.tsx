import { Alert, Divider, Loader, Stack, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { MalOchEkonomi } from '../api/mal';
import { EkonomiForm } from './EkonomiForm';
import { MalEditor } from './MalEditor';

/** An insats's goals of any period and its budget and kostnad per year. */
export const MalOchEkonomiSektion = ({ insatsId, namn }: { insatsId: string; namn: string }) => {
  const [data, setData] = useState<MalOchEkonomi | null>(null);
  const [fel, setFel] = useState<string | null>(null);

  const hamta = useCallback(() => {
    api
      .get<MalOchEkonomi>(`/insatser/${insatsId}/mal`)
      .then((svar) => {
        setData(svar);
        setFel(null);
      })
      .catch((error: unknown) => setFel(error instanceof Error ? error.message : String(error)));
  }, [insatsId]);
  useEffect(hamta, [hamta]);

  return (
    <Stack>
      <Title order={3} size="h4">
        Mål och ekonomi för {namn}
      </Title>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
      {!data && !fel && <Loader aria-label="Laddar mål och ekonomi" />}
      {data && (
        <>
          <MalEditor
            mal={data.mal}
            adress={`/insatser/${insatsId}/mal`}
            rubrik="Mål"
            andrad={hamta}
          />
          <Divider />
          <EkonomiForm insatsId={insatsId} ekonomi={data.ekonomi} andrad={hamta} />
        </>
      )}
    </Stack>
  );
};
