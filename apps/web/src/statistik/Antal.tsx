import { UnstyledButton } from '@mantine/core';
import type { Antal as AntalVarde } from './rapport';
import { useVisaUnderlag, type Matt } from './underlag-context';

/** A count; with `matt` it opens the deltaganden behind it. */
export const Antal = ({ varde, matt }: { varde: AntalVarde; matt?: Matt | undefined }) => {
  const visa = useVisaUnderlag();
  if (!matt || varde === 0 || typeof varde !== 'number')
    return <span className="siffra">{varde}</span>;
  return (
    <UnstyledButton
      className="siffra"
      onClick={() => visa(matt)}
      aria-label={`${varde}: visa underlag för ${matt.rubrik}`}
      td="underline"
      c="blue.8"
      fz="sm"
    >
      {varde}
    </UnstyledButton>
  );
};
