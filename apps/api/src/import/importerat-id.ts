import { hash } from 'node:crypto';

/** This application's own UUID namespace for imported deltaganden (a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1c2b4e9a3d4f7e8b215c0d3e9a7f41', 'hex');

/**
 * The deltagande id of an imported row: a name-based UUID (version 5) of the insats and the
 * förbund's externt id. The same row always gets the same stream, so a second import finds
 * it already there (and `no-stream` keeps two concurrent imports from both writing it).
 */
export const importeratDeltagandeId = (insatsId: string, externtId: string): string => {
  const namn = Buffer.from(`${insatsId}\n${externtId}`, 'utf8');
  // One-shot: a Hash object per row cost about twice as much (an import hashes every row).
  const sha1 = hash(
    'sha1',
    Buffer.concat([NAMESPACE, namn], NAMESPACE.length + namn.length),
    'buffer',
  );
  sha1[6] = (sha1[6]! & 0x0f) | 0x50;
  sha1[8] = (sha1[8]! & 0x3f) | 0x80;
  const hex = sha1.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
