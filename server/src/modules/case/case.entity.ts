import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { ComplaintClass } from '../feedback/feedback.enums.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../organisation/user.entity.js';
import { SpecialRequirement } from '../requirement/special-requirement.entity.js';
import { CaseReason, CaseStatus } from './case.enums.js';

/**
 * A case for unhappy feedback: one per feedback item (the unique `feedback` makes opening
 * idempotent), owned by a department and/or a person, with a response deadline that the
 * case workflow's durable timer watches.
 */
const FeedbackCaseSchema = defineEntity({
  name: 'FeedbackCase',
  tableName: 'feedback_case',
  indexes: [
    { properties: ['status', 'openedAt'] },
    { properties: ['department', 'openedAt'] },
    { properties: ['owner', 'openedAt'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    feedback: () => p.manyToOne(FeedbackItem).unique(),
    account: () => p.manyToOne(ClientAccount).index(),
    processClass: () => p.manyToOne(ProcessClass).nullable(),
    department: () => p.manyToOne(Department).nullable(),
    owner: () => p.manyToOne(User).nullable(),
    reason: p.enum(() => CaseReason),
    complaintClass: p.enum(() => ComplaintClass).nullable(),
    /** The account's special requirement on the same process class, when one is in play. */
    specialRequirement: () => p.manyToOne(SpecialRequirement).nullable().index(),
    status: p.enum(() => CaseStatus).default(CaseStatus.OPEN),
    slaHours: p.double(),
    openedAt: p.datetime(),
    responseDueAt: p.datetime(),
    remindAt: p.datetime(),
    remindedAt: p.datetime().nullable(),
    escalatedAt: p.datetime().nullable(),
    firstResponseAt: p.datetime().nullable(),
    respondedBy: () => p.manyToOne(User).nullable(),
    resolvedAt: p.datetime().nullable(),
    resolvedBy: () => p.manyToOne(User).nullable(),
    resolutionNote: p.text().nullable(),
    /** The outbox row that carries the resolution note to the client. */
    resolutionNotification: () => p.manyToOne(ClientNotification).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class FeedbackCase extends FeedbackCaseSchema.class {}
FeedbackCaseSchema.setClass(FeedbackCase);
export { FeedbackCaseSchema };
