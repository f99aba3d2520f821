import type { EntityData, FilterQuery } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { Initiative } from '../initiative/initiative.entity.js';
import { ClientNotification } from './client-notification.entity.js';
import { DeliveryStatus, NotificationKind } from './notification.enums.js';
import { notificationError } from './notification.errors.js';
import type {
  ClientNotificationFilter,
  QueueClientNotificationInput,
} from './notification.inputs.js';

const notFound =
  (
    reason:
      | 'ACCOUNT_NOT_FOUND'
      | 'CONTACT_NOT_FOUND'
      | 'FEEDBACK_NOT_FOUND'
      | 'INITIATIVE_NOT_FOUND'
      | 'NOTIFICATION_NOT_FOUND',
  ) =>
  (message: string, field: string) =>
    notificationError(reason, message, field);

/**
 * The client-notification outbox: reads, manual messages from the CX office, and the
 * operator's cancel/retry. Automatic rows are written by the workflows' activities.
 */
export class NotificationService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<ClientNotification | null> {
    return findById(this.ctx.em, ClientNotification, id);
  }

  async list(
    filter: ClientNotificationFilter | undefined,
    args: PageArgs,
  ): Promise<Page<ClientNotification>> {
    const where: FilterQuery<ClientNotification> = {};
    if (filter?.accountId) where.account = filter.accountId;
    if (filter?.feedbackItemId) {
      where.feedbackItem = filter.feedbackItemId;
    }
    if (filter?.initiativeId) where.initiative = filter.initiativeId;
    if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    return paginate(this.ctx.em, ClientNotification, where, args, { createdAt: 'desc' });
  }

  /** A manual message: PENDING for delivery, or SKIPPED when there is no e-mail to send it to. */
  async queue(input: QueueClientNotificationInput): Promise<ClientNotification> {
    const kind = input.kind ?? NotificationKind.INITIATIVE_PROGRESS;
    if (kind === NotificationKind.FEEDBACK_ACKNOWLEDGEMENT) {
      throw notificationError(
        'KIND_RESERVED',
        'Feedback acknowledgements are sent by the collect workflow; choose another kind.',
        'kind',
      );
    }
    return this.ctx.em.transactional(async (em) => {
      const account = await mustFind(
        em,
        ClientAccount,
        input.accountId,
        'accountId',
        notFound('ACCOUNT_NOT_FOUND'),
      );
      const contact = input.contactId ? await this.contactOf(em, account, input.contactId) : null;
      const feedbackItem = input.feedbackItemId
        ? await this.feedbackOf(em, account, input.feedbackItemId)
        : null;
      const initiative = input.initiativeId
        ? await this.initiativeFor(em, account, input.initiativeId)
        : null;
      const recipient = contact?.email ?? null;
      const notification = em.create(ClientNotification, {
        dedupeKey: `manual:${uuidv7()}`,
        kind,
        account,
        contact,
        feedbackItem,
        initiative,
        recipient,
        locale: input.locale ?? (contact?.locale === 'ru' ? 'ru' : 'en'),
        subject: input.subject.trim(),
        body: input.body.trim(),
        status: recipient ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
        lastError: recipient ? null : 'No e-mail address to deliver to.',
      });
      this.ctx.audit.record(
        em,
        'queueClientNotification',
        'ClientNotification',
        notification.id,
        null,
        snapshot(notification),
      );
      return notification;
    });
  }

  /** Withdraws a message that has not gone out yet. */
  async cancel(id: string): Promise<ClientNotification> {
    return this.transition(id, 'cancelClientNotification', DeliveryStatus.PENDING, {
      status: DeliveryStatus.SKIPPED,
      lastError: 'Cancelled before delivery.',
    });
  }

  /** Puts a failed message back in the queue; its attempt count is kept. */
  async retry(id: string): Promise<ClientNotification> {
    return this.transition(id, 'retryClientNotification', DeliveryStatus.FAILED, {
      status: DeliveryStatus.PENDING,
    });
  }

  /**
   * Moves a notification from `from` to the state in `patch`. The update is guarded by the
   * status it read, so a delivery that changes the row meanwhile makes this a CONFLICT
   * instead of being overwritten.
   */
  private async transition(
    id: string,
    action: 'cancelClientNotification' | 'retryClientNotification',
    from: DeliveryStatus,
    patch: EntityData<ClientNotification>,
  ): Promise<ClientNotification> {
    return this.ctx.em.transactional(async (em) => {
      const notification = await mustFind(
        em,
        ClientNotification,
        id,
        'id',
        notFound('NOTIFICATION_NOT_FOUND'),
      );
      const before = snapshot(notification);
      const won =
        notification.status === from &&
        (await em.nativeUpdate(
          ClientNotification,
          { id: notification.id, status: from },
          { ...patch, updatedAt: this.ctx.clock.now() },
        )) > 0;
      // Re-read either way: after our update, or to name the status a concurrent change left.
      await em.refresh(notification);
      if (!won) throw refusal(action, notification.status);
      this.ctx.audit.record(
        em,
        action,
        'ClientNotification',
        notification.id,
        before,
        snapshot(notification),
      );
      return notification;
    });
  }

  private async contactOf(em: Em, account: ClientAccount, id: string): Promise<Contact> {
    const contact = await mustFind(em, Contact, id, 'contactId', notFound('CONTACT_NOT_FOUND'));
    if (contact.account.id !== account.id) {
      throw notificationError(
        'CONTACT_NOT_IN_ACCOUNT',
        `The contact belongs to another account than ${account.name}.`,
        'contactId',
      );
    }
    return contact;
  }

  private async feedbackOf(em: Em, account: ClientAccount, id: string): Promise<FeedbackItem> {
    const item = await mustFind(
      em,
      FeedbackItem,
      id,
      'feedbackItemId',
      notFound('FEEDBACK_NOT_FOUND'),
    );
    if (item.account.id !== account.id) {
      throw notificationError(
        'FEEDBACK_NOT_OF_ACCOUNT',
        `The feedback item was given by another account than ${account.name}.`,
        'feedbackItemId',
      );
    }
    return item;
  }

  private async initiativeFor(em: Em, account: ClientAccount, id: string): Promise<Initiative> {
    const initiative = await mustFind(
      em,
      Initiative,
      id,
      'initiativeId',
      notFound('INITIATIVE_NOT_FOUND'),
    );
    if (!(await em.count(Initiative, { id: initiative.id, affectedAccounts: account.id }))) {
      throw notificationError(
        'INITIATIVE_NOT_FOR_ACCOUNT',
        `Initiative ${initiative.code} does not list ${account.name} among its affected accounts.`,
        'initiativeId',
      );
    }
    return initiative;
  }
}

function refusal(action: string, status: DeliveryStatus) {
  const now = status.toLowerCase();
  return action === 'cancelClientNotification'
    ? notificationError(
        'NOT_PENDING',
        `Only a pending notification can be cancelled; this one is ${now}.`,
        'id',
      )
    : notificationError(
        'NOT_FAILED',
        `Only a failed notification can be retried; this one is ${now}.`,
        'id',
      );
}
