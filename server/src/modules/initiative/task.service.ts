import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import type {
  AddTaskCommand,
  CancelTaskCommand,
  CommandName,
  CompleteTaskCommand,
  InitiativeCommands,
  ReassignTaskCommand,
  RejectTaskCommand,
  UpdateTaskCommand,
} from '../../../../workflows/contracts/initiative.contract.js';
import {
  checkCommand,
  OPEN_TASK_STATUSES,
} from '../../../../workflows/contracts/initiative.rules.js';
import { snapshot } from '../audit/audit.service.js';
import { Department } from '../organisation/department.entity.js';
import { UserRole } from '../organisation/organisation.enums.js';
import { User } from '../organisation/user.entity.js';
import { InitiativeTask } from './initiative-task.entity.js';
import type { Initiative } from './initiative.entity.js';
import { Milestone, TaskStatus } from './initiative.enums.js';
import { initiativeError, initiativeNotFound, refuseIf } from './initiative.errors.js';
import { loadForChange } from './initiative.load.js';
import { snapshotOf } from './initiative.snapshot.js';
import { MilestoneService } from './milestone.service.js';
import { TaskNotices } from './task.notices.js';
import type { InitiativeTaskFilter } from './task.inputs.js';
import type { InitiativeTaskOrder } from './task.types.js';

const FINISHED = [TaskStatus.DONE, TaskStatus.REJECTED, TaskStatus.CANCELLED];

/**
 * Department tasks of an initiative: created, changed, completed, rejected back to the owner,
 * reassigned, cancelled. Each method is one transaction that checks the lifecycle rules,
 * writes the task, tells the people concerned (inbox) and, for a client-visible step,
 * the clients (outbox). The initiative's workflow calls these through its activities.
 */
export class TaskService {
  constructor(private readonly ctx: DomainContext) {}

  async create(initiativeId: string, command: AddTaskCommand): Promise<InitiativeTask> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, initiativeId, 'initiativeId');
      refuseIf(checkCommand(await snapshotOf(em, initiative), 'addTask', command));
      const department = await this.department(em, command.departmentId);
      const task = em.create(InitiativeTask, {
        initiative,
        title: command.title.trim(),
        description: command.description?.trim() || null,
        department,
        assignee: command.assigneeId
          ? await this.assignee(em, command.assigneeId, department)
          : null,
        dueAt: this.dueAt(command.dueAt),
        clientVisible: command.clientVisible ?? initiative.clientVisible,
        revision: initiative.revision,
        createdAt: this.ctx.clock.now(),
      });
      await this.ctx.service(TaskNotices).assigned(em, initiative, task, null);
      this.ctx.audit.record(
        em,
        'createInitiativeTask',
        'InitiativeTask',
        task.id,
        null,
        snapshot(task),
      );
      return task;
    });
  }

  async update(initiativeId: string, command: UpdateTaskCommand): Promise<InitiativeTask> {
    return this.change(
      initiativeId,
      'updateTask',
      command,
      'updateInitiativeTask',
      async (em, task, initiative) => {
        if (command.title != null) task.title = command.title.trim();
        if (command.description !== undefined)
          task.description = command.description?.trim() || null;
        if (command.status != null) task.status = command.status;
        const department =
          command.departmentId != null
            ? await this.department(em, command.departmentId)
            : task.department;
        let assignee =
          command.assigneeId !== undefined ? command.assigneeId : (task.assignee?.id ?? null);
        // Moving the task to another department keeps the assignee only if they belong there.
        if (command.departmentId != null && command.assigneeId === undefined && assignee) {
          const current = await em.findOneOrFail(User, { id: assignee });
          if (current.department?.id !== department.id) assignee = null;
        }
        const reassigned =
          department.id !== task.department.id || assignee !== (task.assignee?.id ?? null);
        const rescheduled =
          command.dueAt !== undefined &&
          (this.dueAt(command.dueAt)?.getTime() ?? null) !== (task.dueAt?.getTime() ?? null);
        task.department = department;
        task.assignee = assignee ? await this.assignee(em, assignee, department) : null;
        if (rescheduled) task.dueAt = this.dueAt(command.dueAt);
        if (reassigned || rescheduled) this.newRound(task);
        if (reassigned) await this.ctx.service(TaskNotices).assigned(em, initiative, task, null);
      },
    );
  }

  async complete(initiativeId: string, command: CompleteTaskCommand): Promise<InitiativeTask> {
    return this.change(
      initiativeId,
      'completeTask',
      command,
      'completeTask',
      async (em, task, initiative) => {
        task.status = TaskStatus.DONE;
        task.outcomeNote = command.outcomeNote?.trim() || null;
        task.completedAt = this.ctx.clock.now();
        await this.ctx
          .service(MilestoneService)
          .announce(em, initiative, Milestone.TASK_DONE, { task });
      },
    );
  }

  /** The department declines; the owner decides what happens next (reassign or cancel). */
  async reject(initiativeId: string, command: RejectTaskCommand): Promise<InitiativeTask> {
    return this.change(
      initiativeId,
      'rejectTask',
      command,
      'rejectTask',
      async (em, task, initiative) => {
        task.status = TaskStatus.REJECTED;
        task.outcomeNote = command.note.trim();
        task.completedAt = this.ctx.clock.now();
        await this.ctx.service(TaskNotices).rejected(em, initiative, task);
      },
    );
  }

  /** Gives an open or rejected task to a department (and person) again, as a new round. */
  async reassign(initiativeId: string, command: ReassignTaskCommand): Promise<InitiativeTask> {
    return this.change(
      initiativeId,
      'reassignTask',
      command,
      'reassignTask',
      async (em, task, initiative) => {
        await this.checkReassignBy(em, task, command);
        const department = await this.department(em, command.departmentId);
        task.department = department;
        task.assignee = command.assigneeId
          ? await this.assignee(em, command.assigneeId, department)
          : null;
        if (command.dueAt !== undefined) task.dueAt = this.dueAt(command.dueAt);
        task.status = TaskStatus.OPEN;
        task.outcomeNote = null;
        task.completedAt = null;
        this.newRound(task);
        await this.ctx
          .service(TaskNotices)
          .assigned(em, initiative, task, command.note?.trim() || null);
      },
    );
  }

  /**
   * Who may reassign to whom. The CX office gives a task to any department and person; a
   * department member hands a task of their own department to an active colleague of that
   * department only, keeping its due date: handing work to another department is the CX
   * office's decision (the member rejects the task with a note instead). Checked where the
   * request is made (the initiative's workflow applies commands as the system) and again here.
   */
  async checkReassignBy(
    em: Em,
    task: InitiativeTask,
    command: Pick<ReassignTaskCommand, 'departmentId' | 'assigneeId' | 'dueAt'>,
  ): Promise<void> {
    const viewer = this.ctx.viewer;
    if (viewer.kind !== 'user' || viewer.role !== UserRole.DEPARTMENT_MEMBER) return;
    const own = viewer.departmentId ?? null;
    if (own === null || task.department.id !== own) {
      throw initiativeError(
        'OUTSIDE_OWN_DEPARTMENT',
        'You can reassign only tasks of your own department.',
        'taskId',
      );
    }
    if (command.departmentId !== own) {
      throw initiativeError(
        'OUTSIDE_OWN_DEPARTMENT',
        'You can hand a task only to a colleague in your own department; to give it to another department, reject it with a note saying who should do it, and the CX office decides.',
        'departmentId',
      );
    }
    if (command.dueAt !== undefined) {
      throw initiativeError(
        'DUE_DATE_NOT_ALLOWED',
        'The due date stays as the initiative owner set it; ask the owner to move it.',
        'dueAt',
      );
    }
    if (!command.assigneeId) {
      throw initiativeError(
        'ASSIGNEE_REQUIRED',
        'Choose the colleague who takes the task over.',
        'assigneeId',
      );
    }
    const colleague = await this.assignee(em, command.assigneeId, task.department);
    if (!colleague.active) {
      throw initiativeError(
        'ASSIGNEE_INACTIVE',
        `${colleague.name} no longer works in the hub; choose an active colleague.`,
        'assigneeId',
      );
    }
  }

  async cancel(initiativeId: string, command: CancelTaskCommand): Promise<InitiativeTask> {
    return this.change(initiativeId, 'cancelTask', command, 'cancelTask', async (_em, task) => {
      task.status = TaskStatus.CANCELLED;
      task.outcomeNote = command.reason.trim();
      task.completedAt = this.ctx.clock.now();
    });
  }

  /** Reminders and escalations start over for the new assignment or due date. */
  private newRound(task: InitiativeTask): void {
    task.round += 1;
    task.remindedAt = null;
    task.escalationLevel = 0;
    task.escalatedAt = null;
  }

  /** A due date, which may not lie in the past (by this context's clock). */
  private dueAt(value: string | Date | null | undefined): Date | null {
    if (value == null) return null;
    const due = new Date(value);
    if (due.getTime() < this.ctx.clock.now().getTime()) {
      throw initiativeError(
        'DUE_IN_PAST',
        `The due date ${due.toISOString()} is in the past; choose a date to come.`,
        'dueAt',
      );
    }
    return due;
  }

  /** Loads the initiative's task, refuses what the rules refuse, applies, audits: one transaction. */
  private async change<K extends CommandName & `${string}Task`>(
    initiativeId: string,
    name: K,
    command: InitiativeCommands[K] & { taskId: string },
    action: string,
    apply: (em: Em, task: InitiativeTask, initiative: Initiative) => Promise<void>,
  ): Promise<InitiativeTask> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, initiativeId, 'initiativeId');
      const task = await mustFind(
        em,
        InitiativeTask,
        command.taskId,
        'taskId',
        initiativeNotFound('TASK_NOT_FOUND'),
        {
          populate: ['department'],
        },
      );
      if (task.initiative.id !== initiative.id) {
        throw initiativeError(
          'TASK_NOT_IN_INITIATIVE',
          `The task "${task.title}" belongs to another initiative than ${initiative.code}.`,
          'taskId',
        );
      }
      refuseIf(checkCommand(await snapshotOf(em, initiative), name, command));
      const before = snapshot(task);
      await apply(em, task, initiative);
      this.ctx.audit.record(em, action, 'InitiativeTask', task.id, before, snapshot(task));
      return task;
    });
  }

  private department(em: Em, id: string): Promise<Department> {
    return mustFind(em, Department, id, 'departmentId', initiativeNotFound('DEPARTMENT_NOT_FOUND'));
  }

  private async assignee(em: Em, id: string, department: Department): Promise<User> {
    const user = await mustFind(em, User, id, 'assigneeId', initiativeNotFound('USER_NOT_FOUND'));
    if (user.department?.id !== department.id) {
      throw initiativeError(
        'ASSIGNEE_NOT_IN_DEPARTMENT',
        `${user.name} is not a member of the department ${department.name}; assign someone from that department.`,
        'assigneeId',
      );
    }
    return user;
  }

  async get(id: string): Promise<InitiativeTask | null> {
    return findById(this.ctx.em, InitiativeTask, id);
  }

  async list(
    filter: InitiativeTaskFilter | undefined,
    order: InitiativeTaskOrder | undefined,
    args: PageArgs,
  ): Promise<Page<InitiativeTask>> {
    const where: FilterQuery<InitiativeTask> & Record<string, unknown> = {};
    if (filter?.initiativeId) where.initiative = filter.initiativeId;
    if (filter?.departmentId) where.department = filter.departmentId;
    if (filter?.assigneeId) where.assignee = filter.assigneeId;
    const and: FilterQuery<InitiativeTask>[] = [];
    if (filter?.statuses?.length) and.push({ status: { $in: filter.statuses } });
    const now = this.ctx.clock.now();
    if (filter?.overdue === true)
      and.push({ dueAt: { $lt: now }, status: { $in: [...OPEN_TASK_STATUSES] } });
    if (filter?.overdue === false) {
      and.push({ $or: [{ dueAt: null }, { dueAt: { $gte: now } }, { status: { $in: FINISHED } }] });
    }
    if (order?.field === 'dueAt') and.push({ dueAt: { $ne: null } });
    if (and.length) where.$and = and;
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'desc' as const };
    return paginate(this.ctx.em, InitiativeTask, where, args, orderBy);
  }
}
