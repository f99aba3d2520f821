import type { FilterQuery } from '@mikro-orm/core';
import type { DomainContext } from '../../domain/context.js';
import { findById, mustFind } from '../../db/lookup.js';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import { FeedbackService } from '../feedback/feedback.service.js';
import { FormbricksIntakeService } from './formbricks-intake.service.js';
import { parseFormbricksEvent, readAnswers } from './formbricks.payload.js';
import { InboundEvent } from './inbound-event.entity.js';
import { InboundEventStatus, type InboundSource } from './inbound.enums.js';
import { inboundError } from './inbound.errors.js';

export interface InboundEventFilter {
  status?: InboundEventStatus | null;
  source?: InboundSource | null;
}

export interface ResolveInboundEvent {
  id: string;
  accountId: string;
  contactId?: string | null;
}

/** Inbound events kept for a person: listed, and resolved into feedback by naming the respondent. */
export class InboundEventService {
  constructor(private readonly ctx: DomainContext) {}

  get(id: string): Promise<InboundEvent | null> {
    return findById(this.ctx.em, InboundEvent, id);
  }

  list(filter: InboundEventFilter | undefined, args: PageArgs): Promise<Page<InboundEvent>> {
    const where: FilterQuery<InboundEvent> = {};
    if (filter?.status) where.status = filter.status;
    if (filter?.source) where.source = filter.source;
    return paginate(this.ctx.em, InboundEvent, where, args, { receivedAt: 'desc' });
  }

  /**
   * Turns a kept response into a feedback item of the account (and contact) a person names,
   * through the same intake as `submitFeedback`; the event is marked resolved in the same
   * transaction, and a second resolution is refused.
   */
  async resolve(input: ResolveInboundEvent): Promise<InboundEvent> {
    const row = await mustFind(this.ctx.em, InboundEvent, input.id, 'id', (message, field) =>
      inboundError('INBOUND_EVENT_NOT_FOUND', message, field),
    );
    if (row.status !== InboundEventStatus.UNRESOLVED) {
      throw inboundError(
        'ALREADY_RESOLVED',
        'This inbound event has already become feedback.',
        'id',
      );
    }
    const event = parseFormbricksEvent(row.payload);
    const intake = this.ctx.service(FormbricksIntakeService);
    const answers = readAnswers(event, this.ctx.deps.config.formbricks.mapping);
    await this.ctx
      .service(FeedbackService)
      .submit(
        intake.feedbackInput(event, answers, input.accountId, input.contactId ?? null),
        (em, result) => intake.markResolved(em, row.externalId, result.item, this.ctx.viewer.actor),
      );
    return this.ctx.em.fork().findOneOrFail(InboundEvent, row.id);
  }
}
