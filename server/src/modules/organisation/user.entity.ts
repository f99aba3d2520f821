import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { Department } from './department.entity.js';
import { UserRole } from './organisation.enums.js';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    email: p.string().length(320).unique(),
    name: p.string().length(200),
    role: p.enum(() => UserRole).default(UserRole.DEPARTMENT_MEMBER),
    department: () => p.manyToOne(Department).nullable().index(),
    locale: p.string().length(8).default('en'),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class User extends UserSchema.class {}
UserSchema.setClass(User);
export { UserSchema };
