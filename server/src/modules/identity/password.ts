import { hash, verify } from '@node-rs/argon2';
import { identityError } from './identity.errors.js';

/** Long enough to resist guessing offline; a pass phrase of a few words fits easily. */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

/** argon2id with the library's defaults (19 MiB, 2 passes): about 50 ms on the development machine. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Checked against nothing but itself: a stored hash (argon2id of a random password) to verify
 * against when the e-mail is unknown, so an unknown e-mail costs as much time as a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}

export function assertAcceptablePassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw identityError(
      'PASSWORD_TOO_SHORT',
      `A password needs at least ${MIN_PASSWORD_LENGTH} characters; a few words make a good one.`,
      field,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw identityError(
      'PASSWORD_TOO_LONG',
      `A password has at most ${MAX_PASSWORD_LENGTH} characters.`,
      field,
    );
  }
  if (new Set(password).size < 4) {
    throw identityError(
      'PASSWORD_TOO_WEAK',
      'The password repeats too few different characters.',
      field,
    );
  }
}
