import { Stack } from '@mantine/core';
import { DeltagareSektion } from './DeltagareSektion';
import { EkonomiSektion } from './EkonomiSektion';
import { ForsorjningSektion } from './ForsorjningSektion';
import { KommunSektion } from './KommunSektion';
import { OvrigaSektion } from './OvrigaSektion';
import type { PerKon, Tabeller } from './rapport';
import { RemisserSektion } from './RemisserSektion';
import { UtfallSektion } from './UtfallSektion';

/** Every table of one insats's report (or of a grupp, or of the whole förbund). */
export const Rapportvy = ({
  t,
  unikaPersoner,
}: {
  t: Tabeller;
  unikaPersoner?: PerKon | undefined;
}) => (
  <Stack>
    <DeltagareSektion t={t} unikaPersoner={unikaPersoner} />
    <RemisserSektion t={t} />
    <KommunSektion t={t} />
    <UtfallSektion t={t} />
    <ForsorjningSektion t={t} />
    <OvrigaSektion t={t} />
    <EkonomiSektion t={t} />
  </Stack>
);
