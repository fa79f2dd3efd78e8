import type { Tabeller } from './rapport';
import { Sektion } from './Sektion';
import { SpecTabell } from './SpecTabell';

/** Budget, kostnad and kostnad per deltagare for the years of the period that have them. */
export const EkonomiSektion = ({ t }: { t: Tabeller }) => (
  <Sektion rubrik="Ekonomi">
    <SpecTabell
      id="ekonomi"
      t={t}
      tom="Ingen budget eller kostnad är registrerad för periodens år."
    />
  </Sektion>
);
