import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import type {
  AssignOwnerCommand,
  CloseCommand,
  MoveCommand,
  ReasonCommand,
  ResumeCommand,
} from '../../../../workflows/contracts/initiative.contract.js';
import { checkCommand, isOpenTask } from '../../../../workflows/contracts/initiative.rules.js';
import { InitiativeEffectService } from '../analytics/effect/initiative-effect.service.js';
import { CouncilRequestService } from './council-request.service.js';
import { InitiativeTask } from './initiative-task.entity.js';
import type { Initiative } from './initiative.entity.js';
import {
  CouncilDecision,
  InitiativeStatus,
  Milestone,
  ProcessGroup,
  ReviewTrigger,
  RevisionOrigin,
  TaskStatus,
} from './initiative.enums.js';
import { refuseIf } from './initiative.errors.js';
import { initiativeSnapshot, loadForChange } from './initiative.load.js';
import { closeLinkedFeedback, releaseLinkedFeedback } from './initiative.links.js';
import { assignOwner } from './initiative.owner.js';
import { openRevision } from './initiative.revisions.js';
import { snapshotOf } from './initiative.snapshot.js';
import { MilestoneService } from './milestone.service.js';

/**
 * The life of an initiative: moves through the process groups, closing, holding, resuming,
 * cancelling, owners. Each method is one transaction that checks the lifecycle rules against
 * the rows, changes them, and writes what the change owes others in the same transaction:
 * "you said, we did" messages, council reviews, inbox entries, feedback statuses, audit.
 * The initiative's workflow calls these through its activities; nothing else should.
 */
export class InitiativeFlowService {
  constructor(private readonly ctx: DomainContext) {}

  async move(id: string, command: MoveCommand): Promise<Initiative> {
    return this.change(id, 'move', command, async (em, initiative) => {
      const from = initiative.processGroup;
      const to = command.to;
      await this.cancelTasks(
        em,
        initiative,
        command.cancelTaskIds ?? [],
        `Not needed: ${from} finished.`,
      );
      initiative.processGroup = to;
      if (to === ProcessGroup.IMPLEMENT) initiative.startedAt ??= this.ctx.clock.now();
      if (from === ProcessGroup.CORRECT && to === ProcessGroup.IMPLEMENT) {
        await openRevision(this.ctx, em, initiative, {
          origin: RevisionOrigin.OWNER_CORRECTION,
          brief: command.brief!.trim(),
        });
      }
      // Before implementation starts (COLLECT → ANALYSE) it is still only proposed.
      initiative.status = initiative.startedAt
        ? InitiativeStatus.ACTIVE
        : InitiativeStatus.PROPOSED;
      const milestones = this.ctx.service(MilestoneService);
      if (to === ProcessGroup.IMPLEMENT)
        await milestones.announce(em, initiative, Milestone.STARTED);
      if (to === ProcessGroup.MONITOR) {
        await milestones.announce(em, initiative, Milestone.MONITORING);
        // The measured effect is written to the initiative as it enters MONITOR, in this
        // transaction (a retried command finds its receipt and writes nothing twice).
        await this.ctx.service(InitiativeEffectService).recompute(em, initiative);
      }
      if (
        initiative.clientVisible &&
        (to === ProcessGroup.MONITOR || to === ProcessGroup.CORRECT)
      ) {
        const trigger =
          to === ProcessGroup.MONITOR
            ? ReviewTrigger.FINISHED_IMPLEMENT
            : ReviewTrigger.ENTERED_CORRECT;
        await this.ctx.service(CouncilRequestService).requestConcerned(em, initiative, trigger);
      }
      return 'moveInitiative';
    });
  }

  async close(id: string, command: CloseCommand): Promise<Initiative> {
    return this.change(id, 'close', command, async (em, initiative) => {
      initiative.status = InitiativeStatus.CLOSED;
      initiative.closedAt = this.ctx.clock.now();
      await this.ctx
        .service(MilestoneService)
        .announce(em, initiative, Milestone.CLOSED, { outcomeNote: command.note?.trim() || null });
      await closeLinkedFeedback(this.ctx, em, initiative);
      return 'closeInitiative';
    });
  }

  async hold(id: string, command: ReasonCommand): Promise<Initiative> {
    return this.change(id, 'hold', command, async (_em, initiative) => {
      initiative.status = InitiativeStatus.ON_HOLD;
      initiative.holdReason = command.reason.trim();
      return 'holdInitiative';
    });
  }

  async resume(id: string, command: ResumeCommand): Promise<Initiative> {
    return this.change(id, 'resume', command, async (em, initiative) => {
      initiative.holdReason = null;
      initiative.status = await this.statusWhenActive(em, initiative);
      return 'resumeInitiative';
    });
  }

  async cancel(id: string, command: ReasonCommand): Promise<Initiative> {
    return this.change(id, 'cancel', command, async (em, initiative) => {
      const open = (await em.find(InitiativeTask, { initiative })).filter(isOpenTask);
      await this.cancelTasks(
        em,
        initiative,
        open.map((t) => t.id),
        'The initiative was cancelled.',
      );
      initiative.status = InitiativeStatus.CANCELLED;
      initiative.cancelReason = command.reason.trim();
      initiative.closedAt = this.ctx.clock.now();
      await releaseLinkedFeedback(this.ctx, em, initiative);
      return 'cancelInitiative';
    });
  }

  /** Gives the initiative a new owner, who is told in their inbox. */
  async assignOwner(id: string, command: AssignOwnerCommand): Promise<Initiative> {
    return this.change(id, 'assignOwner', command, async (em, initiative) => {
      await assignOwner(this.ctx, em, initiative, command.ownerId);
      return 'assignInitiativeOwner';
    });
  }

  /** ACTIVE, or AWAITING_COUNCIL while a review of the current revision is pending, or PROPOSED before start. */
  async statusWhenActive(em: Em, initiative: Initiative): Promise<InitiativeStatus> {
    const s = await snapshotOf(em, initiative);
    if (s.reviews.some((r) => r.decision === CouncilDecision.PENDING))
      return InitiativeStatus.AWAITING_COUNCIL;
    return initiative.startedAt ? InitiativeStatus.ACTIVE : InitiativeStatus.PROPOSED;
  }

  private async cancelTasks(
    em: Em,
    initiative: Initiative,
    ids: string[],
    why: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const now = this.ctx.clock.now();
    for (const task of await em.find(InitiativeTask, { id: { $in: ids }, initiative })) {
      const before = { status: task.status };
      task.status = TaskStatus.CANCELLED;
      task.outcomeNote = why;
      task.completedAt = now;
      this.ctx.audit.record(em, 'cancelTask', 'InitiativeTask', task.id, before, {
        status: task.status,
        outcomeNote: why,
      });
    }
  }

  /**
   * Loads the initiative, refuses what the lifecycle rules refuse (the same check the
   * workflow's validator made), applies the change and audits it, in one transaction.
   */
  private async change<K extends 'move' | 'close' | 'hold' | 'resume' | 'cancel' | 'assignOwner'>(
    id: string,
    name: K,
    command: Parameters<typeof checkCommand<K>>[2],
    apply: (em: Em, initiative: Initiative) => Promise<string>,
  ): Promise<Initiative> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, id);
      refuseIf(checkCommand(await snapshotOf(em, initiative), name, command));
      const before = initiativeSnapshot(initiative);
      const action = await apply(em, initiative);
      this.ctx.audit.record(
        em,
        action,
        'Initiative',
        initiative.id,
        before,
        initiativeSnapshot(initiative),
      );
      return initiative;
    });
  }
}
