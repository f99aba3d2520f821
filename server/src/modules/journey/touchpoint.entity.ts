import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { Department } from '../organisation/department.entity.js';
import { InteractionChannel, JourneyStage } from './journey.enums.js';
import { ProcessClass } from './process-class.entity.js';

/** Touchpoint = journey stage × process class × channel, with the department that owns it. */
const TouchpointSchema = defineEntity({
  name: 'Touchpoint',
  tableName: 'touchpoint',
  uniques: [{ properties: ['stage', 'processClass', 'channel'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    stage: p.enum(() => JourneyStage),
    processClass: () => p.manyToOne(ProcessClass).index(),
    channel: p.enum(() => InteractionChannel),
    name: p.string().length(200),
    owningDepartment: () => p.manyToOne(Department).index(),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Touchpoint extends TouchpointSchema.class {}
TouchpointSchema.setClass(Touchpoint);
export { TouchpointSchema };
