import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { NotificationKind } from './notification.enums.js';

/**
 * A CX admin's text for one kind of notification in one language; it replaces the built-in
 * text when the outbox row is written. `{{name}}` placeholders are checked on save.
 */
const NotificationTemplateSchema = defineEntity({
  name: 'NotificationTemplate',
  tableName: 'notification_template',
  uniques: [{ properties: ['kind', 'locale'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    kind: p.enum(() => NotificationKind),
    locale: p.string().length(8),
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
