import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { AdvisoryCouncil } from '../client/advisory-council.entity.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { CouncilReview } from './council-review.entity.js';
import type { Initiative } from './initiative.entity.js';
import { CouncilDecision, InitiativeStatus, ProcessGroup } from './initiative.enums.js';
import { initiativeError, initiativeNotFound } from './initiative.errors.js';
import { assertNotFinished, loadForChange } from './initiative.load.js';
import type { CouncilReviewFilter, DecideCouncilReviewInput } from './task.inputs.js';

export class CouncilReviewService {
  constructor(private readonly ctx: DomainContext) {}

  /** Asks a council concerned by a client-visible initiative to review its current revision. */
  async request(initiativeId: string, councilId: string): Promise<CouncilReview> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, initiativeId, 'initiativeId');
      const council = await mustFind(
        em,
        AdvisoryCouncil,
        councilId,
        'councilId',
        initiativeNotFound('COUNCIL_NOT_FOUND'),
        { populate: ['accounts'] },
      );
      assertNotFinished(initiative);
      if (!initiative.clientVisible) {
        throw initiativeError(
          'NOT_CLIENT_VISIBLE',
          `Initiative ${initiative.code} is internal; only client-visible initiatives go to an advisory council.`,
          'initiativeId',
        );
      }
      const councilAccounts = new Set(council.accounts.getItems().map((a) => a.id));
      if (!initiative.affectedAccounts.getItems().some((a) => councilAccounts.has(a.id))) {
        throw initiativeError(
          'COUNCIL_NOT_CONCERNED',
          `None of the accounts affected by initiative ${initiative.code} sits on the council ${council.name}.`,
          'councilId',
        );
      }
      const existing = await em.findOne(CouncilReview, {
        initiative,
        council,
        revision: initiative.revision,
      });
      if (existing) {
        const state =
          existing.decision === CouncilDecision.PENDING
            ? 'is already pending'
            : `was already decided (${existing.decision})`;
        throw initiativeError(
          'REVIEW_EXISTS',
          `A review of revision ${initiative.revision} of ${initiative.code} by ${council.name} ${state}.`,
        );
      }
      const review = em.create(CouncilReview, {
        initiative,
        council,
        revision: initiative.revision,
      });
      const before = initiative.status;
      initiative.status = InitiativeStatus.AWAITING_COUNCIL;
      const audit = this.ctx.audit;
      audit.record(em, 'requestCouncilReview', 'CouncilReview', review.id, null, snapshot(review));
      if (before !== initiative.status) {
        audit.record(
          em,
          'awaitCouncil',
          'Initiative',
          initiative.id,
          { status: before },
          { status: initiative.status },
        );
      }
      return review;
    });
  }

  async decide(id: string, input: DecideCouncilReviewInput): Promise<CouncilReview> {
    if (input.decision === CouncilDecision.PENDING) {
      throw initiativeError(
        'INVALID_DECISION',
        'A decision is APPROVED or CHANGES_REQUESTED, not PENDING.',
        'decision',
      );
    }
    const comments = input.comments?.trim() || null;
    if (input.decision === CouncilDecision.CHANGES_REQUESTED && !comments) {
      throw initiativeError(
        'COMMENTS_REQUIRED',
        'Requesting changes needs comments saying which changes.',
        'comments',
      );
    }
    return this.ctx.em.transactional(async (em) => {
      const review = await mustFind(
        em,
        CouncilReview,
        id,
        'id',
        initiativeNotFound('REVIEW_NOT_FOUND'),
        { populate: ['council', 'initiative'] },
      );
      if (review.decision !== CouncilDecision.PENDING) {
        throw initiativeError(
          'REVIEW_DECIDED',
          `This review was already decided (${review.decision}); request a new review for a new revision.`,
        );
      }
      const member = await mustFind(
        em,
        CouncilMember,
        input.decidedByMemberId,
        'decidedByMemberId',
        initiativeNotFound('MEMBER_NOT_FOUND'),
      );
      if (member.council.id !== review.council.id) {
        throw initiativeError(
          'MEMBER_NOT_IN_COUNCIL',
          `The member does not sit on the council ${review.council.name}, so cannot decide its review.`,
          'decidedByMemberId',
        );
      }
      const before = snapshot(review);
      review.decision = input.decision;
      review.comments = comments;
      review.decidedBy = member;
      review.decidedAt = this.ctx.clock.now();
      const audit = this.ctx.audit;
      audit.record(em, 'decideCouncilReview', 'CouncilReview', review.id, before, snapshot(review));
      await this.releaseInitiative(em, review.initiative, review.id);
      return review;
    });
  }

  /** Once no review of the initiative is pending it stops awaiting the council. */
  private async releaseInitiative(
    em: Em,
    initiative: Initiative,
    decidedId: string,
  ): Promise<void> {
    if (initiative.status !== InitiativeStatus.AWAITING_COUNCIL) return;
    const pending = await em.count(CouncilReview, {
      initiative,
      decision: CouncilDecision.PENDING,
      id: { $ne: decidedId },
    });
    if (pending > 0) return;
    const early =
      initiative.processGroup === ProcessGroup.COLLECT ||
      initiative.processGroup === ProcessGroup.ANALYSE;
    initiative.status =
      early && !initiative.startedAt ? InitiativeStatus.PROPOSED : InitiativeStatus.ACTIVE;
    this.ctx.audit.record(
      em,
      'councilReviewed',
      'Initiative',
      initiative.id,
      { status: InitiativeStatus.AWAITING_COUNCIL },
      { status: initiative.status },
    );
  }

  async get(id: string): Promise<CouncilReview | null> {
    return findById(this.ctx.em, CouncilReview, id);
  }

  async list(
    filter: CouncilReviewFilter | undefined,
    args: PageArgs,
  ): Promise<Page<CouncilReview>> {
    const where: FilterQuery<CouncilReview> = {};
    if (filter?.initiativeId) where.initiative = filter.initiativeId;
    if (filter?.councilId) where.council = filter.councilId;
    if (filter?.decisions?.length) where.decision = { $in: filter.decisions };
    return paginate(this.ctx.em, CouncilReview, where, args, { createdAt: 'desc' });
  }
}
