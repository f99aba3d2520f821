import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import type { DecideReviewCommand } from '../../../../workflows/contracts/initiative.contract.js';
import { checkCommand } from '../../../../workflows/contracts/initiative.rules.js';
import { snapshot } from '../audit/audit.service.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { InboxService } from '../inbox/inbox.service.js';
import { CouncilReview } from './council-review.entity.js';
import type { Initiative } from './initiative.entity.js';
import {
  CouncilDecision,
  InboxKind,
  InitiativeStatus,
  Milestone,
  ProcessGroup,
  RevisionOrigin,
} from './initiative.enums.js';
import { initiativeError, initiativeNotFound, refuseIf } from './initiative.errors.js';
import { initiativeSnapshot, loadForChange } from './initiative.load.js';
import { openRevision } from './initiative.revisions.js';
import { snapshotOf } from './initiative.snapshot.js';
import { MilestoneService } from './milestone.service.js';
import type { CouncilReviewFilter } from './task.inputs.js';

/**
 * Council decisions (the correct process group): CHANGES_REQUESTED opens the next revision
 * with the comments as its brief; APPROVED lets the initiative close. Requests are
 * `CouncilRequestService`'s.
 */
export class CouncilReviewService {
  constructor(private readonly ctx: DomainContext) {}

  async decide(reviewId: string, command: DecideReviewCommand): Promise<CouncilReview> {
    return this.ctx.em.transactional(async (em) => {
      const review = await this.pendingOf(em, reviewId);
      const initiative = await loadForChange(em, review.initiative.id);
      const member = await mustFind(
        em,
        CouncilMember,
        command.decidedByMemberId,
        'decidedByMemberId',
        initiativeNotFound('MEMBER_NOT_FOUND'),
      );
      refuseIf(checkCommand(await snapshotOf(em, initiative), 'decideReview', command));
      if (member.council.id !== review.council.id || member.endedAt) {
        throw initiativeError(
          'MEMBER_NOT_IN_COUNCIL',
          `The member does not sit on the council ${review.council.name}, so cannot decide its review.`,
          'decidedByMemberId',
        );
      }
      const before = snapshot(review);
      const comments = command.comments?.trim() || null;
      review.decision = command.decision;
      review.comments = comments;
      review.decidedBy = member;
      review.decidedAt = this.ctx.clock.now();
      this.ctx.audit.record(
        em,
        'decideCouncilReview',
        'CouncilReview',
        review.id,
        before,
        snapshot(review),
      );
      const initiativeBefore = initiativeSnapshot(initiative);
      if (command.decision === CouncilDecision.CHANGES_REQUESTED)
        await this.rework(em, initiative, review, comments!);
      initiative.status = await this.statusAfterDecision(em, initiative);
      this.ctx.audit.record(
        em,
        'councilDecided',
        'Initiative',
        initiative.id,
        initiativeBefore,
        initiativeSnapshot(initiative),
      );
      await this.ctx.service(InboxService).tellOwner(em, initiative, {
        kind: InboxKind.COUNCIL_DECIDED,
        subject: `${review.council.name} ${command.decision === CouncilDecision.APPROVED ? 'approved' : 'asked for changes to'} ${initiative.code}`,
        body:
          command.decision === CouncilDecision.APPROVED
            ? `${review.council.name} approved revision ${review.revision} of "${initiative.title}".${initiative.processGroup === ProcessGroup.MONITOR || initiative.processGroup === ProcessGroup.CORRECT ? ' Once every concerned council has approved it, you can close it.' : ''}`
            : `${review.council.name} asked for changes to revision ${review.revision} of "${initiative.title}": ${comments}. Revision ${initiative.revision} is open in ${initiative.processGroup} with these comments as its brief.`,
        key: `decided:${review.id}`,
        councilReviewId: review.id,
      });
      return review;
    });
  }

  /** CHANGES_REQUESTED: through CORRECT into IMPLEMENT as the next revision, the comments as its brief. */
  private async rework(
    em: Em,
    initiative: Initiative,
    review: CouncilReview,
    comments: string,
  ): Promise<void> {
    if (initiative.processGroup === ProcessGroup.MONITOR) {
      const before = initiativeSnapshot(initiative);
      initiative.processGroup = ProcessGroup.CORRECT;
      this.ctx.audit.record(
        em,
        'moveInitiative',
        'Initiative',
        initiative.id,
        before,
        initiativeSnapshot(initiative),
      );
    }
    await openRevision(this.ctx, em, initiative, {
      origin: RevisionOrigin.COUNCIL_CHANGES,
      brief: comments,
      review,
    });
    if (initiative.processGroup === ProcessGroup.CORRECT) {
      initiative.processGroup = ProcessGroup.IMPLEMENT;
      await this.ctx.service(MilestoneService).announce(em, initiative, Milestone.STARTED);
    }
  }

  private async statusAfterDecision(em: Em, initiative: Initiative): Promise<InitiativeStatus> {
    if (initiative.status === InitiativeStatus.ON_HOLD) return initiative.status;
    // The count reads the database: the decision just taken must be written first (changes to
    // loaded entities do not trigger MikroORM's auto-flush).
    await em.flush();
    const pending = await em.count(CouncilReview, {
      initiative,
      revision: initiative.revision,
      decision: CouncilDecision.PENDING,
    });
    if (pending > 0) return InitiativeStatus.AWAITING_COUNCIL;
    return initiative.startedAt ? InitiativeStatus.ACTIVE : InitiativeStatus.PROPOSED;
  }

  /** The review a decision is about: it must exist, be pending and belong to the current revision. */
  private async pendingOf(em: Em, reviewId: string): Promise<CouncilReview> {
    const review = await mustFind(
      em,
      CouncilReview,
      reviewId,
      'id',
      initiativeNotFound('REVIEW_NOT_FOUND'),
      {
        populate: ['council', 'initiative'],
      },
    );
    if (review.decision !== CouncilDecision.PENDING) {
      throw initiativeError(
        'REVIEW_DECIDED',
        `This review was already decided (${review.decision}); a new revision gets a new review.`,
      );
    }
    if (review.revision < review.initiative.revision) {
      throw initiativeError(
        'REVIEW_OUTDATED',
        `This review is of revision ${review.revision}; ${review.initiative.code} has moved on to revision ${review.initiative.revision}, so it can no longer be decided.`,
      );
    }
    return review;
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
