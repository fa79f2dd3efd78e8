import type { IncomingMessage } from 'node:http';

/** Deeper than any request body of the API (the deepest is 3); room for clients' own shapes. */
export const MAX_JSON_DEPTH = 32;
/** A remiss is about 1 kB; anything near this limit is not a request of this API. */
export const MAX_JSON_BYTES = 100 * 1024;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth`, found in one pass
 * without parsing. Brackets inside strings do not count. Works on UTF-8 bytes because
 * ASCII bytes never occur inside a multi-byte sequence.
 */
export const jsonNestsDeeperThan = (bytes: Uint8Array, maxDepth: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
};

/** An http-errors shaped error, so Nest maps it to an HttpException with this status. */
class BodyRefusedError extends Error {
  readonly status: number;
  readonly statusCode: number;
  readonly expose = true;
  readonly type: string;

  constructor(status: number, type: string, message: string) {
    super(message);
    this.status = status;
    this.statusCode = status;
    this.type = type;
  }
}

/**
 * express.json options: a size limit, and a depth check before JSON.parse, since deep
 * nesting overflows the stack of the recursive steps after it (class-transformer,
 * class-validator) and ended in a 500.
 */
export const jsonBodyOptions = {
  limit: MAX_JSON_BYTES,
  verify: (_request: IncomingMessage, _response: unknown, body: Buffer, encoding: string): void => {
    let bytes: Uint8Array = body;
    if (encoding.toLowerCase() !== 'utf-8') {
      try {
        bytes = Buffer.from(new TextDecoder(encoding).decode(body), 'utf8');
      } catch {
        throw new BodyRefusedError(415, 'charset.unsupported', 'Teckenkodningen stöds inte');
      }
    }
    if (jsonNestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
      throw new BodyRefusedError(
        400,
        'entity.too.deep',
        `Begäran är nästlad djupare än ${MAX_JSON_DEPTH} nivåer`,
      );
    }
  },
};
