import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { CouncilReview } from '../initiative/council-review.entity.js';
import { Initiative } from '../initiative/initiative.entity.js';
import { Milestone } from '../initiative/initiative.enums.js';
import { DeliveryStatus, NotificationKind } from './notification.enums.js';

/**
 * The client-notification outbox. Rows are written in the same transaction as the
 * state change they announce; a delivery process sends them and records the outcome.
 * `dedupeKey` makes the activities that write them idempotent.
 */
const ClientNotificationSchema = defineEntity({
  name: 'ClientNotification',
  tableName: 'client_notification',
  indexes: [{ properties: ['status', 'createdAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    dedupeKey: p.string().length(200).unique(),
    kind: p.enum(() => NotificationKind),
    account: () => p.manyToOne(ClientAccount).index(),
    contact: () => p.manyToOne(Contact).nullable().index(),
    feedbackItem: () => p.manyToOne(FeedbackItem).nullable().index(),
    initiative: () => p.manyToOne(Initiative).nullable().index(),
    /** The "you said, we did" milestone an INITIATIVE_PROGRESS row announces. */
    milestone: p.enum(() => Milestone).nullable(),
    councilReview: () => p.manyToOne(CouncilReview).nullable().index(),
    recipient: p.string().length(320).nullable(),
    locale: p.string().length(8).default('en'),
    subject: p.string().length(300),
    body: p.text(),
    status: p.enum(() => DeliveryStatus).default(DeliveryStatus.PENDING),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    sentAt: p.datetime().nullable(),
    /** The Message-ID header it was sent with (derived from the row id, so a resend repeats it). */
    messageId: p.string().length(300).nullable(),
    /** What the mail server answered on accepting it (e.g. `250 Ok: queued as 4F2A1`). */
    serverResponse: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class ClientNotification extends ClientNotificationSchema.class {}
ClientNotificationSchema.setClass(ClientNotification);
export { ClientNotificationSchema };
