import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { User } from '../organisation/user.entity.js';

export enum RequirementStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}

/** A client's special requirement (special delivery, product purpose, chemical properties…). */
const SpecialRequirementSchema = defineEntity({
  name: 'SpecialRequirement',
  tableName: 'special_requirement',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    account: () => p.manyToOne(ClientAccount).index(),
    processClass: () => p.manyToOne(ProcessClass).index(),
    title: p.string().length(300),
    description: p.text().nullable(),
    status: p.enum(() => RequirementStatus).default(RequirementStatus.ACTIVE),
    capturedBy: () => p.manyToOne(User).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class SpecialRequirement extends SpecialRequirementSchema.class {}
SpecialRequirementSchema.setClass(SpecialRequirement);
export { SpecialRequirementSchema };
