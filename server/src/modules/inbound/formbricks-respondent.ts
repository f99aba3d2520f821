import type { Em } from '../../db/orm.js';
import { isUuid } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import type { FormbricksAnswers } from './formbricks.payload.js';

/** Turns an id given in a hidden field (as the API shows it, or a bare uuid) into the row's uuid. */
export type IdDecoder = (value: string, type: 'ClientAccount' | 'Contact') => string | undefined;

export type Respondent =
  { mapped: true; accountId: string; contactId: string | null } | { mapped: false; reason: string };

const unmapped = (reason: string): Respondent => ({ mapped: false, reason });

/**
 * Who answered, from the hidden fields and e-mail, most specific first: the hub's contact id,
 * the CRM's contact key, then an account (hub id or CRM key) with the e-mail matched inside it,
 * then the e-mail alone when exactly one contact holds it. Anything else is not guessed.
 */
export async function findRespondent(
  em: Em,
  answers: FormbricksAnswers,
  decode: IdDecoder,
): Promise<Respondent> {
  let contact: Contact | null = null;
  if (answers.contactId) {
    const id = decode(answers.contactId, 'Contact');
    contact = id ? await em.findOne(Contact, { id }) : null;
    if (!contact)
      return unmapped(`No contact matches the hidden field contactId "${answers.contactId}".`);
  } else if (answers.contactExternalId) {
    contact = await em.findOne(Contact, { externalId: answers.contactExternalId });
    if (!contact) {
      return unmapped(
        `No contact has the CRM key "${answers.contactExternalId}" (contactExternalId).`,
      );
    }
  }
  let account: ClientAccount | null = null;
  if (answers.accountId) {
    const id = decode(answers.accountId, 'ClientAccount');
    account = id ? await em.findOne(ClientAccount, { id }) : null;
    if (!account)
      return unmapped(
        `No client account matches the hidden field accountId "${answers.accountId}".`,
      );
  } else if (answers.accountExternalId) {
    account = await em.findOne(ClientAccount, { externalId: answers.accountExternalId });
    if (!account) {
      return unmapped(
        `No client account has the CRM key "${answers.accountExternalId}" (accountExternalId).`,
      );
    }
  }
  if (contact) {
    if (account && contact.account.id !== account.id) {
      return unmapped(
        'The contact named in the hidden fields belongs to another account than the one named.',
      );
    }
    return { mapped: true, accountId: contact.account.id, contactId: contact.id };
  }
  if (account) {
    const known = answers.email
      ? await em.findOne(Contact, { account, email: answers.email })
      : null;
    return { mapped: true, accountId: account.id, contactId: known?.id ?? null };
  }
  if (!answers.email) {
    return unmapped(
      'The response names no account or contact: add a hidden field (accountId, contactId, accountExternalId or contactExternalId) or ask for the e-mail.',
    );
  }
  const holders = await em.find(Contact, { email: answers.email }, { limit: 2 });
  if (holders.length === 0) return unmapped(`No contact has the e-mail ${answers.email}.`);
  if (holders.length > 1) {
    return unmapped(`Several contacts in different accounts have the e-mail ${answers.email}.`);
  }
  const [only] = holders;
  return { mapped: true, accountId: only!.account.id, contactId: only!.id };
}

/** The default decoder for callers that hold bare uuids (the CLI, tests). */
export const bareUuids: IdDecoder = (value) => (isUuid(value) ? value : undefined);
