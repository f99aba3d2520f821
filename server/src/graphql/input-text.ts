/**
 * What text the hub accepts in any argument. A NUL or another C0 control character breaks
 * both databases differently (SQLite's driver fails on NUL, PostgreSQL refuses it in text and
 * jsonb), and a lone UTF-16 surrogate cannot be stored as UTF-8 at all; neither is ever
 * meant by a person. Tab, line feed and carriage return are text.
 */
import { commonError } from '../domain/errors.js';

// C0 controls except \t \n \r, DEL, and (in `u` mode, where a valid pair is one code point)
// any surrogate left on its own.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/u;

export interface ForbiddenCharacter {
  /** 1-based position in UTF-16 code units, as editors and JavaScript count. */
  position: number;
  /** e.g. `U+0000` */
  codePoint: string;
  kind: 'control' | 'surrogate';
}

/** The first character the hub refuses in `value`, if any. */
export function findForbiddenCharacter(value: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN.exec(value);
  if (!match) return undefined;
  const unit = match[0].charCodeAt(0);
  return {
    position: match.index + 1,
    codePoint: `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`,
    kind: unit >= 0xd800 && unit <= 0xdfff ? 'surrogate' : 'control',
  };
}

/**
 * Refuses a string holding a forbidden character as BAD_USER_INPUT / INVALID_CHARACTERS.
 * `field` is the path errors name (the convention of the id decoding); `where` what the
 * message names, when more precise (an item of a list, a key inside a JSON value).
 */
export function checkText(value: string, field: string, where = field): void {
  const found = findForbiddenCharacter(value);
  if (!found) return;
  const subject = where || 'The input';
  const message =
    found.kind === 'control'
      ? `${subject} contains a control character (${found.codePoint}) at position ${found.position}. ` +
        'Remove it: text may hold tabs and line breaks but no other control characters.'
      : `${subject} contains a broken character (a lone UTF-16 surrogate, ${found.codePoint}) at ` +
        `position ${found.position}. Send valid Unicode text.`;
  throw commonError('INVALID_CHARACTERS', message, field || undefined);
}
