import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { CompanySize } from './client.enums.js';

/** A client segment (industry × size): the unit at which importance weights are set. */
const SegmentSchema = defineEntity({
  name: 'Segment',
  tableName: 'segment',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    code: p.string().length(64).unique(),
    name: p.string().length(200),
    industry: p.string().length(120),
    size: p.enum(() => CompanySize),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Segment extends SegmentSchema.class {}
SegmentSchema.setClass(Segment);
export { SegmentSchema };
