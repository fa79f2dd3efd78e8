import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BadRequestError } from './application-errors.js';

export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 500;

/** API.md's paging: `?limit` (default 100, at most 500) and the `?cursor` of the page before. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit: number = PAGE_LIMIT_DEFAULT;

  @ApiPropertyOptional({ description: 'nextCursor från föregående sida' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor är ogiltig; börja om från första sidan' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/**
 * A cursor is the sort key of the last item shown, opaque to the client (base64url of a JSON
 * array of strings): the next page starts right after that key, so items added or removed
 * meanwhile never shift an item into two pages or out of all of them.
 */
export const encodeCursor = (key: readonly string[]): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const badCursor = (): BadRequestError =>
  new BadRequestError('Ogiltig begäran: cursor', [
    { field: 'cursor', errors: ['cursor är ogiltig; börja om från första sidan'] },
  ]);

/** The key in a cursor, if it has the given number of parts and each passes `valid`. */
export const decodeCursor = (
  cursor: string,
  valid: readonly ((part: string) => boolean)[],
): string[] => {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    !Array.isArray(key) ||
    key.length !== valid.length ||
    !key.every((part, i) => typeof part === 'string' && part.length <= 500 && valid[i]!(part))
  ) {
    throw badCursor();
  }
  return key as string[];
};

/** One page from `limit + 1` rows read in the list's order; the extra row says there is more. */
export const toPage = <R, T>(
  rows: readonly R[],
  limit: number,
  key: (row: R) => readonly string[],
  item: (row: R) => T,
): Page<T> => {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(item),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null,
  };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (part: string): boolean => UUID.test(part);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** A UTC timestamp in microseconds, as `cursorTimestamp` writes it; a real moment. */
export const isTimestamp = (part: string): boolean => {
  if (!TIMESTAMP.test(part)) return false;
  const moment = new Date(part);
  return !Number.isNaN(moment.getTime()) && moment.toISOString().slice(0, 19) === part.slice(0, 19);
};
/** SQL for a timestamptz column as text that keeps its microseconds, for a cursor. */
export const cursorTimestamp = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
