import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { DomainContext } from '../../domain/context.js';
import type { Em } from '../../db/orm.js';
import { findByGlobalId } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import { Touchpoint } from '../journey/touchpoint.entity.js';
import { SurveyCampaign } from '../survey/survey-campaign.entity.js';
import { FeedbackItem } from './feedback-item.entity.js';
import { ClassificationSource, FeedbackStatus } from './feedback.enums.js';
import { User } from '../organisation/user.entity.js';
import { feedbackError } from './feedback.errors.js';
import { feedbackContentViolations, normaliseFeedbackText } from './feedback.rules.js';
import type {
  FeedbackFilter,
  NewContactInput,
  SubmitFeedbackInput,
  UpdateFeedbackInput,
} from './feedback.inputs.js';
import type { FeedbackOrder } from './feedback.types.js';

/** Feedback moves through the loop in this order and never back. */
const STATUS_ORDER = [
  FeedbackStatus.RECEIVED,
  FeedbackStatus.ACKNOWLEDGED,
  FeedbackStatus.IN_ANALYSIS,
  FeedbackStatus.ACTIONED,
  FeedbackStatus.CLOSED,
];

export interface SubmitResult {
  item: FeedbackItem;
  duplicate: boolean;
}

export class FeedbackService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Stores the item in one transaction, then asks Temporal to start its collect
   * workflow. The item is accepted once stored: if Temporal is unreachable the
   * reconciler starts the workflow later, so nothing accepted is lost.
   */
  async submit(input: SubmitFeedbackInput): Promise<SubmitResult> {
    let result: SubmitResult;
    try {
      result = await this.ctx.em.transactional((em) => this.store(em, input));
    } catch (error) {
      // Two concurrent submissions of one external id: the loser returns the winner's item.
      if (error instanceof UniqueConstraintViolationException && input.externalId) {
        const existing = await this.ctx.em
          .fork()
          .findOne(FeedbackItem, { externalId: input.externalId });
        if (existing) return { item: existing, duplicate: true };
      }
      throw error;
    }
    if (!result.duplicate) await this.startWorkflow(result.item);
    return result;
  }

  /** Validates and persists (without flushing) one item: shared by the mutation and bulk import. */
  async store(em: Em, input: SubmitFeedbackInput): Promise<SubmitResult> {
    const accountId = fromGlobalId(input.accountId, 'ClientAccount', 'accountId');
    const text = normaliseFeedbackText(input.text);
    const now = this.ctx.clock.now();
    const [violation] = feedbackContentViolations(input, now);
    if (violation?.reason === 'EMPTY_FEEDBACK' || violation?.reason === 'RECEIVED_IN_FUTURE') {
      throw feedbackError(violation.reason, violation.message, violation.field);
    }
    if (input.externalId) {
      const existing = await em.findOne(FeedbackItem, { externalId: input.externalId });
      if (existing) {
        if (existing.account.id !== accountId) {
          throw feedbackError(
            'EXTERNAL_ID_REUSED',
            `externalId "${input.externalId}" already belongs to feedback of another account.`,
            'externalId',
          );
        }
        return { item: existing, duplicate: true };
      }
    }
    const account = await em.findOne(ClientAccount, { id: accountId });
    if (!account) {
      throw feedbackError(
        'ACCOUNT_NOT_FOUND',
        `No client account with id ${input.accountId}.`,
        'accountId',
      );
    }
    const contact = await this.resolveContact(em, account, input);
    const respondentClass = input.respondentClass ?? contact?.respondentClass ?? null;
    if (contact && input.respondentClass && input.respondentClass !== contact.respondentClass) {
      throw feedbackError(
        'RESPONDENT_CLASS_MISMATCH',
        `The contact is recorded as ${contact.respondentClass}, not ${input.respondentClass}; update the contact first.`,
        'respondentClass',
      );
    }
    const touchpoint = input.touchpointId
      ? await findByGlobalId(
          em,
          Touchpoint,
          input.touchpointId,
          'Touchpoint',
          'touchpointId',
          (message, f) => feedbackError('TOUCHPOINT_NOT_FOUND', message, f),
        )
      : null;
    const campaign = input.campaignId
      ? await findByGlobalId(
          em,
          SurveyCampaign,
          input.campaignId,
          'SurveyCampaign',
          'campaignId',
          (message, f) => feedbackError('CAMPAIGN_NOT_FOUND', message, f),
        )
      : null;
    const item = em.create(FeedbackItem, {
      externalId: input.externalId ?? null,
      account,
      contact,
      respondentClass,
      channel: input.channel,
      npsScore: input.npsScore ?? null,
      csiScore: input.csiScore ?? null,
      cesScore: input.cesScore ?? null,
      text,
      language: input.language ?? null,
      touchpoint,
      campaign,
      complaintClass: input.complaintClass ?? null,
      classificationSource: input.complaintClass ? ClassificationSource.CLIENT : null,
      classifiedAt: input.complaintClass ? now : null,
      receivedAt: input.receivedAt ?? now,
    });
    this.ctx.audit.record(em, 'submitFeedback', 'FeedbackItem', item.id, null, snapshot(item));
    return { item, duplicate: false };
  }

  private async resolveContact(
    em: Em,
    account: ClientAccount,
    input: SubmitFeedbackInput,
  ): Promise<Contact | null> {
    if (input.contactId && input.contact) {
      throw feedbackError(
        'CONTACT_AMBIGUOUS',
        'Give either contactId or contact, not both.',
        'contact',
      );
    }
    if (input.contactId) {
      const contact = await em.findOne(Contact, {
        id: fromGlobalId(input.contactId, 'Contact', 'contactId'),
      });
      if (!contact) {
        throw feedbackError(
          'CONTACT_NOT_FOUND',
          `No contact with id ${input.contactId}.`,
          'contactId',
        );
      }
      if (contact.account.id !== account.id) {
        throw feedbackError(
          'CONTACT_NOT_IN_ACCOUNT',
          'The contact belongs to another account.',
          'contactId',
        );
      }
      return contact;
    }
    return input.contact ? this.matchOrCreateContact(em, account, input.contact) : null;
  }

  private async matchOrCreateContact(
    em: Em,
    account: ClientAccount,
    data: NewContactInput,
  ): Promise<Contact> {
    const email = data.email?.trim().toLowerCase() || null;
    if (email) {
      const known = await em.findOne(Contact, { account, email });
      if (known) return known;
    }
    return em.create(Contact, {
      account,
      name: data.name.trim(),
      email,
      position: data.position ?? null,
      respondentClass: data.respondentClass,
      locale: data.locale ?? 'en',
    });
  }

  /** One Temporal RPC; on failure the item stays pending for the reconciler. */
  private async startWorkflow(item: FeedbackItem): Promise<void> {
    try {
      await this.ctx.deps.collect.startCollect(item.id);
      const startedAt = this.ctx.clock.now();
      await this.ctx.em
        .fork()
        .nativeUpdate(FeedbackItem, { id: item.id }, { workflowStartedAt: startedAt });
      item.workflowStartedAt = startedAt;
    } catch (error) {
      this.ctx.deps.log.warn('Feedback stored; its workflow will be started by the reconciler', {
        feedbackId: item.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** Staff corrections: classification (recorded as STAFF with who and when), touchpoint, status. */
  async update(globalId: string, input: UpdateFeedbackInput): Promise<FeedbackItem> {
    const id = fromGlobalId(globalId, 'FeedbackItem');
    if (Object.values(input).every((v) => v === undefined || v === null)) {
      throw feedbackError('NOTHING_TO_UPDATE', 'Give at least one field to change.', 'input');
    }
    return this.ctx.em.transactional(async (em) => {
      const item = await em.findOne(FeedbackItem, { id });
      if (!item)
        throw feedbackError('FEEDBACK_NOT_FOUND', `No feedback item with id ${globalId}.`, 'id');
      const before = snapshot(item);
      if (input.complaintClass) {
        item.complaintClass = input.complaintClass;
        item.classificationSource = ClassificationSource.STAFF;
        item.classifiedAt = this.ctx.clock.now();
        item.classifiedBy = this.ctx.viewer.userId
          ? em.getReference(User, this.ctx.viewer.userId)
          : null;
      }
      if (input.sentiment) item.sentiment = input.sentiment;
      if (input.touchpointId) {
        item.touchpoint = await findByGlobalId(
          em,
          Touchpoint,
          input.touchpointId,
          'Touchpoint',
          'touchpointId',
          (message, f) => feedbackError('TOUCHPOINT_NOT_FOUND', message, f),
        );
      }
      if (input.status && input.status !== item.status) {
        if (STATUS_ORDER.indexOf(input.status) < STATUS_ORDER.indexOf(item.status)) {
          throw feedbackError(
            'STATUS_BACKWARDS',
            `Feedback that is ${item.status} cannot go back to ${input.status}.`,
            'status',
          );
        }
        item.status = input.status;
      }
      this.ctx.audit.record(em, 'updateFeedback', 'FeedbackItem', item.id, before, snapshot(item));
      return item;
    });
  }

  async get(globalId: string): Promise<FeedbackItem | null> {
    return this.ctx.em.findOne(FeedbackItem, { id: fromGlobalId(globalId, 'FeedbackItem') });
  }

  async list(
    filter: FeedbackFilter | undefined,
    order: FeedbackOrder | undefined,
    args: PageArgs,
  ): Promise<Page<FeedbackItem>> {
    const where: FilterQuery<FeedbackItem> = {};
    if (filter?.accountId)
      where.account = fromGlobalId(filter.accountId, 'ClientAccount', 'filter.accountId');
    if (filter?.contactId)
      where.contact = fromGlobalId(filter.contactId, 'Contact', 'filter.contactId');
    if (filter?.channels?.length) where.channel = { $in: filter.channels };
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.complaintClasses?.length) where.complaintClass = { $in: filter.complaintClasses };
    if (filter?.respondentClasses?.length)
      where.respondentClass = { $in: filter.respondentClasses };
    if (filter?.sentiments?.length) where.sentiment = { $in: filter.sentiments };
    if (filter?.npsAtMost != null) where.npsScore = { $lte: filter.npsAtMost };
    if (filter?.receivedFrom || filter?.receivedTo) {
      where.receivedAt = {
        ...(filter.receivedFrom ? { $gte: filter.receivedFrom } : {}),
        ...(filter.receivedTo ? { $lt: filter.receivedTo } : {}),
      };
    }
    // Keyset cursors cannot order by NULLs portably: sorting by a score lists scored items only.
    if (order?.field === 'npsScore' && where.npsScore === undefined) where.npsScore = { $ne: null };
    const orderBy = order ? { [order.field]: order.direction } : { receivedAt: 'desc' as const };
    return paginate(this.ctx.em, FeedbackItem, where, args, orderBy);
  }
}
