import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../organisation/user.entity.js';
import { InitiativeTask } from './initiative-task.entity.js';
import { Initiative } from './initiative.entity.js';
import { TaskStatus } from './initiative.enums.js';
import { initiativeError, initiativeNotFound } from './initiative.errors.js';
import { assertNotFinished } from './initiative.load.js';
import type {
  CreateInitiativeTaskInput,
  InitiativeTaskFilter,
  UpdateInitiativeTaskInput,
} from './task.inputs.js';
import { OPEN_TASK_STATUSES, type InitiativeTaskOrder } from './task.types.js';

const FINISHED = [TaskStatus.DONE, TaskStatus.REJECTED, TaskStatus.CANCELLED];
/** Statuses an update may set; finishing goes through completeTask / rejectTask. */
const SETTABLE = [TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED];

export class TaskService {
  constructor(private readonly ctx: DomainContext) {}

  async create(input: CreateInitiativeTaskInput): Promise<InitiativeTask> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await mustFind(
        em,
        Initiative,
        input.initiativeId,
        'initiativeId',
        initiativeNotFound('INITIATIVE_NOT_FOUND'),
      );
      assertNotFinished(initiative);
      const department = await mustFind(
        em,
        Department,
        input.departmentId,
        'departmentId',
        initiativeNotFound('DEPARTMENT_NOT_FOUND'),
      );
      const assignee = input.assigneeId
        ? await this.assignee(em, input.assigneeId, department)
        : null;
      const task = em.create(InitiativeTask, {
        initiative,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        department,
        assignee,
        dueAt: input.dueAt ?? null,
      });
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

  async update(id: string, input: UpdateInitiativeTaskInput): Promise<InitiativeTask> {
    return this.change(id, 'updateInitiativeTask', async (em, task) => {
      if (input.status != null && !SETTABLE.includes(input.status)) {
        throw initiativeError(
          'INVALID_TRANSITION',
          `An update can set a task to OPEN, IN_PROGRESS or CANCELLED; use ${input.status === TaskStatus.DONE ? 'completeTask' : 'rejectTask'} for ${input.status}.`,
          'status',
        );
      }
      if (input.title != null) task.title = input.title.trim();
      if (input.description !== undefined) task.description = input.description?.trim() || null;
      if (input.dueAt !== undefined) task.dueAt = input.dueAt;
      if (input.status != null) task.status = input.status;
      if (input.departmentId != null) {
        task.department = await mustFind(
          em,
          Department,
          input.departmentId,
          'departmentId',
          initiativeNotFound('DEPARTMENT_NOT_FOUND'),
        );
      }
      if (input.assigneeId !== undefined) {
        task.assignee = input.assigneeId
          ? await this.assignee(em, input.assigneeId, task.department)
          : null;
      } else if (input.departmentId != null && task.assignee) {
        // Moving the task to another department keeps the assignee only if they belong there.
        const assignee = await em.findOneOrFail(User, { id: task.assignee.id });
        if (assignee.department?.id !== task.department.id) task.assignee = null;
      }
    });
  }

  async complete(id: string, outcomeNote: string | null | undefined): Promise<InitiativeTask> {
    return this.change(id, 'completeTask', async (_em, task) => {
      task.status = TaskStatus.DONE;
      task.outcomeNote = outcomeNote?.trim() || null;
      task.completedAt = this.ctx.clock.now();
    });
  }

  async reject(id: string, note: string): Promise<InitiativeTask> {
    if (!note.trim()) {
      throw initiativeError('NOTE_REQUIRED', 'Rejecting a task needs a note saying why.', 'note');
    }
    return this.change(id, 'rejectTask', async (_em, task) => {
      task.status = TaskStatus.REJECTED;
      task.outcomeNote = note.trim();
      task.completedAt = this.ctx.clock.now();
    });
  }

  /** Loads an unfinished task, applies the change and audits it, in one transaction. */
  private async change(
    id: string,
    action: string,
    apply: (em: Em, task: InitiativeTask) => Promise<void>,
  ): Promise<InitiativeTask> {
    return this.ctx.em.transactional(async (em) => {
      const task = await mustFind(
        em,
        InitiativeTask,
        id,
        'id',
        initiativeNotFound('TASK_NOT_FOUND'),
      );
      if (FINISHED.includes(task.status)) {
        throw initiativeError(
          'TASK_FINISHED',
          `The task "${task.title}" is already ${task.status.toLowerCase()}; a finished task cannot be changed.`,
        );
      }
      const before = snapshot(task);
      await apply(em, task);
      this.ctx.audit.record(em, action, 'InitiativeTask', task.id, before, snapshot(task));
      return task;
    });
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
      and.push({ dueAt: { $lt: now }, status: { $in: OPEN_TASK_STATUSES } });
    if (filter?.overdue === false) {
      and.push({ $or: [{ dueAt: null }, { dueAt: { $gte: now } }, { status: { $in: FINISHED } }] });
    }
    if (order?.field === 'dueAt') and.push({ dueAt: { $ne: null } });
    if (and.length) where.$and = and;
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'desc' as const };
    return paginate(this.ctx.em, InitiativeTask, where, args, orderBy);
  }
}
