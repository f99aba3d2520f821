import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../organisation/user.entity.js';
import { Initiative } from './initiative.entity.js';
import { TaskStatus } from './initiative.enums.js';

/** Work assigned to a department (and optionally a person) within an initiative. */
const InitiativeTaskSchema = defineEntity({
  name: 'InitiativeTask',
  tableName: 'initiative_task',
  indexes: [{ properties: ['department', 'status', 'dueAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    initiative: () => p.manyToOne(Initiative).index(),
    title: p.string().length(300),
    description: p.text().nullable(),
    department: () => p.manyToOne(Department),
    assignee: () => p.manyToOne(User).nullable().index(),
    dueAt: p.datetime().nullable(),
    status: p.enum(() => TaskStatus).default(TaskStatus.OPEN),
    outcomeNote: p.text().nullable(),
    /** A client-visible task's completion is announced to the initiative's clients. */
    clientVisible: p.boolean().default(false),
    /** The initiative revision the task was created in. */
    revision: p.integer().default(1),
    /** Incremented on each reassignment, so reminders and escalations of a new round are new. */
    round: p.integer().default(1),
    /** When the department was reminded that the task is due soon (this round). */
    remindedAt: p.datetime().nullable(),
    /** 0 on time, 1 escalated to the initiative owner, 2 escalated to the CX office (this round). */
    escalationLevel: p.integer().default(0),
    escalatedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class InitiativeTask extends InitiativeTaskSchema.class {}
InitiativeTaskSchema.setClass(InitiativeTask);
export { InitiativeTaskSchema };
