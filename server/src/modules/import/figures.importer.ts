import type { Em } from '../../db/orm.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { TransactionalFigures } from '../client/transactional-figures.entity.js';
import { RowErrorCode } from './import.errors.js';
import type { TransactionalFiguresRow } from './import.inputs.js';
import {
  duplicatesInBatch,
  findIn,
  findKeyedBy,
  indexBy,
  refused,
  RowCheck,
  type RowDecision,
} from './import.rules.js';
import { decideUpserts, type UpsertCandidate } from './import.upsert.js';

const keyOf = (f: TransactionalFigures) => `${f.account.id}|${f.period}`;

/** Decides every row of a transactional-figures import (see planObservations). */
export async function planFigures(
  em: Em,
  rows: readonly TransactionalFiguresRow[],
  now: Date,
): Promise<RowDecision[]> {
  const duplicates = duplicatesInBatch(rows);
  const accounts = await findKeyedBy(
    em,
    ClientAccount,
    'externalId',
    rows.map((r) => r.accountExternalId),
  );
  const existing = await findKeyedBy(
    em,
    TransactionalFigures,
    'externalId',
    rows.map((r) => r.externalId),
  );

  const candidates = rows.map((row, index): UpsertCandidate | RowDecision => {
    const duplicate = duplicates.get(index);
    if (duplicate) return refused(duplicate);
    const check = new RowCheck();
    check.required('externalId', row.externalId, 200);
    const account = check.reference(
      'accountExternalId',
      row.accountExternalId,
      200,
      accounts,
      RowErrorCode.ACCOUNT_NOT_FOUND,
      `No client account with externalId "${row.accountExternalId}".`,
    );
    check.period('period', row.period, now);
    check.number('revenue', row.revenue);
    check.number('grossMargin', row.grossMargin);
    check.number('avgDaysLate', row.avgDaysLate, { min: 0 });
    check.number('orderCount', row.orderCount, { min: 0 });
    check.number('orderRegularity', row.orderRegularity, { min: 0, max: 1 });
    check.number('shareOfWallet', row.shareOfWallet, { min: 0, max: 1 });
    if (!check.ok || !account) return refused(...check.errors);
    const values = {
      revenue: row.revenue,
      grossMargin: row.grossMargin,
      avgDaysLate: row.avgDaysLate,
      orderCount: row.orderCount,
      orderRegularity: row.orderRegularity ?? null,
      shareOfWallet: row.shareOfWallet ?? null,
    };
    return {
      externalId: row.externalId,
      key: `${account.id}|${row.period}`,
      keyLabel: `Account "${row.accountExternalId}" in ${row.period}`,
      values,
      create: (tx, id) =>
        void tx.create(TransactionalFigures, {
          id,
          externalId: row.externalId,
          account,
          period: row.period,
          ...values,
        }),
    };
  });

  const fresh = candidates.filter(
    (c): c is UpsertCandidate => !('outcome' in c) && !existing.has(c.externalId),
  );
  const parts = fresh.map((c) => c.key.split('|') as [string, string]);
  const holders = await findIn(
    em,
    TransactionalFigures,
    'account',
    parts.map((p) => p[0]),
    {
      period: { $in: [...new Set(parts.map((p) => p[1]))] },
    },
  );
  return decideUpserts(candidates, {
    noun: 'set of figures',
    existingByExternalId: existing,
    existingByKey: indexBy(holders, keyOf),
    keyOf,
  });
}
