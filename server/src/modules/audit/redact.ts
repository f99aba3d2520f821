/** What a redacted secret reads as in the audit trail. */
export const REDACTED = '[redacted]';

/**
 * Field names whose values are secrets: passwords and password hashes, token hashes and raw
 * tokens, salts, keys, cookies, credentials (`passwordHash`, `tokenHash`, `secretKey`,
 * `clientSecret`, `csrfToken`, `api_key` …). Ids of such things (`tokenId`) are not secrets.
 */
const SECRET_KEY =
  /pass(word|wd|phrase)|hash(ed)?$|^secret|secret$|salt$|token$|api_?key$|private_?key$|cookie|authori[sz]ation|credential/i;

/** Values that are secrets whatever their field is called: password hashes in PHC form. */
const SECRET_VALUE = /^\$(argon2(id|i|d)|2[aby]|scrypt|pbkdf2[-\w]*)\$/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * A copy of a JSON value with every secret replaced by `[redacted]`, at any depth. Every audit
 * record goes through this (AuditService writes it, the GraphQL type applies it again when
 * reading), so no snapshot or detail can carry a password hash or a token into the trail.
 * Null secrets stay null: that a field is empty tells nothing.
 */
export function redactSecrets<T>(value: T): T {
  return redact(value) as T;
}

function redact(value: unknown): unknown {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      isSecretKey(key) && v !== null && v !== undefined ? REDACTED : redact(v),
    ]),
  );
}
