import type { Em } from '../../db/orm.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { MetricObservation } from '../metric/metric-observation.entity.js';
import { RowErrorCode } from './import.errors.js';
import type { MetricObservationRow } from './import.inputs.js';
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

const keyOf = (o: MetricObservation) => `${o.metric.id}|${o.account.id}|${o.period}`;

/** Decides every row of an observation import with a constant number of queries per 1000 rows. */
export async function planObservations(
  em: Em,
  rows: readonly MetricObservationRow[],
  now: Date,
): Promise<RowDecision[]> {
  const duplicates = duplicatesInBatch(rows);
  const accounts = await findKeyedBy(
    em,
    ClientAccount,
    'externalId',
    rows.map((r) => r.accountExternalId),
  );
  const metrics = await findKeyedBy(
    em,
    MetricDefinition,
    'code',
    rows.map((r) => r.metricCode),
  );
  const existing = await findKeyedBy(
    em,
    MetricObservation,
    'externalId',
    rows.map((r) => r.externalId),
  );

  const candidates = rows.map((row, index): UpsertCandidate | RowDecision => {
    const duplicate = duplicates.get(index);
    if (duplicate) return refused(duplicate);
    const check = new RowCheck();
    check.required('externalId', row.externalId, 200);
    const metric = check.reference(
      'metricCode',
      row.metricCode,
      64,
      metrics,
      RowErrorCode.METRIC_NOT_FOUND,
      `No metric with code "${row.metricCode}".`,
    );
    const account = check.reference(
      'accountExternalId',
      row.accountExternalId,
      200,
      accounts,
      RowErrorCode.ACCOUNT_NOT_FOUND,
      `No client account with externalId "${row.accountExternalId}".`,
    );
    check.period('period', row.period, now);
    check.number('value', row.value);
    check.number('sampleSize', row.sampleSize, { min: 0 });
    check.maxLength('source', row.source, 120);
    if (!check.ok || !metric || !account) return refused(...check.errors);
    const values = {
      value: row.value,
      sampleSize: row.sampleSize ?? null,
      source: row.source?.trim() || null,
    };
    return {
      externalId: row.externalId,
      key: `${metric.id}|${account.id}|${row.period}`,
      keyLabel: `Metric ${metric.code} for account "${row.accountExternalId}" in ${row.period}`,
      values,
      create: (tx, id) =>
        void tx.create(MetricObservation, {
          id,
          externalId: row.externalId,
          metric,
          account,
          period: row.period,
          ...values,
        }),
    };
  });

  // Only new rows can collide with a stored record's natural key; load the few candidates.
  const fresh = candidates.filter(
    (c): c is UpsertCandidate => !('outcome' in c) && !existing.has(c.externalId),
  );
  const parts = fresh.map((c) => c.key.split('|') as [string, string, string]);
  const holders = await findIn(
    em,
    MetricObservation,
    'account',
    parts.map((p) => p[1]),
    {
      metric: { $in: [...new Set(parts.map((p) => p[0]))] },
      period: { $in: [...new Set(parts.map((p) => p[2]))] },
    },
  );
  return decideUpserts(candidates, {
    noun: 'observation',
    existingByExternalId: existing,
    existingByKey: indexBy(holders, keyOf),
    keyOf,
  });
}
