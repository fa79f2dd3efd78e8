import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** AES-256-GCM; the output is iv ‖ tag ‖ ciphertext, authenticated with `context`. */
export const seal = (key: Buffer, plaintext: Buffer, context: string): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
};

export const open = (key: Buffer, sealed: Buffer, context: string): Buffer => {
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
};

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

/** A separate key for the blind index, so the master key itself never touches personnummer. */
export const deriveIndexKey = (masterKey: Buffer): Buffer =>
  Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'deltagarflode/blind-index', KEY_BYTES),
  );

/**
 * Keyed hash of a normalized personnummer within one förbund: finds the same person again
 * without storing the number in a searchable form.
 */
export const blindIndex = (indexKey: Buffer, forbundId: string, personnummer: string): Buffer =>
  createHmac('sha256', indexKey).update(`${forbundId}:${personnummer}`).digest();
