import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside this box rather than widening the page at 390 px.
 * The box is focusable and named so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export const Tabellrulle = ({
  namn,
  minBredd,
  children,
}: {
  namn: string;
  minBredd: number;
  children: ReactNode;
}) => (
  <div className="tabellrulle" role="region" aria-label={namn} tabIndex={0}>
    <div style={{ minWidth: minBredd }}>{children}</div>
  </div>
);
