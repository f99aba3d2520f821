import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { CouncilReview } from '../initiative/council-review.entity.js';
import { InitiativeTask } from '../initiative/initiative-task.entity.js';
import { Initiative } from '../initiative/initiative.entity.js';
import { InboxKind } from '../initiative/initiative.enums.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../organisation/user.entity.js';

/**
 * Something a person or a department has to know or act on: a task assigned or due, an
 * escalation, a rejected task to decide on, a council decision. Addressed to a user or to a
 * department (the CX office is a department); `dedupeKey` makes the writers idempotent.
 */
const InboxEntrySchema = defineEntity({
  name: 'InboxEntry',
  tableName: 'inbox_entry',
  indexes: [
    { properties: ['recipientUser', 'createdAt'] },
    { properties: ['recipientDepartment', 'createdAt'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    dedupeKey: p.string().length(200).unique(),
    kind: p.enum(() => InboxKind),
    recipientUser: () => p.manyToOne(User).nullable(),
    recipientDepartment: () => p.manyToOne(Department).nullable(),
    initiative: () => p.manyToOne(Initiative).nullable().index(),
    task: () => p.manyToOne(InitiativeTask).nullable().index(),
    councilReview: () => p.manyToOne(CouncilReview).nullable(),
    subject: p.string().length(300),
    body: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    readAt: p.datetime().nullable(),
  },
});
export class InboxEntry extends InboxEntrySchema.class {}
InboxEntrySchema.setClass(InboxEntry);
export { InboxEntrySchema };
