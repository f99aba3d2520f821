import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from '../client/client-account.entity.js';
import type { RecordTriggerEventInput } from './survey-dispatch.inputs.js';
import { SurveyTriggerEvent } from './survey-trigger-event.entity.js';
import { surveyError } from './survey.errors.js';

export interface RecordedTriggerEvent {
  event: SurveyTriggerEvent;
  /** True when the external id was reported before: nothing new was written. */
  duplicate: boolean;
}

/** Trigger events: stored once per external id, then their dispatch workflow is started. */
export class TriggerEventService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Stores the event with its audit row in one transaction; only after the commit starts its
   * dispatch workflow (one per event, ever). If Temporal is unreachable the event is still
   * recorded and the reconciler starts the dispatch later.
   */
  async record(input: RecordTriggerEventInput): Promise<RecordedTriggerEvent> {
    const externalId = input.externalId.trim();
    if (!externalId) {
      throw surveyError('EXTERNAL_ID_BLANK', 'externalId must not be blank.', 'externalId');
    }
    if (input.occurredAt.getTime() > this.ctx.clock.now().getTime()) {
      throw surveyError(
        'EVENT_IN_FUTURE',
        'occurredAt is in the future; report an event once it has happened.',
        'occurredAt',
      );
    }
    let result: RecordedTriggerEvent;
    try {
      result = await this.ctx.em.transactional((em) => this.store(em, input, externalId));
    } catch (error) {
      // Two concurrent reports of one external id: the loser answers the winner's event.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const existing = await this.ctx.em.fork().findOne(SurveyTriggerEvent, { externalId });
      if (!existing) throw error;
      result = { event: existing, duplicate: true };
    }
    if (!result.event.workflowStartedAt) await this.startDispatch(result.event);
    return result;
  }

  private async store(
    em: Em,
    input: RecordTriggerEventInput,
    externalId: string,
  ): Promise<RecordedTriggerEvent> {
    const existing = await em.findOne(SurveyTriggerEvent, { externalId });
    if (existing) {
      if (existing.account.id !== input.accountId || existing.type !== input.type) {
        throw surveyError(
          'EXTERNAL_ID_REUSED',
          `externalId "${externalId}" already names another event (another account or type).`,
          'externalId',
        );
      }
      return { event: existing, duplicate: true };
    }
    const account = await mustFind(em, ClientAccount, input.accountId, 'accountId', (m, f) =>
      surveyError('ACCOUNT_NOT_FOUND', m, f),
    );
    const event = em.create(SurveyTriggerEvent, {
      externalId,
      account,
      type: input.type,
      occurredAt: input.occurredAt,
      recordedAt: this.ctx.clock.now(),
    });
    this.ctx.audit.record(
      em,
      'recordTriggerEvent',
      'SurveyTriggerEvent',
      event.id,
      null,
      snapshot(event),
    );
    return { event, duplicate: false };
  }

  private async startDispatch(event: SurveyTriggerEvent): Promise<void> {
    const surveys = this.ctx.deps.surveys;
    if (!surveys) return;
    try {
      await surveys.startTriggerDispatch(event.id);
      event.workflowStartedAt = this.ctx.clock.now();
      await this.ctx.em.nativeUpdate(
        SurveyTriggerEvent,
        { id: event.id, workflowStartedAt: null },
        { workflowStartedAt: event.workflowStartedAt },
      );
    } catch (err) {
      this.ctx.deps.log.warn(
        `Trigger event ${event.id} recorded; its dispatch starts on the reconciler's next pass: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
