import type { Em } from '../../db/orm.js';
import { NotificationKind } from '../notification/notification.enums.js';
import { InitiativeRevision } from './initiative-revision.entity.js';
import { InitiativeTarget } from './initiative-target.entity.js';
import { InitiativeTask } from './initiative-task.entity.js';
import type { Initiative } from './initiative.entity.js';
import { OPEN_TASK_STATUSES } from '../../../../workflows/contracts/initiative.rules.js';

export interface AgendaTask {
  title: string;
  department: string;
  status: string;
  revision: number;
  dueAt: string | null;
  completedAt: string | null;
  outcomeNote: string | null;
}

export interface AgendaTarget {
  metricCode: string;
  metricName: string;
  unit: string;
  baseline: number | null;
  targetValue: number | null;
  /** Mean over the affected accounts in the latest period that has observations. */
  latestValue: number | null;
  latestPeriod: string | null;
  accountsMeasured: number;
}

/** What a council is asked to review, frozen when the review is requested. */
export interface CouncilAgenda {
  revision: number;
  brief: string | null;
  processGroup: string;
  tasksDone: AgendaTask[];
  tasksOpen: AgendaTask[];
  notificationsSent: { milestone: string; count: number }[];
  targets: AgendaTarget[];
}

/** Builds the agenda from the initiative's status: tasks, "you said, we did" messages, targets. */
export async function buildAgenda(em: Em, initiative: Initiative): Promise<CouncilAgenda> {
  const revision = await em.findOne(InitiativeRevision, {
    initiative,
    number: initiative.revision,
  });
  const tasks = await em.find(
    InitiativeTask,
    { initiative },
    { populate: ['department'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const sent = await em.execute<{ milestone: string; count: number | string }[]>(
    `select milestone, count(*) as count from client_notification
      where initiative_id = ? and kind = ? and milestone is not null
      group by milestone order by milestone`,
    [initiative.id, NotificationKind.INITIATIVE_PROGRESS],
  );
  const toTask = (t: InitiativeTask): AgendaTask => ({
    title: t.title,
    department: t.department.name,
    status: t.status,
    revision: t.revision,
    dueAt: t.dueAt?.toISOString() ?? null,
    completedAt: t.completedAt?.toISOString() ?? null,
    outcomeNote: t.outcomeNote ?? null,
  });
  return {
    revision: initiative.revision,
    brief: revision?.brief ?? null,
    processGroup: initiative.processGroup,
    tasksDone: tasks.filter((t) => t.status === 'DONE').map(toTask),
    tasksOpen: tasks.filter((t) => OPEN_TASK_STATUSES.includes(t.status)).map(toTask),
    notificationsSent: sent.map((r) => ({ milestone: r.milestone, count: Number(r.count) })),
    targets: await targetsWithLatest(em, initiative),
  };
}

async function targetsWithLatest(em: Em, initiative: Initiative): Promise<AgendaTarget[]> {
  const targets = await em.find(
    InitiativeTarget,
    { initiative },
    { populate: ['metric'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  if (targets.length === 0) return [];
  const accounts = (await initiative.affectedAccounts.load({ dataloader: false }))
    .getItems()
    .map((a) => a.id);
  const metricIds = targets.map((t) => t.metric.id);
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  // One aggregate over all targets: the mean per metric and month; the latest month wins below.
  const rows = await em.execute<
    { metric: string; period: string; mean: number | string; n: number | string }[]
  >(
    `select metric_id as metric, period, avg(value) as mean, count(*) as n from metric_observation
      where metric_id in (${marks(metricIds.length)})
      ${accounts.length > 0 ? `and account_id in (${marks(accounts.length)})` : ''}
      group by metric_id, period`,
    [...metricIds, ...accounts],
  );
  const latest = new Map<string, { period: string; mean: number; n: number }>();
  for (const r of rows) {
    const seen = latest.get(r.metric);
    if (!seen || r.period > seen.period)
      latest.set(r.metric, { period: r.period, mean: Number(r.mean), n: Number(r.n) });
  }
  return targets.map((t) => {
    const l = latest.get(t.metric.id);
    return {
      metricCode: t.metric.code,
      metricName: t.metric.name,
      unit: t.metric.unit,
      baseline: t.baseline == null ? null : Number(t.baseline),
      targetValue: t.targetValue == null ? null : Number(t.targetValue),
      latestValue: l ? Math.round(l.mean * 1000) / 1000 : null,
      latestPeriod: l?.period ?? null,
      accountsMeasured: l?.n ?? 0,
    };
  });
}
