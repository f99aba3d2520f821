import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { Milestone } from '../initiative/initiative.enums.js';
import { NotificationKind } from './notification.enums.js';

/**
 * A CX admin's text for one kind of notification in one language; it replaces the built-in
 * text when the outbox row is written (progress messages: one per milestone). `{{name}}` placeholders are checked on save.
 */
const NotificationTemplateSchema = defineEntity({
  name: 'NotificationTemplate',
  tableName: 'notification_template',
  // One template per kind, language and milestone. A plain unique index would let NULL
  // milestones repeat (NULLs are distinct in SQLite and PostgreSQL), so it is on coalesce().
  uniques: [
    {
      name: 'notification_template_kind_locale_milestone_unique',
      expression:
        'create unique index "notification_template_kind_locale_milestone_unique" on "notification_template" ("kind", "locale", coalesce("milestone", \'\'))',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    kind: p.enum(() => NotificationKind),
    locale: p.string().length(8),
    /** The milestone an INITIATIVE_PROGRESS template writes; null for every other kind. */
    milestone: p.enum(() => Milestone).nullable(),
    subject: p.string().length(300),
    body: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class NotificationTemplate extends NotificationTemplateSchema.class {}
NotificationTemplateSchema.setClass(NotificationTemplate);
export { NotificationTemplateSchema };
