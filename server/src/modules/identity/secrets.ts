import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a high-entropy secret (session token, CSRF token, API token). */
export function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
