/*
 * API.md's limits ("Additions, version 2"). They are what the read models can hold (counts in
 * PostgreSQL `integer`, whose ceiling is 2,147,483,647): a number above them, once stored in an
 * event, would stop the projections for every event after it.
 */

/** Counts of people (volym, årsmål): whole numbers 0–1,000,000. */
export const MAX_ANTAL = 1_000_000;
/** Amounts of money in kronor: whole numbers 0–1,000,000,000. */
export const MAX_KRONOR = 1_000_000_000;
/** Födelseår a deltagare can have; the age rule narrows it further at each date. */
export const FODELSEAR = { fran: 1900, till: 2100 } as const;

/** A whole number within [min, max]. */
export const isHeltalMellan = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
