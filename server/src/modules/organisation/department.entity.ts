import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';

/** A department is data, not an enum: companies name their own. */
const DepartmentSchema = defineEntity({
  name: 'Department',
  tableName: 'department',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    code: p.string().length(64).unique(),
    name: p.string().length(200),
    /** The CX office: the arbiter that owns initiatives end to end. */
    isCxOffice: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Department extends DepartmentSchema.class {}
DepartmentSchema.setClass(Department);
export { DepartmentSchema };
