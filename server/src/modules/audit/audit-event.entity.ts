import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';

/**
 * One recorded change (who did what to which entity, with before and after) or security
 * event (login, token use, refused access: the kind is the action, the detail is `after`).
 */
const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  indexes: [{ properties: ['entityType', 'entityId'] }, { properties: ['at'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    at: p.datetime().onCreate(() => new Date()),
    /** `user:<id>`, `token:<id>`, `system` or `workflow:<id>`. */
    actor: p.string().length(200),
    /** Mutation or activity name, e.g. `updateInitiative`, or a `SecurityEventKind`. */
    action: p.string().length(120),
    /** Null for a security event about no particular row (e.g. a login with an unknown e-mail). */
    entityType: p.string().length(64).nullable(),
    entityId: p.string().length(64).nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
  },
});
export class AuditEvent extends AuditEventSchema.class {}
AuditEventSchema.setClass(AuditEvent);
export { AuditEventSchema };
