import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { JourneyStage } from '../journey/journey.enums.js';
import { User } from '../organisation/user.entity.js';
import { Analysis } from './analysis.entity.js';
import { InitiativeStatus, ProcessGroup } from './initiative.enums.js';

/** An improvement initiative: owned, tracked and, when client-visible, reported to clients. */
const InitiativeSchema = defineEntity({
  name: 'Initiative',
  tableName: 'initiative',
  indexes: [{ properties: ['processGroup', 'status'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    code: p.string().length(32).unique(),
    title: p.string().length(300),
    problem: p.text(),
    analysis: () => p.manyToOne(Analysis).nullable().index(),
    owner: () => p.manyToOne(User).nullable().index(),
    processClass: () => p.manyToOne(ProcessClass).nullable().index(),
    stage: p.enum(() => JourneyStage).nullable(),
    affectedAccounts: () => p.manyToMany(ClientAccount).pivotTable('initiative_account'),
    feedback: () => p.manyToMany(FeedbackItem).pivotTable('initiative_feedback'),
    clientVisible: p.boolean().default(false),
    processGroup: p.enum(() => ProcessGroup).default(ProcessGroup.ANALYSE),
    status: p.enum(() => InitiativeStatus).default(InitiativeStatus.PROPOSED),
    /** Incremented each time a council's change request loops the initiative back. */
    revision: p.integer().default(1),
    expectedEffect: p.text().nullable(),
    startedAt: p.datetime().nullable(),
    dueAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    /** Why the initiative was put on hold (while ON_HOLD) or cancelled. */
    holdReason: p.text().nullable(),
    cancelReason: p.text().nullable(),
    /** Set once Temporal has accepted the initiative's workflow; the reconciler looks for nulls. */
    workflowStartedAt: p.datetime().nullable().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Initiative extends InitiativeSchema.class {}
InitiativeSchema.setClass(Initiative);
export { InitiativeSchema };
