import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { User } from '../organisation/user.entity.js';

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a
 * leaked table signs nobody in. The CSRF token the page sends back is stored hashed too.
 */
const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    tokenHash: p.string().length(64).unique(),
    csrfHash: p.string().length(64),
    user: () => p.manyToOne(User).index(),
    createdAt: p.datetime(),
    lastSeenAt: p.datetime(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    userAgent: p.string().length(300).nullable(),
  },
});
export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);
export { SessionSchema };
