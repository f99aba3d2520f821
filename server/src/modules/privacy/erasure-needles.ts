import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Em } from '../../db/orm.js';
import { escapeLike } from '../../db/search.js';
import type { Contact } from '../client/contact.entity.js';
import { needlesFor, type Needles } from './text-scrub.js';

/**
 * What to hunt for in other people's free text, kept to what singles this contact out: a text
 * someone else's feedback also says word for word (a stock answer) is not theirs to erase, nor
 * is a full name another contact or user also bears. Their own rows and audit
 * values are cleared field by field whatever this leaves out.
 */
export async function distinctiveNeedles(
  em: Em,
  contact: Contact,
  texts: (string | null)[],
  ownLogins: string[],
): Promise<Needles> {
  const all = needlesFor(contact, texts);
  const name = contact.name.trim();
  const namesake = all.identity.includes(name) && (await hasNamesake(em, contact, ownLogins));
  const shared = new Set<string>();
  for (const text of all.texts) if (await sharedText(em, contact.id, text)) shared.add(text);
  return {
    identity: namesake ? all.identity.filter((n) => n !== name) : all.identity,
    texts: all.texts.filter((t) => !shared.has(t)),
  };
}

async function hasNamesake(em: Em, contact: Contact, ownLogins: string[]): Promise<boolean> {
  const like = em.getPlatform() instanceof PostgreSqlPlatform ? 'ilike' : 'like';
  const name = escapeLike(contact.name.trim());
  const others = await em.execute(
    `select 1 from "contact" where "id" <> ? and "erased_at" is null and "name" ${like} ? escape '\\' limit 1`,
    [contact.id, name],
  );
  const notOwn = ownLogins.length
    ? ` and "id" not in (${ownLogins.map(() => '?').join(', ')})`
    : '';
  const users = await em.execute(
    `select 1 from "app_user" where "name" ${like} ? escape '\\'${notOwn} limit 1`,
    [name, ...ownLogins],
  );
  return others.length > 0 || users.length > 0;
}

/** Someone else's feedback says exactly this (a stock answer); a quote inside a longer text does not count. */
async function sharedText(em: Em, contactId: string, text: string): Promise<boolean> {
  const rows = await em.execute(
    `select 1 from "feedback_item" where ("contact_id" is null or "contact_id" <> ?) and trim("text") = ? limit 1`,
    [contactId, text],
  );
  return rows.length > 0;
}
