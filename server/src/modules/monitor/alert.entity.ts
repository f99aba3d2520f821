import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import { User } from '../organisation/user.entity.js';
import { AlertKind, AlertStatus } from './monitor.enums.js';

/**
 * A condition the monitor found on an account (divergence, a coverage gap, a silent key
 * contact), addressed to the account's owner; with the owner's inbox entry it is their task.
 * `dedupeKey` names the condition, so the same condition raises one alert whatever the reruns.
 */
const AlertSchema = defineEntity({
  name: 'Alert',
  tableName: 'monitor_alert',
  indexes: [{ properties: ['status', 'raisedAt'] }, { properties: ['kind', 'raisedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    dedupeKey: p.string().length(200).unique(),
    kind: p.enum(() => AlertKind),
    status: p.enum(() => AlertStatus).default(AlertStatus.OPEN),
    account: () => p.manyToOne(ClientAccount).index(),
    /** The key contact a KEY_CONTACT_SILENT alert is about. */
    contact: () => p.manyToOne(Contact).nullable(),
    /** The account's owner when raised (null: the account had none; the CX office was told). */
    owner: () => p.manyToOne(User).nullable().index(),
    /** The month (`YYYY-MM`) the condition was found in. */
    period: p.string().length(7),
    /** What fired it: the figures the rule compared, and what was done (e.g. invitations). */
    figures: p.json<Record<string, unknown>>(),
    raisedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
    closedBy: () => p.manyToOne(User).nullable(),
    closeNote: p.text().nullable(),
  },
});
export class Alert extends AlertSchema.class {}
AlertSchema.setClass(Alert);
export { AlertSchema };
