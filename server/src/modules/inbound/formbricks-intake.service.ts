import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { DomainContext } from '../../domain/context.js';
import type { Em } from '../../db/orm.js';
import { snapshot } from '../audit/audit.service.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackChannel } from '../feedback/feedback.enums.js';
import { FEEDBACK_LANGUAGES, MAX_FEEDBACK_TEXT } from '../feedback/feedback.rules.js';
import { FeedbackService } from '../feedback/feedback.service.js';
import type { SubmitFeedbackInput } from '../feedback/feedback.inputs.js';
import { findRespondent, type IdDecoder } from './formbricks-respondent.js';
import { readAnswers, type FormbricksAnswers, type FormbricksEvent } from './formbricks.payload.js';
import { InboundEvent } from './inbound-event.entity.js';
import { InboundEventStatus, InboundSource } from './inbound.enums.js';

/** What became of one delivery. */
export type IntakeOutcome =
  | { outcome: 'CREATED' | 'DUPLICATE' | 'COMPLETED'; feedbackItemId: string }
  | { outcome: 'UNRESOLVED'; inboundEventId: string }
  | { outcome: 'WAITING' };

/** The feedback item's external id for a Formbricks response: one item per response. */
export const formbricksExternalId = (responseId: string) => `formbricks:${responseId}`;

/**
 * Formbricks responses in: each becomes one feedback item through the same intake as
 * `submitFeedback` (idempotent by response id), or is kept as an inbound event for a person.
 */
export class FormbricksIntakeService {
  constructor(private readonly ctx: DomainContext) {}

  private get mapping() {
    return this.ctx.deps.config.formbricks.mapping;
  }

  async receive(event: FormbricksEvent, decode: IdDecoder): Promise<IntakeOutcome> {
    const answers = readAnswers(event, this.mapping);
    const externalId = formbricksExternalId(event.response.id);
    const existing = await this.ctx.em.fork().findOne(FeedbackItem, { externalId });
    if (existing) return this.complete(existing.id, answers);
    const empty = answers.npsScore === null && answers.csiScore === null && !answers.text;
    // A response just started: the next event (updated, finished) brings the answers.
    if (empty && !event.response.finished) return { outcome: 'WAITING' };
    const respondent = await findRespondent(this.ctx.em.fork(), answers, decode);
    if (!respondent.mapped || empty || answers.problems.length) {
      const reasons = [
        ...(respondent.mapped ? [] : [respondent.reason]),
        ...answers.problems,
        ...(empty
          ? ['The response answers none of the mapped questions (CX_FORMBRICKS_MAPPING).']
          : []),
      ];
      return { outcome: 'UNRESOLVED', inboundEventId: await this.keep(event, reasons.join(' ')) };
    }
    const { item, duplicate } = await this.ctx
      .service(FeedbackService)
      .submit(
        this.feedbackInput(event, answers, respondent.accountId, respondent.contactId),
        (em, result) =>
          this.markResolved(em, event.response.id, result.item, 'integration:formbricks'),
      );
    return duplicate
      ? this.complete(item.id, answers)
      : { outcome: 'CREATED', feedbackItemId: item.id };
  }

  feedbackInput(
    event: FormbricksEvent,
    answers: FormbricksAnswers,
    accountId: string,
    contactId: string | null,
  ): SubmitFeedbackInput {
    const now = this.ctx.clock.now();
    const created = event.response.createdAt;
    const language = event.response.language;
    return {
      accountId,
      contactId,
      channel: FeedbackChannel.SURVEY,
      npsScore: answers.npsScore,
      csiScore: answers.csiScore,
      text: answers.text?.slice(0, MAX_FEEDBACK_TEXT) ?? null,
      language: language && FEEDBACK_LANGUAGES.includes(language) ? language : null,
      externalId: formbricksExternalId(event.response.id),
      // Formbricks' clock may run ahead of ours; the answer cannot be received later than now.
      receivedAt: created && created < now ? created : now,
    };
  }

  /**
   * A later event of a response already received: answers that were still empty are filled in
   * (a response is created after its first question); nothing given before is overwritten.
   */
  private async complete(id: string, answers: FormbricksAnswers): Promise<IntakeOutcome> {
    const changed = await this.ctx.em.fork().transactional(async (em) => {
      const item = await em.findOneOrFail(FeedbackItem, id);
      const before = snapshot(item);
      let touched = false;
      if (item.npsScore == null && answers.npsScore !== null) {
        item.npsScore = answers.npsScore;
        touched = true;
      }
      if (item.csiScore == null && answers.csiScore !== null) {
        item.csiScore = answers.csiScore;
        touched = true;
      }
      if (!item.text && answers.text) {
        item.text = answers.text.slice(0, MAX_FEEDBACK_TEXT);
        touched = true;
      }
      if (touched) {
        this.ctx.audit.record(
          em,
          'completeFeedbackFromFormbricks',
          'FeedbackItem',
          item.id,
          before,
          snapshot(item),
        );
      }
      return touched;
    });
    return { outcome: changed ? 'COMPLETED' : 'DUPLICATE', feedbackItemId: id };
  }

  /** Keeps (or refreshes) the unmappable response for a person; one row per response. */
  private async keep(event: FormbricksEvent, reason: string): Promise<string> {
    const write = () =>
      this.ctx.em.fork().transactional(async (em) => {
        const where = { source: InboundSource.FORMBRICKS, externalId: event.response.id };
        let row = await em.findOne(InboundEvent, where);
        const before = row ? snapshot(row) : null;
        if (row) {
          Object.assign(row, { eventType: event.event, payload: event.raw, reason });
        } else {
          row = em.create(InboundEvent, {
            ...where,
            eventType: event.event,
            payload: event.raw,
            reason,
          });
        }
        this.ctx.audit.record(
          em,
          'receiveInboundEvent',
          'InboundEvent',
          row.id,
          before,
          snapshot(row),
        );
        return row.id;
      });
    try {
      return await write();
    } catch (error) {
      // Two deliveries of one response at once: the loser refreshes the winner's row.
      if (error instanceof UniqueConstraintViolationException) return write();
      throw error;
    }
  }

  /** Marks the response's kept inbound event (if any) resolved by `item`, in the item's transaction. */
  async markResolved(em: Em, responseId: string, item: FeedbackItem, by: string): Promise<void> {
    const row = await em.findOne(InboundEvent, {
      source: InboundSource.FORMBRICKS,
      externalId: responseId,
      status: InboundEventStatus.UNRESOLVED,
    });
    if (!row) return;
    const before = snapshot(row);
    Object.assign(row, {
      status: InboundEventStatus.RESOLVED,
      feedbackItem: item,
      resolvedAt: this.ctx.clock.now(),
      resolvedBy: by,
    });
    this.ctx.audit.record(em, 'resolveInboundEvent', 'InboundEvent', row.id, before, snapshot(row));
  }
}
