import type { FilterQuery } from '@mikro-orm/core';
import { paginate } from '../../db/paginate.js';
import type { RequestContext } from '../../graphql/context.js';
import { fromGlobalId, type ConnectionArgs, type Page } from '../../graphql/relay.js';
import { ClientNotification } from './client-notification.entity.js';
import type { ClientNotificationFilter } from './notification.inputs.js';

/** Reads of the client-notification outbox (rows are written by the workflows' activities). */
export class NotificationService {
  constructor(private readonly ctx: RequestContext) {}

  async get(globalId: string): Promise<ClientNotification | null> {
    return this.ctx.em.findOne(ClientNotification, {
      id: fromGlobalId(globalId, 'ClientNotification'),
    });
  }

  async list(
    filter: ClientNotificationFilter | undefined,
    args: ConnectionArgs,
  ): Promise<Page<ClientNotification>> {
    const where: FilterQuery<ClientNotification> = {};
    if (filter?.accountId)
      where.account = fromGlobalId(filter.accountId, 'ClientAccount', 'filter.accountId');
    if (filter?.feedbackItemId) {
      where.feedbackItem = fromGlobalId(
        filter.feedbackItemId,
        'FeedbackItem',
        'filter.feedbackItemId',
      );
    }
    if (filter?.initiativeId)
      where.initiative = fromGlobalId(filter.initiativeId, 'Initiative', 'filter.initiativeId');
    if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    return paginate(this.ctx.em, ClientNotification, where, args, { createdAt: 'desc' });
  }
}
