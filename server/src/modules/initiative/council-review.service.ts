import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import type {
  DecideReviewCommand,
  RequestReviewCommand,
} from '../../../../workflows/contracts/initiative.contract.js';
import { checkCommand } from '../../../../workflows/contracts/initiative.rules.js';
import { snapshot } from '../audit/audit.service.js';
import { AdvisoryCouncil } from '../client/advisory-council.entity.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { InboxService } from '../inbox/inbox.service.js';
import { buildAgenda } from './council-agenda.js';
import { noticeCouncil } from './council-notices.js';
import { CouncilReview } from './council-review.entity.js';
import type { Initiative } from './initiative.entity.js';
import {
  CouncilDecision,
  InboxKind,
  InitiativeStatus,
  Milestone,
  ProcessGroup,
  ReviewTrigger,
  RevisionOrigin,
} from './initiative.enums.js';
import { initiativeError, initiativeNotFound, refuseIf } from './initiative.errors.js';
import { initiativeSnapshot, loadForChange } from './initiative.load.js';
import { openRevision } from './initiative.revisions.js';
import { snapshotOf } from './initiative.snapshot.js';
import { MilestoneService } from './milestone.service.js';
import type { CouncilReviewFilter } from './task.inputs.js';

/**
 * Council reviews (the correct process group): asking the councils whose accounts an
 * initiative affects to review a revision, with an agenda built from its status, and
 * recording their decisions — CHANGES_REQUESTED opens the next revision with the comments
 * as its brief; APPROVED lets the initiative close.
 */
export class CouncilReviewService {
  constructor(private readonly ctx: DomainContext) {}

  /** The CX office asks one concerned council to review the current revision. */
  async request(initiativeId: string, command: RequestReviewCommand): Promise<CouncilReview> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, initiativeId, 'initiativeId');
      const council = await mustFind(
        em,
        AdvisoryCouncil,
        command.councilId,
        'councilId',
        initiativeNotFound('COUNCIL_NOT_FOUND'),
      );
      refuseIf(checkCommand(await snapshotOf(em, initiative), 'requestReview', command));
      if (!(await this.concerned(em, initiative)).includes(council.id)) {
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
        trigger: ReviewTrigger.REQUESTED,
      });
      if (existing) {
        throw initiativeError(
          'REVIEW_EXISTS',
          `${council.name} was already asked to review revision ${initiative.revision} of ${initiative.code} (${existing.decision}).`,
          'councilId',
        );
      }
      const before = initiativeSnapshot(initiative);
      const review = await this.open(em, initiative, council.id, ReviewTrigger.REQUESTED);
      if (before.status !== initiative.status) {
        this.ctx.audit.record(
          em,
          'awaitCouncil',
          'Initiative',
          initiative.id,
          before,
          initiativeSnapshot(initiative),
        );
      }
      return review;
    });
  }

  /**
   * Sends the current revision to every concerned council that has no pending review of it;
   * with none concerned, the owner is told that the initiative cannot close until one is.
   */
  async requestConcerned(
    em: Em,
    initiative: Initiative,
    trigger: ReviewTrigger,
  ): Promise<CouncilReview[]> {
    const councils = await this.concerned(em, initiative);
    if (councils.length === 0) {
      await this.tellOwner(
        em,
        initiative,
        InboxKind.COUNCIL_NOT_CONCERNED,
        `No council covers ${initiative.code}`,
        `${initiative.code} "${initiative.title}" is client-visible, but no advisory council has any of its affected accounts. It can close only with a council's approval: add an affected account to a council and ask it with requestCouncilReview, or make the initiative internal.`,
        `no-council:${initiative.revision}:${trigger}`,
      );
      return [];
    }
    const pending = new Set(
      (
        await em.find(CouncilReview, {
          initiative,
          revision: initiative.revision,
          decision: CouncilDecision.PENDING,
        })
      ).map((r) => r.council.id),
    );
    const opened: CouncilReview[] = [];
    for (const councilId of councils) {
      if (pending.has(councilId)) continue;
      const exists = await em.count(CouncilReview, {
        initiative,
        council: councilId,
        revision: initiative.revision,
        trigger,
      });
      if (!exists) opened.push(await this.open(em, initiative, councilId, trigger));
    }
    return opened;
  }

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
      if (member.council.id !== review.council.id) {
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
      await this.tellOwner(
        em,
        initiative,
        InboxKind.COUNCIL_DECIDED,
        `${review.council.name} ${command.decision === CouncilDecision.APPROVED ? 'approved' : 'asked for changes to'} ${initiative.code}`,
        command.decision === CouncilDecision.APPROVED
          ? `${review.council.name} approved revision ${review.revision} of "${initiative.title}".${initiative.processGroup === ProcessGroup.MONITOR || initiative.processGroup === ProcessGroup.CORRECT ? ' Once every concerned council has approved it, you can close it.' : ''}`
          : `${review.council.name} asked for changes to revision ${review.revision} of "${initiative.title}": ${comments}. Revision ${initiative.revision} is open in ${initiative.processGroup} with these comments as its brief.`,
        `decided:${review.id}`,
        review.id,
      );
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

  private async open(
    em: Em,
    initiative: Initiative,
    councilId: string,
    trigger: ReviewTrigger,
  ): Promise<CouncilReview> {
    const now = this.ctx.clock.now();
    await em.flush(); // the agenda counts rows of this transaction (e.g. the messages just written)
    const review = em.create(CouncilReview, {
      initiative,
      council: councilId,
      revision: initiative.revision,
      trigger,
      agenda: (await buildAgenda(em, initiative)) as unknown as Record<string, unknown>,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    await noticeCouncil(em, review, initiative, 0, now);
    if (initiative.status !== InitiativeStatus.ON_HOLD)
      initiative.status = InitiativeStatus.AWAITING_COUNCIL;
    this.ctx.audit.record(
      em,
      'requestCouncilReview',
      'CouncilReview',
      review.id,
      null,
      snapshot(review),
    );
    return review;
  }

  /** Councils that have at least one of the initiative's affected accounts. */
  private async concerned(em: Em, initiative: Initiative): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select distinct c.advisory_council_id as id from advisory_council_account c
         join initiative_account a on a.client_account_id = c.client_account_id
        where a.initiative_id = ? order by c.advisory_council_id`,
      [initiative.id],
    );
    return rows.map((r) => r.id);
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

  private async tellOwner(
    em: Em,
    initiative: Initiative,
    kind: InboxKind,
    subject: string,
    body: string,
    key: string,
    reviewId?: string,
  ): Promise<void> {
    const inbox = this.ctx.service(InboxService);
    const owner = initiative.owner?.id;
    await inbox.post(em, [
      {
        key: `${key}:${initiative.id}`,
        kind,
        userIds: owner ? [owner] : [],
        departmentIds: owner ? [] : await inbox.cxOfficeIds(em),
        initiativeId: initiative.id,
        councilReviewId: reviewId ?? null,
        subject,
        body,
      },
    ]);
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
