import { DeltagandeProjection } from './deltagande/deltagande.projection.js';
import { InsatsProjection } from './insats/insats.projection.js';
import { StatistikProjection } from './statistik/statistik.projection.js';
import { DeltagandeRow } from './read-models/deltagande.entity.js';
import { InsatsRow } from './read-models/insats.entity.js';
import { ProjectionCheckpointRow } from './read-models/projection-checkpoint.entity.js';
import type { Projection } from './runner/projection.js';

/**
 * The read models' projections, in the order they apply within a batch: insats first (the
 * others look up an insats's förbund), statistik before deltagande (it reads each
 * deltagande's state as it was before the batch). A deltagande's timeline needs no read model:
 * it is the deltagande's own stream, read when asked for.
 */
export const readModelProjections = (): Projection[] => [
  new InsatsProjection(),
  new StatistikProjection(),
  new DeltagandeProjection(),
];

export const READ_MODEL_ENTITIES = [ProjectionCheckpointRow, InsatsRow, DeltagandeRow];
