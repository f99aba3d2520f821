import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { InboundEventStatus, InboundSource } from './inbound.enums.js';

/**
 * A delivery from an outside tool (a Formbricks survey response) that could not be mapped to an
 * account and contact. It is kept, never dropped, until a person resolves it; one row per
 * source and external id, so re-deliveries refresh the payload instead of adding rows.
 */
const InboundEventSchema = defineEntity({
  name: 'InboundEvent',
  tableName: 'inbound_event',
  uniques: [{ properties: ['source', 'externalId'] }],
  indexes: [{ properties: ['status', 'receivedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    source: p.enum(() => InboundSource),
    /** The source's own id of the thing delivered (the Formbricks response id). */
    externalId: p.string().length(200),
    /** The last event type delivered (`responseCreated`, `responseUpdated`, `responseFinished`). */
    eventType: p.string().length(40),
    /** The last payload delivered, as received. */
    payload: p.json<Record<string, unknown>>(),
    /** Why it could not be mapped, in words a person understands. */
    reason: p.text(),
    status: p.enum(() => InboundEventStatus).default(InboundEventStatus.UNRESOLVED),
    feedbackItem: () => p.manyToOne(FeedbackItem).nullable(),
    receivedAt: p.datetime().onCreate(() => new Date()),
    resolvedAt: p.datetime().nullable(),
    /** The actor who resolved it (`user:<id>`, or `formbricks` when a later delivery mapped). */
    resolvedBy: p.string().length(80).nullable(),
  },
});
export class InboundEvent extends InboundEventSchema.class {}
InboundEventSchema.setClass(InboundEvent);
export { InboundEventSchema };
