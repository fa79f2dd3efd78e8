import type { StatistikReport } from '#statistik';
import type { components } from '../../apps/web/src/api/schema.js';

/**
 * Exactly the same type, not merely assignable: a field one side lacks, an optional field
 * the other requires or a null one side does not allow makes it false. Intersections
 * (`StatistikTables & {…}`) and interfaces are flattened first, as they mean the same shape.
 */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Deep<T> = T extends readonly (infer U)[]
  ? Deep<U>[]
  : T extends object
    ? { [K in keyof T]: Deep<T[K]> }
    : T;
type Generated = components['schemas']['StatistikReport'];

/**
 * The check itself is this declaration: `npm run typecheck` (CI's first step, the root
 * tsconfig includes test/) refuses `true` here unless the two types are equal. Jest compiles
 * with swc, which checks no types, so the test below only states what typecheck proved.
 */
const sammaTyp: Equal<Deep<Generated>, Deep<StatistikReport>> = true;

describe("the web's generated report types (apps/web/src/api/schema.d.ts)", () => {
  it('describe exactly the report libs/statistik builds (npm run typecheck fails otherwise)', () => {
    expect(sammaTyp).toBe(true);
  });
});
