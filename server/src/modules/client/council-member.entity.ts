import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { User } from '../organisation/user.entity.js';
import { AdvisoryCouncil } from './advisory-council.entity.js';
import { CouncilRole } from './client.enums.js';
import { Contact } from './contact.entity.js';

const CouncilMemberSchema = defineEntity({
  name: 'CouncilMember',
  tableName: 'council_member',
  uniques: [{ properties: ['council', 'contact'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    council: () => p.manyToOne(AdvisoryCouncil).index(),
    /** The client-side person sitting on the council. */
    contact: () => p.manyToOne(Contact).index(),
    /** Their portal login, once access control exists. */
    user: () => p.manyToOne(User).nullable(),
    role: p.enum(() => CouncilRole).default(CouncilRole.MEMBER),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When the seat ended (the contact's data was erased); reviews it decided keep pointing at it. */
    endedAt: p.datetime().nullable(),
  },
});
export class CouncilMember extends CouncilMemberSchema.class {}
CouncilMemberSchema.setClass(CouncilMember);
export { CouncilMemberSchema };
