import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { DomainContext } from '../../domain/context.js';
import { findById, mustFind, type NotFound } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import { Touchpoint } from '../journey/touchpoint.entity.js';
import { SurveyCampaign } from '../survey/survey-campaign.entity.js';
import { invitationAnswered, markAnswered } from '../survey/survey-answer.js';
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
import { analyseFilters } from '../analyse/feedback-filters.js';
import { recordCorrection } from '../classification/correction.record.js';

/** Feedback moves through the loop in this order and never back. */
const STATUS_ORDER = [
  FeedbackStatus.RECEIVED,
  FeedbackStatus.ACKNOWLEDGED,
  FeedbackStatus.IN_ANALYSIS,
  FeedbackStatus.ACTIONED,
  FeedbackStatus.CLOSED,
];

const notFound =
  (
    reason:
      | 'ACCOUNT_NOT_FOUND'
      | 'CONTACT_NOT_FOUND'
      | 'TOUCHPOINT_NOT_FOUND'
      | 'CAMPAIGN_NOT_FOUND'
      | 'FEEDBACK_NOT_FOUND',
  ): NotFound =>
  (message, field) =>
    feedbackError(reason, message, field);

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
  async submit(
    input: SubmitFeedbackInput,
    /** Further writes that must commit with the item or not at all (e.g. an inbound event resolved). */
    alongside?: (em: Em, result: SubmitResult) => Promise<void>,
  ): Promise<SubmitResult> {
    let result: SubmitResult;
    try {
      result = await this.ctx.em.transactional(async (em) => {
        const stored = await this.store(em, input);
        if (alongside) await alongside(em, stored);
        return stored;
      });
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
    const { accountId } = input;
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
    const account = await mustFind(
      em,
      ClientAccount,
      accountId,
      'accountId',
      notFound('ACCOUNT_NOT_FOUND'),
    );
    // An answer to a survey invitation: its contact and campaign come from the invitation.
    const invitation = input.invitationId
      ? await invitationAnswered(em, {
          invitationId: input.invitationId,
          accountId: account.id,
          contactId: input.contactId,
          campaignId: input.campaignId,
          newContact: input.contact != null,
        })
      : null;
    const contact = (await this.resolveContact(em, account, input)) ?? invitation?.contact ?? null;
    const respondentClass = input.respondentClass ?? contact?.respondentClass ?? null;
    if (contact && input.respondentClass && input.respondentClass !== contact.respondentClass) {
      throw feedbackError(
        'RESPONDENT_CLASS_MISMATCH',
        `The contact is recorded as ${contact.respondentClass}, not ${input.respondentClass}; update the contact first.`,
        'respondentClass',
      );
    }
    const touchpoint = input.touchpointId
      ? await mustFind(em, Touchpoint, input.touchpointId, 'touchpointId', (message, f) =>
          feedbackError('TOUCHPOINT_NOT_FOUND', message, f),
        )
      : null;
    const campaign = invitation
      ? invitation.campaign
      : input.campaignId
        ? await mustFind(em, SurveyCampaign, input.campaignId, 'campaignId', (message, f) =>
            feedbackError('CAMPAIGN_NOT_FOUND', message, f),
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
    if (invitation) markAnswered(invitation, item);
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
      const contact = await mustFind(
        em,
        Contact,
        input.contactId,
        'contactId',
        notFound('CONTACT_NOT_FOUND'),
      );
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
  async update(id: string, input: UpdateFeedbackInput): Promise<FeedbackItem> {
    if (Object.values(input).every((v) => v === undefined || v === null)) {
      throw feedbackError('NOTHING_TO_UPDATE', 'Give at least one field to change.', 'input');
    }
    return this.ctx.em.transactional(async (em) => {
      const item = await mustFind(em, FeedbackItem, id, 'id', notFound('FEEDBACK_NOT_FOUND'));
      const before = snapshot(item);
      const labelsBefore = {
        complaintClass: item.complaintClass ?? null,
        classificationSource: item.classificationSource ?? null,
        sentiment: item.sentiment ?? null,
      };
      if (input.complaintClass) {
        item.complaintClass = input.complaintClass;
        item.classificationSource = ClassificationSource.STAFF;
        item.classifiedAt = this.ctx.clock.now();
        item.classifiedBy = this.ctx.viewer.userId
          ? em.getReference(User, this.ctx.viewer.userId)
          : null;
      }
      if (input.sentiment) {
        item.sentiment = input.sentiment;
        item.sentimentSource = ClassificationSource.STAFF;
      }
      if (input.touchpointId) {
        item.touchpoint = await mustFind(
          em,
          Touchpoint,
          input.touchpointId,
          'touchpointId',
          notFound('TOUCHPOINT_NOT_FOUND'),
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
      recordCorrection(this.ctx, em, item, labelsBefore, {
        complaintClass: Boolean(input.complaintClass),
        sentiment: Boolean(input.sentiment),
      });
      this.ctx.audit.record(em, 'updateFeedback', 'FeedbackItem', item.id, before, snapshot(item));
      return item;
    });
  }

  async get(id: string): Promise<FeedbackItem | null> {
    return findById(this.ctx.em, FeedbackItem, id);
  }

  async list(
    filter: FeedbackFilter | undefined,
    order: FeedbackOrder | undefined,
    args: PageArgs,
  ): Promise<Page<FeedbackItem>> {
    const where: FilterQuery<FeedbackItem> = {};
    if (filter?.accountId) where.account = filter.accountId;
    if (filter?.contactId) where.contact = filter.contactId;
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
    Object.assign(where, analyseFilters(filter, where));
    // Keyset cursors cannot order by NULLs portably: sorting by a score lists scored items only.
    if (order?.field === 'npsScore' && where.npsScore === undefined) where.npsScore = { $ne: null };
    const orderBy = order ? { [order.field]: order.direction } : { receivedAt: 'desc' as const };
    return paginate(this.ctx.em, FeedbackItem, where, args, orderBy);
  }
}
