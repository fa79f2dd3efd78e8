import { Alert, Button, Checkbox, Group, Stack } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { api, query } from '../api/client';

/** `GET /statistik/export`'s formats: two tables for spreadsheets and the A4 report. */
type Format = 'csv' | 'xlsx' | 'pdf';

export const Exportknappar = ({
  fran,
  till,
  asOf,
  jamfor,
  skydda,
  andraSkydda,
}: {
  fran: string;
  till: string;
  asOf?: string | undefined;
  /** The comparison shown on screen goes into the exported overview too. */
  jamfor?: string | undefined;
  /** Protects the report on screen and in the exports alike. */
  skydda: boolean;
  andraSkydda: (skydda: boolean) => void;
}) => {
  const [laddar, setLaddar] = useState<Format | null>(null);
  const [fel, setFel] = useState<string | null>(null);

  const ladda = async (format: Format) => {
    setLaddar(format);
    setFel(null);
    try {
      await api.laddaNer(
        `/statistik/export${query({ fran, till, asOf, format, skydda, jamfor })}`,
        `deltagarstatistik-${fran}--${till}.${format}`,
      );
    } catch (error) {
      setFel(error instanceof Error ? error.message : String(error));
    } finally {
      setLaddar(null);
    }
  };

  return (
    <Stack gap="xs">
      <Group wrap="wrap">
        <Button
          leftSection={<IconDownload size={16} aria-hidden />}
          variant="default"
          loading={laddar === 'csv'}
          onClick={() => void ladda('csv')}
        >
          Exportera CSV
        </Button>
        <Button
          leftSection={<IconDownload size={16} aria-hidden />}
          variant="default"
          loading={laddar === 'xlsx'}
          onClick={() => void ladda('xlsx')}
        >
          Exportera XLSX
        </Button>
        <Button
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          variant="default"
          loading={laddar === 'pdf'}
          onClick={() => void ladda('pdf')}
        >
          Ladda ner PDF
        </Button>
        <Checkbox
          label="Skydda små tal (1–4 visas som ”<5”)"
          checked={skydda}
          onChange={(e) => andraSkydda(e.currentTarget.checked)}
        />
      </Group>
      {fel && (
        <Alert color="red" role="alert">
          {fel}
        </Alert>
      )}
    </Stack>
  );
};
