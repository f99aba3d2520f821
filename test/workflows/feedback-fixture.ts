import { randomUUID } from 'node:crypto';
import type { Orm } from '../../server/src/db/orm.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import {
  AccountTier,
  CompanySize,
  RespondentClass,
} from '../../server/src/modules/client/client.enums.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { Segment } from '../../server/src/modules/client/segment.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackChannel } from '../../server/src/modules/feedback/feedback.enums.js';

export interface FeedbackFixtureOptions {
  locale?: 'ru' | 'en';
  /** `null` for a contact without e-mail. */
  email?: string | null;
}

/** A stored feedback item (status RECEIVED, workflow not started) with its segment, account and contact. */
export async function createFeedbackFixture(
  orm: Orm,
  opts: FeedbackFixtureOptions = {},
): Promise<{ feedbackId: string; contactId: string; accountId: string }> {
  const em = orm.em.fork();
  const suffix = randomUUID().slice(0, 8);
  const segment = em.create(Segment, {
    code: `chem-l-${suffix}`,
    name: 'Chemicals, large',
    industry: 'Chemicals',
    size: CompanySize.LARGE,
  });
  const account = em.create(ClientAccount, {
    name: `Acme ${suffix}`,
    segment,
    tier: AccountTier.ENTERPRISE,
  });
  const contact = em.create(Contact, {
    account,
    name: 'Anna Petrova',
    email: opts.email === undefined ? `anna.${suffix}@client.example` : opts.email,
    respondentClass: RespondentClass.TECHNICAL_BUYER,
    locale: opts.locale ?? 'en',
  });
  const item = em.create(FeedbackItem, {
    account,
    contact,
    respondentClass: contact.respondentClass,
    channel: FeedbackChannel.SUPPORT_TICKET,
    npsScore: 6,
    text: 'The last two deliveries arrived a day late.',
  });
  await em.flush();
  return { feedbackId: item.id, contactId: contact.id, accountId: account.id };
}
