import { isIP } from 'node:net';

/**
 * Which proxies may name the client in X-Forwarded-For, in the forms express's `trust proxy`
 * takes: `false` (none: the socket's address is the client), a number of proxy hops in front
 * of the app, or the proxies' addresses, CIDR networks or express's names for ranges.
 */
export type TrustedProxy = false | number | readonly string[];

const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Parses TRUSTED_PROXY. "Trust every proxy" is refused: any client could then pick the address
 * it is counted under, and the login limits would count nothing.
 */
export const parseTrustedProxy = (value: string): TrustedProxy => {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    if (!Number.isSafeInteger(hops)) throw new Error('the number of proxy hops is too large');
    return hops === 0 ? false : hops;
  }
  const entries = trimmed.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isProxyEntry(entry)) {
      throw new Error(
        `"${entry}" is neither a number of proxy hops nor an IP address, CIDR network or one of ${RANGE_NAMES.join(', ')}`,
      );
    }
  }
  return entries;
};

const isProxyEntry = (entry: string): boolean => {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
};
