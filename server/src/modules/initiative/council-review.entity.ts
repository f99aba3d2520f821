import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { AdvisoryCouncil } from '../client/advisory-council.entity.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { Initiative } from './initiative.entity.js';
import { CouncilDecision, ReviewTrigger } from './initiative.enums.js';

/** A council's review of one revision of a client-visible initiative. */
const CouncilReviewSchema = defineEntity({
  name: 'CouncilReview',
  tableName: 'council_review',
  // A council reviews a revision once per trigger: IMPLEMENT finished, CORRECT entered, on request.
  uniques: [{ properties: ['initiative', 'council', 'revision', 'trigger'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    initiative: () => p.manyToOne(Initiative).index(),
    council: () => p.manyToOne(AdvisoryCouncil).index(),
    revision: p.integer(),
    decision: p.enum(() => CouncilDecision).default(CouncilDecision.PENDING),
    trigger: p.enum(() => ReviewTrigger).nullable(),
    /** What the council is asked to review, as it stood when the review was requested. */
    agenda: p.json<Record<string, unknown>>().nullable(),
    remindersSent: p.integer().default(0),
    lastRemindedAt: p.datetime().nullable(),
    comments: p.text().nullable(),
    decidedBy: () => p.manyToOne(CouncilMember).nullable(),
    decidedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class CouncilReview extends CouncilReviewSchema.class {}
CouncilReviewSchema.setClass(CouncilReview);
export { CouncilReviewSchema };
