import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** Argon2id with the library's defaults. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password);
  }

  private dummyHash: Promise<string> | undefined;

  /** Spends the time of a real check, so that an unknown e-mail cannot be told by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= hash('no user has this password');
    await verify(await this.dummyHash, password);
    return false;
  }
}
