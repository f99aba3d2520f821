import { uuidv7 } from '../../db/ids.js';
import type { Em } from '../../db/orm.js';
import { RowErrorCode } from './import.errors.js';
import { refused, type RowDecision } from './import.rules.js';

type Scalar = string | number | null;

/** A valid row of an upsertable kind (observations, figures), ready to be decided. */
export interface UpsertCandidate {
  externalId: string;
  /** The natural key as ids, e.g. `<metricId>|<accountId>|2024-03`. */
  key: string;
  /** The natural key in the integrator's words, for messages. */
  keyLabel: string;
  /** The columns a row sets (everything but the key); compared to tell UNCHANGED from UPDATED. */
  values: Record<string, Scalar>;
  /** Stages the new record with the given id. */
  create: (em: Em, id: string) => void;
}

interface Stored {
  id: string;
  externalId?: string | null;
}

export interface UpsertContext<E extends Stored> {
  noun: string;
  existingByExternalId: Map<string, E>;
  /** Stored records holding the natural key of some new row. */
  existingByKey: Map<string, E>;
  keyOf: (entity: E) => string;
}

/**
 * Decides each candidate in order. An externalId seen before updates its record in place
 * (only its values, never its key); a new externalId must not land on a natural key that
 * another record, or an earlier row of the call, already holds.
 */
export function decideUpserts<E extends Stored>(
  candidates: readonly (UpsertCandidate | RowDecision)[],
  ctx: UpsertContext<E>,
): RowDecision[] {
  const claimed = new Map<string, string>();
  return candidates.map((c) => {
    if ('outcome' in c) return c;
    const existing = ctx.existingByExternalId.get(c.externalId);
    if (existing) {
      if (ctx.keyOf(existing) !== c.key) {
        return refused({
          field: 'externalId',
          code: RowErrorCode.KEY_CHANGED,
          message: `The ${ctx.noun} with externalId "${c.externalId}" is stored for another metric, account or period; an import cannot move it to ${c.keyLabel}.`,
        });
      }
      claimed.set(c.key, c.externalId);
      const record = existing as unknown as Record<string, Scalar>;
      const changed = Object.entries(c.values).some(([k, v]) => (record[k] ?? null) !== v);
      if (!changed) return { outcome: 'UNCHANGED', id: existing.id };
      return {
        outcome: 'UPDATED',
        id: existing.id,
        apply: () => void Object.assign(existing, c.values),
      };
    }
    const holder = ctx.existingByKey.get(c.key);
    const earlier = claimed.get(c.key);
    if (holder || earlier !== undefined) {
      const who = holder
        ? holder.externalId
          ? `the stored ${ctx.noun} with externalId "${holder.externalId}"`
          : `a stored ${ctx.noun} entered without an externalId`
        : `externalId "${earlier}" earlier in this call`;
      return refused({
        field: 'externalId',
        code: RowErrorCode.NATURAL_KEY_TAKEN,
        message: `${c.keyLabel} is already held by ${who}; send changes under that externalId.`,
      });
    }
    claimed.set(c.key, c.externalId);
    const id = uuidv7();
    return { outcome: 'CREATED', id, apply: (em: Em) => c.create(em, id) };
  });
}
