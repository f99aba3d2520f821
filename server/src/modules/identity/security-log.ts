import type { DomainContext } from '../../domain/context.js';

/**
 * Security events (sign-in, sign-out, token use, refused access) in the audit trail. Each is
 * written in a transaction of its own, so a refused request still leaves its trace.
 */
export class SecurityLog {
  constructor(private readonly ctx: DomainContext) {}

  async record(
    action: string,
    entityType: string,
    entityId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    const em = this.ctx.em.fork();
    await em.transactional(async (tx) => {
      this.ctx.withEm(tx).audit.record(tx, action, entityType, entityId, null, detail);
    });
  }
}
