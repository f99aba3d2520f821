import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditEventFilter, toAuditEventQuery } from './audit.inputs.js';
import { AuditEventConnection, AuditEventType, toAuditEventType } from './audit.types.js';

registerNodeType('AuditEvent', async (ctx, id) => {
  const e = await entityById(ctx, AuditEvent).load(id);
  return e ? toAuditEventType(e) : null;
});

// Readable by CX admins only (server/src/auth/operation-rules.ts and the AuditEvent row scope).
@Resolver(() => AuditEventType)
export class AuditResolver {
  @Query(() => AuditEventType, { nullable: true })
  async auditEvent(
    @IdArg('id', 'AuditEvent') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEventType | null> {
    const e = await ctx.service(AuditLogService).get(id);
    return e ? toAuditEventType(e) : null;
  }

  @Query(() => AuditEventConnection, {
    description: 'The audit trail, newest first. CX admins only.',
  })
  async auditEvents(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEventConnection> {
    return mapPage(
      await ctx.service(AuditLogService).list(toAuditEventQuery(filter), args),
      toAuditEventType,
    );
  }
}
