import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KEY_BYTES } from './envelope-crypto.js';

/**
 * The key that wraps every person's data key: MASTER_KEY_FILE, or a file generated (mode
 * 0600) in DATA_DIR on first start. Kept outside the database, so a database backup alone
 * reveals no personal data.
 */
export const loadMasterKey = (file: string | undefined, dataDir: string): Buffer => {
  const path = file ?? join(dataDir, 'master-key');
  if (!existsSync(path)) {
    if (file) throw new Error(`MASTER_KEY_FILE ${file} does not exist`);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600 });
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`The master key in ${path} must be ${KEY_BYTES} bytes, base64-encoded`);
  }
  return key;
};
