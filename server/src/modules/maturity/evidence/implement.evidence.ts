import type { Em } from '../../../db/orm.js';
import {
  InitiativeStatus,
  Milestone,
  ProcessGroup,
  TaskStatus,
} from '../../initiative/initiative.enums.js';
import { MetricLayer } from '../../metric/metric.enums.js';
import { NotificationKind } from '../../notification/notification.enums.js';
import type { MaturityThresholds } from '../maturity.thresholds.js';
import {
  dialectOf,
  list,
  raw,
  selectAggregates,
  sql,
  type Dialect,
  type EvidenceWindow,
  type Sql,
} from '../maturity.evidence.js';

/** Started, not cancelled, and beyond IMPLEMENT: monitored, corrected or closed (alias `i`). */
export function pastImplement(): Sql {
  return sql`i.started_at is not null and i.status <> ${InitiativeStatus.CANCELLED}
    and (i.process_group in (${list([ProcessGroup.MONITOR, ProcessGroup.CORRECT])}) or i.status = ${InitiativeStatus.CLOSED})`;
}

/**
 * The initiative `i` has a target whose metric was observed in a month after (or, with
 * `inclusive`, in or after) the month of the given column of `i`: its effect can be measured.
 */
export function targetObservedAfter(
  d: Dialect,
  column: 'started_at' | 'closed_at',
  opts: { inclusive?: boolean; accounts?: Sql; expectedOnly?: boolean } = {},
): Sql {
  return sql`exists (select 1 from initiative_target it join metric_observation o on o.metric_id = it.metric_id
    where it.initiative_id = i.id and o.period ${raw(opts.inclusive ? '>=' : '>')} ${d.monthOf(`i.${column}`)}
    ${raw(opts.expectedOnly ? 'and it.expected_delta is not null' : '')}
    ${opts.accounts ?? raw('')})`;
}

const KEYS = [
  'initiatives',
  'initiativesOwned',
  'openTasks',
  'openTasksDue',
  'clientVisibleStarted',
  'clientVisibleNotified',
  'started',
  'startedWithBaseline',
  'startedWithSatisfactionTarget',
  'pastImplement',
  'pastImplementMeasurable',
  'closedRecently',
  'closedPredictedAndMeasured',
  'effortClasses',
] as const;

export type ImplementEvidence = Record<(typeof KEYS)[number], number>;

export async function implementEvidence(
  em: Em,
  w: EvidenceWindow,
  _t: MaturityThresholds,
): Promise<ImplementEvidence> {
  const d = dialectOf(em);
  const closedRecently = sql`i.status = ${InitiativeStatus.CLOSED} and i.closed_at >= ${w.history.from} and i.closed_at < ${w.now}`;
  const row = await selectAggregates(em, [
    sql`select count(*) as "initiatives",
      sum(case when i.owner_id is not null then 1 else 0 end) as "initiativesOwned"
      from initiative i where i.status <> ${InitiativeStatus.CANCELLED}`,
    sql`select count(*) as "openTasks", sum(case when t.due_at is not null then 1 else 0 end) as "openTasksDue"
      from initiative_task t where t.status in (${list([TaskStatus.OPEN, TaskStatus.IN_PROGRESS])})`,
    // "You said, we did": a milestone notification in the period, for each started client-visible
    // initiative that is still running or closed within the period.
    sql`select count(*) as "clientVisibleStarted",
      sum(case when exists (select 1 from client_notification n where n.initiative_id = i.id
        and n.kind = ${NotificationKind.INITIATIVE_PROGRESS} and n.milestone in (${list(Object.values(Milestone))})
        and n.created_at >= ${w.periodStart} and n.created_at < ${w.now}) then 1 else 0 end) as "clientVisibleNotified"
      from initiative i where i.client_visible = ${true} and i.started_at is not null
        and i.status <> ${InitiativeStatus.CANCELLED} and (i.closed_at is null or i.closed_at >= ${w.periodStart})`,
    sql`select count(*) as "started",
      sum(case when exists (select 1 from initiative_target it where it.initiative_id = i.id and it.baseline is not null)
        then 1 else 0 end) as "startedWithBaseline",
      sum(case when exists (select 1 from initiative_target it join metric_definition md on md.id = it.metric_id
        where it.initiative_id = i.id and md.layer = ${MetricLayer.SATISFACTION}) then 1 else 0 end) as "startedWithSatisfactionTarget"
      from initiative i where i.started_at is not null and i.status <> ${InitiativeStatus.CANCELLED}`,
    sql`select count(*) as "pastImplement",
      sum(case when ${targetObservedAfter(d, 'started_at')} then 1 else 0 end) as "pastImplementMeasurable"
      from initiative i where ${pastImplement()}`,
    sql`select count(*) as "closedRecently",
      sum(case when ${targetObservedAfter(d, 'closed_at', { inclusive: true, expectedOnly: true })} then 1 else 0 end) as "closedPredictedAndMeasured",
      count(distinct case when ${targetObservedAfter(d, 'closed_at', { inclusive: true })}
        and exists (select 1 from initiative_task tk where tk.initiative_id = i.id) then i.process_class_id end) as "effortClasses"
      from initiative i where ${closedRecently}`,
  ]);
  return row.counts(KEYS);
}
