import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { CouncilReview } from './council-review.entity.js';
import { Initiative } from './initiative.entity.js';
import { RevisionOrigin } from './initiative.enums.js';

/** One revision of an initiative: what IMPLEMENT is asked to do this time, and why. */
const InitiativeRevisionSchema = defineEntity({
  name: 'InitiativeRevision',
  tableName: 'initiative_revision',
  uniques: [{ properties: ['initiative', 'number'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    initiative: () => p.manyToOne(Initiative).index(),
    number: p.integer(),
    origin: p.enum(() => RevisionOrigin),
    brief: p.text(),
    /** The council review whose change request opened this revision. */
    councilReview: () => p.manyToOne(CouncilReview).nullable(),
    openedBy: p.string().length(200),
    openedAt: p.datetime().onCreate(() => new Date()),
  },
});
export class InitiativeRevision extends InitiativeRevisionSchema.class {}
InitiativeRevisionSchema.setClass(InitiativeRevision);
export { InitiativeRevisionSchema };
