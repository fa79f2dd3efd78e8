/** Stream names: one stream per insats and per deltagande, and one per förbund for its goals. */
export const INSATS_STREAM_PREFIX = 'insats-';
export const DELTAGANDE_STREAM_PREFIX = 'deltagande-';
export const FORBUND_STREAM_PREFIX = 'forbund-';

export const insatsStream = (insatsId: string): string => `${INSATS_STREAM_PREFIX}${insatsId}`;
export const forbundStream = (forbundId: string): string => `${FORBUND_STREAM_PREFIX}${forbundId}`;
export const deltagandeStream = (deltagandeId: string): string =>
  `${DELTAGANDE_STREAM_PREFIX}${deltagandeId}`;

/** The id part of a stream name, or undefined when the stream is not of that kind. */
export const idFromStream = (streamId: string, prefix: string): string | undefined =>
  streamId.startsWith(prefix) ? streamId.slice(prefix.length) : undefined;
