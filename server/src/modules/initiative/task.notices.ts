import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { InboxService } from '../inbox/inbox.service.js';
import type { InitiativeTask } from './initiative-task.entity.js';
import type { Initiative } from './initiative.entity.js';
import { InboxKind } from './initiative.enums.js';

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : 'no due date');

/** What a task's department, assignee and owner are told in their inboxes. */
export class TaskNotices {
  constructor(private readonly ctx: DomainContext) {}

  /** A department (and person) has new work: a new task, or a task given to it again. */
  async assigned(
    em: Em,
    initiative: Initiative,
    task: InitiativeTask,
    note: string | null,
  ): Promise<void> {
    await this.ctx.service(InboxService).post(em, [
      {
        key: `task:${task.id}:r${task.round}:assigned`,
        kind: InboxKind.TASK_ASSIGNED,
        departmentIds: [task.department.id],
        userIds: [task.assignee?.id],
        initiativeId: initiative.id,
        taskId: task.id,
        subject: `New task for ${task.department.name}: ${task.title}`,
        body: [
          `Initiative ${initiative.code} "${initiative.title}" asks ${task.department.name} to: ${task.title} (due ${day(task.dueAt)}).`,
          task.description ? `Details: ${task.description}` : null,
          note ? `Note from the owner: ${note}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
      },
    ]);
  }

  /** A department declined: the owner decides (reassign it elsewhere, change it, or cancel it). */
  async rejected(em: Em, initiative: Initiative, task: InitiativeTask): Promise<void> {
    await this.ctx.service(InboxService).tellOwner(em, initiative, {
      key: `task:${task.id}:r${task.round}:rejected`,
      kind: InboxKind.TASK_REJECTED,
      taskId: task.id,
      subject: `${task.department.name} rejected: ${task.title}`,
      body: `${task.department.name} rejected the task "${task.title}" of ${initiative.code}: ${task.outcomeNote}. Decide what happens next: reassign it (reassignTask) or cancel it (cancelTask).`,
    });
  }
}
