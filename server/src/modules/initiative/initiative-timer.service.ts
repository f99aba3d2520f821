import type { DomainContext } from '../../domain/context.js';
import type { Em } from '../../db/orm.js';
import type { TimerAction } from '../../../../workflows/contracts/initiative.timers.js';
import { isOpenTask } from '../../../../workflows/contracts/initiative.rules.js';
import { snapshot } from '../audit/audit.service.js';
import { InboxService } from '../inbox/inbox.service.js';
import { CouncilReview } from './council-review.entity.js';
import { noticeCouncil } from './council-notices.js';
import { InitiativeTask } from './initiative-task.entity.js';
import { Initiative } from './initiative.entity.js';
import { CouncilDecision, InboxKind } from './initiative.enums.js';

const fmt = (d: Date | null | undefined) =>
  d ? d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'no date';

/**
 * What the initiative workflow does when a timer fires: remind a department, escalate an
 * overdue task to the owner and then to the CX office, remind a council. Each action checks
 * that it still applies (the task may have been done or reassigned meanwhile) and is
 * recorded on the row, so a second run changes nothing.
 */
export class InitiativeTimerService {
  constructor(private readonly ctx: DomainContext) {}

  async run(em: Em, initiativeId: string, action: TimerAction): Promise<void> {
    const initiative = await em.findOneOrFail(Initiative, { id: initiativeId });
    if (action.reviewId) return this.remindCouncil(em, initiative, action);
    const task = await em.findOne(
      InitiativeTask,
      { id: action.taskId, initiative },
      { populate: ['department'] },
    );
    if (!task || !isOpenTask(task) || task.round !== action.round) return;
    const before = snapshot(task);
    const now = this.ctx.clock.now();
    const inbox = this.ctx.service(InboxService);
    const office = await inbox.cxOfficeIds(em);
    const owner = initiative.owner?.id;
    const about = `"${task.title}" (${initiative.code} ${initiative.title})`;
    const base = {
      initiativeId,
      taskId: task.id,
      key: `task:${task.id}:r${task.round}:${action.kind}`,
    };
    if (action.kind === 'TASK_REMINDER') {
      if (task.remindedAt || task.escalationLevel > 0) return;
      task.remindedAt = now;
      await inbox.post(em, [
        {
          ...base,
          kind: InboxKind.TASK_DUE_SOON,
          departmentIds: [task.department.id],
          userIds: [task.assignee?.id],
          subject: `Due soon: ${task.title}`,
          body: `The task ${about} for ${task.department.name} is due ${fmt(task.dueAt)}.`,
        },
      ]);
    } else if (action.kind === 'TASK_OVERDUE') {
      if (task.escalationLevel >= 1) return;
      task.escalationLevel = 1;
      task.escalatedAt = now;
      await inbox.post(em, [
        {
          ...base,
          kind: InboxKind.TASK_OVERDUE,
          // No owner yet: the CX office owns it until someone does.
          userIds: owner ? [owner] : [],
          departmentIds: owner ? [task.department.id] : [task.department.id, ...office],
          subject: `Overdue: ${task.title}`,
          body: `The task ${about} for ${task.department.name} was due ${fmt(task.dueAt)} and is not done. It is escalated to the initiative owner.`,
        },
      ]);
    } else {
      if (task.escalationLevel >= 2) return;
      task.escalationLevel = 2;
      task.escalatedAt = now;
      await inbox.post(em, [
        {
          ...base,
          kind: InboxKind.TASK_ESCALATED,
          departmentIds: office,
          subject: `Escalated to the CX office: ${task.title}`,
          body: `The task ${about} for ${task.department.name} was due ${fmt(task.dueAt)} and is still open after the owner was told. The CX office is asked to step in.`,
        },
      ]);
    }
    this.ctx.audit.record(
      em,
      timerAction(action.kind),
      'InitiativeTask',
      task.id,
      before,
      snapshot(task),
    );
  }

  private async remindCouncil(em: Em, initiative: Initiative, action: TimerAction): Promise<void> {
    const review = await em.findOne(
      CouncilReview,
      { id: action.reviewId, initiative },
      { populate: ['council'] },
    );
    const n = action.reminder ?? 1;
    if (!review || review.decision !== CouncilDecision.PENDING || review.remindersSent >= n) return;
    const before = snapshot(review);
    const now = this.ctx.clock.now();
    review.remindersSent = n;
    review.lastRemindedAt = now;
    await noticeCouncil(this.ctx, em, review, initiative, n, now);
    await this.ctx.service(InboxService).tellOwner(em, initiative, {
      key: `review:${review.id}:reminder-${n}`,
      kind: InboxKind.COUNCIL_REVIEW_OVERDUE,
      councilReviewId: review.id,
      subject: `Council decision awaited: ${initiative.title}`,
      body: `${review.council.name} has not decided on revision ${review.revision} of ${initiative.code} since ${fmt(review.createdAt)}; reminder ${n} was sent to its members.`,
    });
    this.ctx.audit.record(
      em,
      'remindCouncil',
      'CouncilReview',
      review.id,
      before,
      snapshot(review),
    );
  }
}

function timerAction(kind: TimerAction['kind']): string {
  return {
    TASK_REMINDER: 'remindTask',
    TASK_OVERDUE: 'escalateTaskToOwner',
    TASK_ESCALATION: 'escalateTaskToOffice',
    COUNCIL_REMINDER: 'remindCouncil',
  }[kind];
}
