import type { Em } from '../../db/orm.js';
import type {
  InitiativeSnapshot,
  LiveReview,
  LiveTask,
} from '../../../../workflows/contracts/initiative.contract.js';
import { CouncilReview } from './council-review.entity.js';
import { InitiativeTask } from './initiative-task.entity.js';
import { Initiative } from './initiative.entity.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * The initiative as its rows stand, in the shape the workflow and the rules work with:
 * every task, and the council reviews of the current revision. Three queries.
 */
export async function loadSnapshot(
  em: Em,
  initiativeId: string,
): Promise<InitiativeSnapshot | null> {
  const initiative = await em.findOne(Initiative, { id: initiativeId });
  if (!initiative) return null;
  return snapshotOf(em, initiative);
}

export async function snapshotOf(em: Em, initiative: Initiative): Promise<InitiativeSnapshot> {
  // Sequential on purpose: one EntityManager (often inside a transaction) serves both reads.
  const tasks = await em.find(
    InitiativeTask,
    { initiative },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const reviews = await em.find(
    CouncilReview,
    { initiative, revision: initiative.revision },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return {
    initiativeId: initiative.id,
    code: initiative.code,
    title: initiative.title,
    clientVisible: initiative.clientVisible,
    processGroup: initiative.processGroup,
    status: initiative.status,
    revision: initiative.revision,
    ownerId: initiative.owner?.id ?? null,
    tasks: tasks.map(liveTask),
    reviews: reviews.map(liveReview),
  };
}

export function liveTask(t: InitiativeTask): LiveTask {
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    departmentId: t.department.id,
    assigneeId: t.assignee?.id ?? null,
    dueAt: iso(t.dueAt),
    clientVisible: t.clientVisible,
    revision: t.revision,
    round: t.round,
    remindedAt: iso(t.remindedAt),
    escalationLevel: t.escalationLevel,
  };
}

function liveReview(r: CouncilReview): LiveReview {
  return {
    id: r.id,
    councilId: r.council.id,
    revision: r.revision,
    decision: r.decision,
    requestedAt: r.createdAt.toISOString(),
    remindersSent: r.remindersSent,
  };
}
