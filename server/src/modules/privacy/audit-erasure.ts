import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Em } from '../../db/orm.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { ERASED } from './text-scrub.js';

/** The personal fields of rows of one type: erased wherever such a row appears in audit values. */
export interface AuditSubject {
  type: string;
  ids: string[];
  fields: string[];
}

const IN_CHUNKS = 500;

/** Lists cut to a size every database takes in one `in (…)`. */
export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNKS) out.push(items.slice(i, i + IN_CHUNKS));
  return out;
}

/**
 * Erases the personal fields of the given rows in audit values: in the events about those rows,
 * and wherever a snapshot nests one of them (a feedback item's snapshot carries its contact
 * whole). Candidates are the events about the rows and those whose values name the contact or
 * one of the logins; each value is walked and every object with a subject's id is cleared.
 */
export async function eraseAuditFields(
  em: Em,
  subjects: AuditSubject[],
  mentioned: string[],
): Promise<Set<string>> {
  const fieldsOf = new Map<string, string[]>();
  for (const s of subjects) for (const id of s.ids) fieldsOf.set(id, s.fields);
  const candidates = new Map<string, AuditEvent>();
  for (const { type, ids } of subjects) {
    for (const chunk of chunks(ids)) {
      for (const e of await em.find(AuditEvent, { entityType: type, entityId: { $in: chunk } }))
        candidates.set(e.id, e);
    }
  }
  const ids = await auditEventsMentioning(em, mentioned);
  for (const chunk of chunks(ids.filter((id) => !candidates.has(id)))) {
    for (const e of await em.find(AuditEvent, { id: { $in: chunk } })) candidates.set(e.id, e);
  }
  const changed = new Set<string>();
  for (const e of candidates.values()) {
    const own = e.entityId ? fieldsOf.get(e.entityId) : undefined;
    const before = eraseNested(e.before ?? null, fieldsOf, own) as typeof e.before;
    const after = eraseNested(e.after ?? null, fieldsOf, own) as typeof e.after;
    if (JSON.stringify([before, after]) === JSON.stringify([e.before ?? null, e.after ?? null]))
      continue;
    await em.nativeUpdate(AuditEvent, { id: e.id }, { before, after });
    changed.add(e.id);
  }
  return changed;
}

/** A copy of a JSON value with the personal fields of every subject object in it erased. */
function eraseNested(value: unknown, fieldsOf: Map<string, string[]>, own?: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => eraseNested(v, fieldsOf));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const fields = own ?? (typeof record.id === 'string' ? fieldsOf.get(record.id) : undefined);
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [
      k,
      fields?.includes(k) && v !== null && v !== undefined ? ERASED : eraseNested(v, fieldsOf),
    ]),
  );
}

/** Ids of the audit events whose before or after contains any of these ids. */
async function auditEventsMentioning(em: Em, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const text = (col: string) =>
    em.getPlatform() instanceof PostgreSqlPlatform ? `"${col}"::text` : `"${col}"`;
  const where = ids.map(() => `${text('before')} like ? or ${text('after')} like ?`).join(' or ');
  const rows = await em.execute<{ id: string }[]>(
    `select "id" from "audit_event" where ${where}`,
    ids.flatMap((id) => [`%${id}%`, `%${id}%`]),
  );
  return rows.map((r) => r.id);
}
