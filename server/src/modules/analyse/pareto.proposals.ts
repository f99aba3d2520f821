import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Segment } from '../client/segment.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../feedback/feedback.enums.js';
import type { JourneyStage } from '../journey/journey.enums.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { sql } from '../maturity/maturity.evidence.js';
import { Department } from '../organisation/department.entity.js';
import type { Analysis } from '../initiative/analysis.entity.js';
import { InitiativeTask } from '../initiative/initiative-task.entity.js';
import { Initiative } from '../initiative/initiative.entity.js';
import { InitiativeStatus, ProcessGroup } from '../initiative/initiative.enums.js';
import { initiativeSnapshot } from '../initiative/initiative.load.js';
import { firstRevision } from '../initiative/initiative.revisions.js';
import { TaskNotices } from '../initiative/task.notices.js';
import { dissatisfiedF } from './dissatisfaction.js';
import type { ParetoCause } from './pareto.query.js';
import type { Period } from './pareto.period.js';

const FINISHED = [InitiativeStatus.CLOSED, InitiativeStatus.CANCELLED];
const DAY_MS = 86_400_000;

const causeKey = (c: { cc: unknown; pc: unknown; stage: unknown; seg: unknown }) =>
  `${String(c.cc)}|${String(c.pc)}|${String(c.stage)}|${String(c.seg)}`;

/**
 * Causes an open initiative already works on: it links dissatisfied feedback of the same
 * complaint class, process class, stage and segment. One query for all causes.
 */
export async function causesInWork(em: Em): Promise<Set<string>> {
  const q = sql`select distinct f.complaint_class as cc, t.process_class_id as pc, t.stage as stage,
      a.segment_id as seg
    from initiative i
    join initiative_feedback l on l.initiative_id = i.id
    join feedback_item f on f.id = l.feedback_item_id
    join touchpoint t on t.id = f.touchpoint_id
    join client_account a on a.id = f.account_id
    where i.status not in (${FINISHED[0]}, ${FINISHED[1]}) and f.complaint_class is not null`;
  type Row = { cc: unknown; pc: unknown; stage: unknown; seg: unknown };
  const rows = await em.execute<Row[]>(q.text, [...q.params]);
  return new Set(rows.map(causeKey));
}

/** The period's dissatisfied feedback behind one cause: ids and accounts to link. */
async function feedbackBehind(
  em: Em,
  span: Period,
  c: ParetoCause,
): Promise<{ id: string; account: string }[]> {
  const q = sql`select f.id as id, f.account_id as account from feedback_item f
    join touchpoint t on t.id = f.touchpoint_id
    join client_account a on a.id = f.account_id
    where f.received_at >= ${span.from} and f.received_at < ${span.to} and ${dissatisfiedF()}
      and f.complaint_class = ${c.complaintClass} and t.process_class_id = ${c.processClassId}
      and t.stage = ${c.stage} and a.segment_id = ${c.segmentId}
    order by f.id`;
  return (await em.execute<{ id: string; account: string }[]>(q.text, [...q.params])).map((r) => ({
    id: String(r.id),
    account: String(r.account),
  }));
}

export interface ProposalPlan {
  analysis: Analysis;
  span: Period;
  causes: ParetoCause[];
  /** First free initiative number (INI-0042 → 42). */
  firstNumber: number;
  taskDays: number;
}

/**
 * One PROPOSED initiative per vital cause nobody works on yet, linked to the analysis and to
 * the feedback behind the cause, with a root-cause task for the department owning the
 * cause's process class. Inside the caller's transaction.
 */
export async function propose(
  ctx: DomainContext,
  em: Em,
  plan: ProposalPlan,
): Promise<Initiative[]> {
  const inWork = await causesInWork(em);
  const todo = plan.causes.filter(
    (c) =>
      c.vital &&
      !inWork.has(
        causeKey({ cc: c.complaintClass, pc: c.processClassId, stage: c.stage, seg: c.segmentId }),
      ),
  );
  if (todo.length === 0) return [];
  const [classes, segments, departments] = await Promise.all([
    em.find(ProcessClass, { id: { $in: todo.map((c) => c.processClassId) } }),
    em.find(Segment, { id: { $in: todo.map((c) => c.segmentId) } }),
    em.find(Department, { id: { $in: todo.map((c) => c.departmentId) } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const [classOf, segmentOf, departmentOf] = [byId(classes), byId(segments), byId(departments)];
  const now = ctx.clock.now();
  const created: Initiative[] = [];
  let number = plan.firstNumber;
  for (const cause of todo) {
    const processClass = classOf.get(cause.processClassId)!;
    const segment = segmentOf.get(cause.segmentId)!;
    const department = departmentOf.get(cause.departmentId)!;
    const behind = await feedbackBehind(em, plan.span, cause);
    const label = `${words(cause.complaintClass)} in ${processClass.name} (${words(cause.stage)}, ${segment.name})`;
    const initiative = em.create(Initiative, {
      code: `INI-${String(number++).padStart(4, '0')}`,
      title: `Reduce dissatisfaction: ${label}`.slice(0, 300),
      problem: `${cause.count} dissatisfied feedback items in ${plan.span.period} (${pct(cause.share)} of the attributable dissatisfaction; rank ${cause.rank} of the Pareto, ${pct(cause.cumulativeShare)} cumulative) are ${label}.`,
      analysis: plan.analysis,
      processClass,
      stage: cause.stage as JourneyStage,
      processGroup: ProcessGroup.ANALYSE,
      status: InitiativeStatus.PROPOSED,
      clientVisible: false,
      createdAt: now,
    });
    const items = await em.find(FeedbackItem, { id: { $in: behind.map((f) => f.id) } });
    initiative.feedback.set(items);
    markActioned(ctx, em, items);
    for (const account of new Set(behind.map((f) => f.account)))
      initiative.affectedAccounts.add(em.getReference(ClientAccount, account));
    firstRevision(ctx, em, initiative);
    ctx.audit.record(
      em,
      'proposeInitiative',
      'Initiative',
      initiative.id,
      null,
      initiativeSnapshot(initiative),
    );
    const task = em.create(InitiativeTask, {
      initiative,
      title: `Find the root cause: ${label}`.slice(0, 300),
      description: `The Pareto of ${plan.span.period} ranks this cause ${cause.rank} (${cause.count} items). Trace it to the operation in ${processClass.name} that causes it and say what to change.`,
      department,
      dueAt: new Date(now.getTime() + plan.taskDays * DAY_MS),
      revision: 1,
      createdAt: now,
    });
    await ctx.service(TaskNotices).assigned(em, initiative, task, null);
    ctx.audit.record(em, 'createInitiativeTask', 'InitiativeTask', task.id, null, snapshot(task));
    created.push(initiative);
  }
  return created;
}

/**
 * As createInitiative does: feedback an initiative links is being acted on, so closing the
 * initiative closes the loop for it (`initiative.links.ts`) and cancelling releases it.
 */
function markActioned(ctx: DomainContext, em: Em, items: FeedbackItem[]): void {
  for (const item of items) {
    if (item.status === FeedbackStatus.ACTIONED) continue;
    const before = { status: item.status };
    item.status = FeedbackStatus.ACTIONED;
    ctx.audit.record(em, 'actionFeedback', 'FeedbackItem', item.id, before, {
      status: item.status,
    });
  }
}

const words = (code: string) => code.toLowerCase().replaceAll('_', ' ');
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
