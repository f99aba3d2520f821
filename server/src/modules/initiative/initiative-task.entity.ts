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
