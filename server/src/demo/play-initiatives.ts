import type { Viewer } from '../auth/viewer.js';
import { loadConfig } from '../config.js';
import { uuidv7 } from '../db/ids.js';
import type { Em } from '../db/orm.js';
import { DomainContext, fixedClock, type DomainDeps } from '../domain/context.js';
import type { Logger } from '../logger.js';
import { InboxEntry } from '../modules/inbox/inbox-entry.entity.js';
import { CouncilReview } from '../modules/initiative/council-review.entity.js';
import { InitiativeRevision } from '../modules/initiative/initiative-revision.entity.js';
import { InitiativeTarget } from '../modules/initiative/initiative-target.entity.js';
import { InitiativeTask } from '../modules/initiative/initiative-task.entity.js';
import { InitiativeTargetService } from '../modules/initiative/initiative-targets.service.js';
import { unreachableInitiativeWorkflows } from '../modules/initiative/initiative-workflows.port.js';
import { applyCommand } from '../modules/initiative/initiative.commands.js';
import { Initiative } from '../modules/initiative/initiative.entity.js';
import { CouncilDecision, TaskStatus } from '../modules/initiative/initiative.enums.js';
import { InitiativeService } from '../modules/initiative/initiative.service.js';
import { ClientNotification } from '../modules/notification/client-notification.entity.js';
import type {
  CommandName,
  InitiativeCommands,
} from '../../../workflows/contracts/initiative.contract.js';
import type { InitiativePlan, PlannedStep } from './plan-initiatives.js';
import { restampHistory } from './restamp.js';

const silent: Logger = { info() {}, warn() {}, error() {} };

/**
 * The ports of the loader's contexts. No workflow is reachable while history is written:
 * `InitiativeService.create` then notes (to this silent log) that the reconciler will start
 * the initiative's workflow, which it does for the open ones once the hub runs.
 */
function demoDeps(): DomainDeps {
  return {
    log: silent,
    config: loadConfig({}),
    collect: {
      startCollect: () => Promise.reject(new Error('The demo loader starts no collect workflow.')),
    },
    initiatives: unreachableInitiativeWorkflows,
  };
}

interface Life {
  plan: InitiativePlan;
  id: string;
  /** Task ids by the script's keys. */
  tasks: Map<string, string>;
}

/**
 * Plays every planned initiative's life through the lifecycle services, step by step in
 * the order of time, inside the load's transaction: each step in a context of its own acting
 * as the initiative's owner (a council member for decisions) at the step's moment, as the
 * workflow's activities do. Fails when a service refuses a step or a life ends elsewhere than
 * its script says. Returns the ids of the initiatives, in plan order.
 */
export async function playInitiatives(tx: Em, plans: InitiativePlan[]): Promise<string[]> {
  const deps = demoDeps();
  const lives: Life[] = [];
  const timeline = plans
    .flatMap((plan, p) => [
      { at: plan.createdAt, p, step: null },
      ...plan.steps.map((step) => ({ at: step.at, p, step })),
    ])
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.p - b.p);
  const firstMark = uuidv7();
  for (const { at, p, step } of timeline) {
    const plan = plans[p]!;
    const viewer: Viewer =
      step?.do === 'decide' && plan.council
        ? { actor: `member:${plan.council.memberId}` }
        : { actor: `user:${plan.ownerId}`, userId: plan.ownerId };
    const ctx = new DomainContext(deps, tx, viewer, fixedClock(at)).withEm(
      tx.fork({ keepTransactionContext: true }),
    );
    try {
      if (!step) {
        const created = await ctx.service(InitiativeService).create(plan.input);
        lives[p] = { plan, id: created.id, tasks: new Map() };
      } else {
        await take(ctx, lives[p]!, step);
      }
    } catch (error) {
      const what = step ? `${step.do} on day ${step.day}` : 'create';
      throw new Error(
        `Demo initiative "${plan.spec.title}": ${what} failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  await expectEnds(tx, lives);
  await restampHistory(tx, firstMark);
  return lives.map((l) => l.id);
}

/** One step: the command the workflow would have applied, through the same table of services. */
async function take(ctx: DomainContext, life: Life, s: PlannedStep): Promise<void> {
  const { plan, id } = life;
  const send = <K extends CommandName>(name: K, command: Omit<InitiativeCommands[K], 'actor'>) =>
    applyCommand[name](ctx, id, { ...command, actor: ctx.viewer.actor } as InitiativeCommands[K]);
  const task = (key: string) => {
    const taskId = life.tasks.get(key);
    if (!taskId) throw new Error(`the script names task "${key}" before adding it`);
    return taskId;
  };
  switch (s.do) {
    case 'move':
      await send('move', { to: s.to, brief: s.brief ?? null });
      return;
    case 'addTask': {
      const created = await send('addTask', {
        title: s.title,
        departmentId: s.departmentId!,
        assigneeId: s.assigneeId ?? null,
        dueAt: s.dueAt!.toISOString(),
      });
      life.tasks.set(s.task, created!);
      return;
    }
    case 'startTask':
      await send('updateTask', { taskId: task(s.task), status: TaskStatus.IN_PROGRESS });
      return;
    case 'completeTask':
      await send('completeTask', { taskId: task(s.task), outcomeNote: s.note ?? null });
      return;
    case 'rejectTask':
      await send('rejectTask', { taskId: task(s.task), note: s.note });
      return;
    case 'reassignTask':
      await send('reassignTask', {
        taskId: task(s.task),
        departmentId: s.departmentId!,
        assigneeId: s.assigneeId ?? null,
        dueAt: s.dueAt!.toISOString(),
        note: s.note,
      });
      return;
    case 'setTargets':
      await ctx.service(InitiativeTargetService).setTargets(id, plan.targets);
      return;
    case 'requestReview':
      if (!plan.council) throw new Error('no council is concerned by this initiative');
      await send('requestReview', { councilId: plan.council.id });
      return;
    case 'decide':
      if (!plan.council) throw new Error('no council is concerned by this initiative');
      await send('decideReview', {
        reviewId: (await pendingReview(ctx, life)).id,
        decision: s.decision,
        comments: s.comments ?? null,
        decidedByMemberId: plan.council.memberId,
      });
      return;
    case 'close':
      await send('close', { note: s.note });
      return;
    case 'hold':
      await send('hold', { reason: s.reason });
      return;
    case 'cancel':
      await send('cancel', { reason: s.reason });
  }
}

/** The review of the current revision that waits for the council's decision. */
async function pendingReview(ctx: DomainContext, life: Life): Promise<CouncilReview> {
  const initiative = await ctx.em.findOneOrFail(Initiative, { id: life.id });
  const review = await ctx.em.findOne(
    CouncilReview,
    { initiative, revision: initiative.revision, decision: CouncilDecision.PENDING },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  if (!review)
    throw new Error(`no council review of revision ${initiative.revision} waits for a decision`);
  return review;
}

/** Each life must end where its script says: a script the rules lead elsewhere is a wrong script. */
async function expectEnds(tx: Em, lives: Life[]): Promise<void> {
  const rows = await tx.fork({ keepTransactionContext: true }).find(Initiative, {
    id: { $in: lives.map((l) => l.id) },
  });
  for (const { plan, id } of lives) {
    const row = rows.find((r) => r.id === id)!;
    const [group, status] = plan.spec.ends;
    if (row.processGroup !== group || row.status !== status) {
      throw new Error(
        `Demo initiative "${plan.spec.title}" ended ${row.processGroup}/${row.status}, not ${group}/${status} as its script says.`,
      );
    }
  }
}

/** What the initiatives' lives wrote through the services (besides audit rows). */
export interface PlayedCounts {
  initiativeTasks: number;
  initiativeTargets: number;
  initiativeRevisions: number;
  councilReviews: number;
  /** "You said, we did" messages and council review requests in the outbox. */
  initiativeMessages: number;
  inboxEntries: number;
}

export async function countPlayed(tx: Em, ids: string[]): Promise<PlayedCounts> {
  const initiative = { $in: ids };
  return {
    initiativeTasks: await tx.count(InitiativeTask, { initiative }),
    initiativeTargets: await tx.count(InitiativeTarget, { initiative }),
    initiativeRevisions: await tx.count(InitiativeRevision, { initiative }),
    councilReviews: await tx.count(CouncilReview, { initiative }),
    initiativeMessages: await tx.count(ClientNotification, { initiative }),
    inboxEntries: await tx.count(InboxEntry, { initiative }),
  };
}
