import { Text } from '@mantine/core';
import { useContext, useId, type ReactNode } from 'react';
import { TabellnotContext } from './tabellnot';

/**
 * A wide table scrolls sideways inside this box rather than widening the page at 390 px.
 * The box is focusable and named so keyboard users can scroll it too (axe: scrollable-region-focusable).
 * A note from TabellnotContext stands under the box (not scrolled away) and describes it.
 */
export const Tabellrulle = ({
  namn,
  minBredd,
  children,
}: {
  namn: string;
  minBredd: number;
  children: ReactNode;
}) => {
  const not = useContext(TabellnotContext);
  const notId = useId();
  return (
    <div>
      <div
        className="tabellrulle"
        role="region"
        aria-label={namn}
        tabIndex={0}
        {...(not ? { 'aria-describedby': notId } : {})}
      >
        <div style={{ minWidth: minBredd }}>{children}</div>
      </div>
      {not && (
        <Text size="xs" c="dimmed" mt={4} id={notId} data-testid="tabellnot">
          {not}
        </Text>
      )}
    </div>
  );
};
