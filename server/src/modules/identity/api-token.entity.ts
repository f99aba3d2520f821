import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import type { TokenScope } from '../../auth/token-scope.js';
import { User } from '../organisation/user.entity.js';

/**
 * An integrator's API token. The secret is shown once, when it is made; only its SHA-256 is
 * kept (the secret is 256 random bits, so a fast hash suffices). The prefix identifies it in lists.
 */
const ApiTokenSchema = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    name: p.string().length(200),
    /** The first characters of the secret, e.g. `cxt_3f9a1c…`, to recognise it. */
    prefix: p.string().length(16),
    tokenHash: p.string().length(64).unique(),
    scopes: p.json<TokenScope[]>(),
    createdBy: () => p.manyToOne(User).nullable(),
    createdAt: p.datetime(),
    expiresAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export class ApiToken extends ApiTokenSchema.class {}
ApiTokenSchema.setClass(ApiToken);
export { ApiTokenSchema };
