import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { findById, mustFind, mustFindAll } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import type { EditCommand } from '../../../../workflows/contracts/initiative.contract.js';
import { checkCommand } from '../../../../workflows/contracts/initiative.rules.js';
import type { JourneyStage } from '../journey/journey.enums.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../feedback/feedback.enums.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { Analysis } from './analysis.entity.js';
import { Initiative } from './initiative.entity.js';
import { ProcessGroup } from './initiative.enums.js';
import { initiativeError, initiativeNotFound, refuseIf } from './initiative.errors.js';
import type { CreateInitiativeInput, InitiativeFilter } from './initiative.inputs.js';
import { initiativeSnapshot, loadForChange } from './initiative.load.js';
import { assignOwner } from './initiative.owner.js';
import { firstRevision } from './initiative.revisions.js';
import { snapshotOf } from './initiative.snapshot.js';
import type { InitiativeOrder } from './initiative.types.js';

/** Concurrent creations may pick the same next code; the loser retries with a fresh one. */
const CODE_ATTEMPTS = 8;
const START_GROUPS = [ProcessGroup.COLLECT, ProcessGroup.ANALYSE];

export class InitiativeService {
  constructor(private readonly ctx: DomainContext) {}

  async create(input: CreateInitiativeInput): Promise<Initiative> {
    if (input.processGroup && !START_GROUPS.includes(input.processGroup)) {
      throw initiativeError(
        'INVALID_START_GROUP',
        `A new initiative starts in COLLECT or ANALYSE, not ${input.processGroup}.`,
        'processGroup',
      );
    }
    let initiative: Initiative | undefined;
    for (let attempt = 1; !initiative; attempt++) {
      try {
        initiative = await this.ctx.em.transactional((em) => this.insert(em, input));
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= CODE_ATTEMPTS)
          throw error;
      }
    }
    await this.startWorkflow(initiative);
    return initiative;
  }

  /**
   * One Temporal call after the commit: the initiative's workflow holds its life from now on.
   * If Temporal cannot be reached the initiative is still created; the reconciler starts it.
   */
  private async startWorkflow(initiative: Initiative): Promise<void> {
    try {
      await this.ctx.deps.initiatives.start(initiative.id);
      initiative.workflowStartedAt = this.ctx.clock.now();
      await this.ctx.em.nativeUpdate(
        Initiative,
        { id: initiative.id, workflowStartedAt: null },
        { workflowStartedAt: initiative.workflowStartedAt },
      );
    } catch (error) {
      this.ctx.deps.log.warn('Initiative stored; its workflow will be started by the reconciler', {
        initiativeId: initiative.id,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private async insert(em: Em, input: CreateInitiativeInput): Promise<Initiative> {
    const initiative = em.create(Initiative, {
      code: await this.nextCode(em),
      title: input.title.trim(),
      problem: input.problem.trim(),
      clientVisible: input.clientVisible ?? false,
      processGroup: input.processGroup ?? ProcessGroup.ANALYSE,
      expectedEffect: input.expectedEffect?.trim() || null,
      dueAt: input.dueAt ?? null,
      stage: input.stage ?? null,
      createdAt: this.ctx.clock.now(),
    });
    firstRevision(this.ctx, em, initiative);
    await this.applyReferences(em, initiative, { ...input, dueAt: undefined });
    this.ctx.audit.record(
      em,
      'createInitiative',
      'Initiative',
      initiative.id,
      null,
      initiativeSnapshot(initiative),
    );
    return initiative;
  }

  /** The highest code by number (length first, so INI-10000 sorts after INI-9999), plus one. */
  private async nextCode(em: Em): Promise<string> {
    const rows = await em.execute<{ code: string }[]>(
      `select code from initiative where code like 'INI-%' order by length(code) desc, code desc limit 1`,
    );
    const last = rows[0] ? Number.parseInt(rows[0].code.slice(4), 10) : 0;
    return `INI-${String((Number.isFinite(last) ? last : 0) + 1).padStart(4, '0')}`;
  }

  /** The `edit` command: changes the given fields; the lifecycle rules decide what may change. */
  async update(id: string, input: EditCommand): Promise<Initiative> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, id);
      refuseIf(checkCommand(await snapshotOf(em, initiative), 'edit', input));
      const before = initiativeSnapshot(initiative);
      if (input.title != null) initiative.title = input.title.trim();
      if (input.problem != null) initiative.problem = input.problem.trim();
      if (input.clientVisible != null) initiative.clientVisible = input.clientVisible;
      if (input.expectedEffect !== undefined)
        initiative.expectedEffect = input.expectedEffect?.trim() || null;
      if (input.dueAt !== undefined) initiative.dueAt = input.dueAt ? new Date(input.dueAt) : null;
      if (input.stage !== undefined)
        initiative.stage = (input.stage as JourneyStage | null) ?? null;
      await this.applyReferences(em, initiative, input);
      this.ctx.audit.record(
        em,
        'updateInitiative',
        'Initiative',
        initiative.id,
        before,
        initiativeSnapshot(initiative),
      );
      return initiative;
    });
  }

  /** Sets the references an input names; `undefined` leaves one as it is, `null` clears it. */
  private async applyReferences(
    em: Em,
    initiative: Initiative,
    input: Omit<EditCommand, 'actor'>,
  ): Promise<void> {
    if (input.analysisId !== undefined) {
      initiative.analysis = input.analysisId
        ? await mustFind(
            em,
            Analysis,
            input.analysisId,
            'analysisId',
            initiativeNotFound('ANALYSIS_NOT_FOUND'),
          )
        : null;
    }
    if (input.ownerId !== undefined) await assignOwner(this.ctx, em, initiative, input.ownerId);
    if (input.processClassId !== undefined) {
      initiative.processClass = input.processClassId
        ? await mustFind(
            em,
            ProcessClass,
            input.processClassId,
            'processClassId',
            initiativeNotFound('PROCESS_CLASS_NOT_FOUND'),
          )
        : null;
    }
    if (input.affectedAccountIds != null) {
      const accounts = await mustFindAll(
        em,
        ClientAccount,
        input.affectedAccountIds,
        'affectedAccountIds',
        initiativeNotFound('ACCOUNT_NOT_FOUND'),
      );
      initiative.affectedAccounts.set(accounts);
    }
    if (input.feedbackIds != null) {
      const items = await mustFindAll(
        em,
        FeedbackItem,
        input.feedbackIds,
        'feedbackIds',
        initiativeNotFound('FEEDBACK_NOT_FOUND'),
      );
      initiative.feedback.set(items);
      this.markActioned(em, items);
    }
  }

  /**
   * Feedback linked to an initiative is being acted on again, also feedback an earlier
   * initiative closed: its status follows the open initiative that links it.
   */
  private markActioned(em: Em, items: FeedbackItem[]): void {
    const audit = this.ctx.audit;
    for (const item of items) {
      if (item.status === FeedbackStatus.ACTIONED) continue;
      const before = { status: item.status };
      item.status = FeedbackStatus.ACTIONED;
      audit.record(em, 'actionFeedback', 'FeedbackItem', item.id, before, { status: item.status });
    }
  }

  async get(id: string): Promise<Initiative | null> {
    return findById(this.ctx.em, Initiative, id);
  }

  async list(
    filter: InitiativeFilter | undefined,
    order: InitiativeOrder | undefined,
    args: PageArgs,
  ): Promise<Page<Initiative>> {
    const where: FilterQuery<Initiative> = {};
    if (filter?.processGroups?.length) where.processGroup = { $in: filter.processGroups };
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.ownerId) where.owner = filter.ownerId;
    if (filter?.processClassId) {
      where.processClass = filter.processClassId;
    }
    if (filter?.accountId || filter?.segmentId) {
      where.affectedAccounts = {
        ...(filter.accountId ? { id: filter.accountId } : {}),
        ...(filter.segmentId ? { segment: filter.segmentId } : {}),
      };
    }
    if (filter?.stage) where.stage = filter.stage;
    if (filter?.clientVisible != null) where.clientVisible = filter.clientVisible;
    if (filter?.search?.trim()) where.title = containsInsensitive(this.ctx.em, filter.search);
    if (order?.field === 'dueAt') where.dueAt = { $ne: null };
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'desc' as const };
    return paginate(this.ctx.em, Initiative, where, args, orderBy);
  }
}
