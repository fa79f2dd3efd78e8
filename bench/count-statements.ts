/**
 * Loaded into the API by `npm run bench:http -- --statements` (`node --import`): counts every
 * statement the process sends to PostgreSQL, by prepared-statement name or by its text, and
 * writes the counts so far to BENCH_STATEMENTS_FILE on SIGUSR2. Every pool of the API (TypeORM,
 * the event store, the person lock) queries through pg.Client, so nothing escapes the count.
 */
import { writeFileSync } from 'node:fs';
import pg from 'pg';

const file = process.env.BENCH_STATEMENTS_FILE;
const counts = new Map<string, number>();

const keyOf = (config: unknown): string => {
  if (typeof config === 'string') return config.replace(/\s+/g, ' ').trim().slice(0, 90);
  const { name, text } = (config ?? {}) as { name?: string; text?: string };
  return name ?? (text ?? '(submittable)').replace(/\s+/g, ' ').trim().slice(0, 90);
};

const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const key = keyOf(args[0]);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on('SIGUSR2', () => {
  if (file) writeFileSync(file, JSON.stringify(Object.fromEntries(counts)));
});
