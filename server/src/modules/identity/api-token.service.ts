import { findById, mustFind } from '../../db/lookup.js';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { type TokenScope } from '../../auth/token-scope.js';
import type { Viewer } from '../../auth/viewer.js';
import { User } from '../organisation/user.entity.js';
import { ApiToken } from './api-token.entity.js';
import { identityError } from './identity.errors.js';
import { digest, newSecret } from './secrets.js';
import { SecurityEventKind } from '../audit/security-event.js';

export interface NewApiToken {
  name: string;
  scopes: TokenScope[];
  expiresAt?: Date | null;
}

/** Token use is recorded at most this often per token, so the audit trail stays readable. */
const TOUCH_EVERY_MS = 60_000;
const TOKEN_PREFIX = 'cxt_';
const notFound = (message: string, field: string) =>
  identityError('TOKEN_NOT_FOUND', message, field);

/** Integrators' API tokens: made by a CX admin, shown once, stored hashed, revocable. */
export class ApiTokenService {
  constructor(private readonly ctx: DomainContext) {}

  /** Makes a token; the secret is in the answer and nowhere else, ever. */
  async create(input: NewApiToken): Promise<{ token: ApiToken; secret: string }> {
    const scopes = [...new Set(input.scopes)].sort();
    if (scopes.length === 0) {
      throw identityError('SCOPES_REQUIRED', 'Give the token at least one scope.', 'scopes');
    }
    const now = this.ctx.clock.now();
    if (input.expiresAt && input.expiresAt <= now) {
      throw identityError('EXPIRY_IN_PAST', 'The expiry date must lie in the future.', 'expiresAt');
    }
    const secret = `${TOKEN_PREFIX}${newSecret()}`;
    const token = await this.ctx.em.transactional(async (em) => {
      const creator = this.ctx.viewer.userId
        ? await findById(em, User, this.ctx.viewer.userId)
        : null;
      const row = em.create(ApiToken, {
        name: input.name.trim(),
        prefix: secret.slice(0, 12),
        tokenHash: digest(secret),
        scopes,
        createdBy: creator,
        createdAt: now,
        expiresAt: input.expiresAt ?? null,
      });
      this.ctx.audit.record(em, 'createApiToken', 'ApiToken', row.id, null, {
        name: row.name,
        prefix: row.prefix,
        scopes,
        expiresAt: row.expiresAt?.toISOString() ?? null,
      });
      return row;
    });
    return { token, secret };
  }

  async revoke(id: string): Promise<ApiToken> {
    return this.ctx.em.transactional(async (em) => {
      const token = await mustFind(em, ApiToken, id, 'id', notFound);
      if (token.revokedAt) {
        throw identityError(
          'TOKEN_REVOKED',
          `The token "${token.name}" was revoked already.`,
          'id',
        );
      }
      token.revokedAt = this.ctx.clock.now();
      this.ctx.audit.record(
        em,
        'revokeApiToken',
        'ApiToken',
        token.id,
        { revokedAt: null },
        {
          revokedAt: token.revokedAt.toISOString(),
        },
      );
      return token;
    });
  }

  async get(id: string): Promise<ApiToken | null> {
    return findById(this.ctx.em, ApiToken, id);
  }

  async list(args: PageArgs): Promise<Page<ApiToken>> {
    return paginate(this.ctx.em, ApiToken, {}, args, { createdAt: 'desc' });
  }

  /**
   * The viewer a bearer secret acts as, or null when it is unknown, revoked or expired.
   * Its use is noted (last-used time, an audit event) at most once a minute.
   */
  async authenticate(secret: string): Promise<Viewer | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const token = await this.ctx.em.findOne(ApiToken, { tokenHash: digest(secret) });
    const now = this.ctx.clock.now();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.ctx.em.nativeUpdate(ApiToken, { id: token.id }, { lastUsedAt: now });
      await this.ctx.audit.recordSecurityEvent(SecurityEventKind.TOKEN_USED, { tokenId: token.id });
    }
    return {
      actor: `token:${token.id}`,
      kind: 'token',
      tokenId: token.id,
      scopes: [...token.scopes],
    };
  }
}
