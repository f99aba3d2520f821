/**
 * Rules a coherent demo company keeps, each as a query answering the rows that break it (an
 * empty list when it holds), so that a failing test shows the offenders.
 */
import type { Em } from '../../server/src/db/orm.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { acknowledgementDedupeKey } from '../../server/src/modules/feedback/feedback-acknowledgement.service.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../../server/src/modules/feedback/feedback.enums.js';
import { CouncilReview } from '../../server/src/modules/initiative/council-review.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import {
  CouncilDecision,
  InitiativeStatus as S,
  Milestone,
  ProcessGroup as G,
  TaskStatus,
} from '../../server/src/modules/initiative/initiative.enums.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import {
  DeliveryStatus,
  NotificationKind,
} from '../../server/src/modules/notification/notification.enums.js';
import { NEXT_GROUPS } from '../../workflows/contracts/initiative.rules.js';

const FINISHED: string[] = [S.CLOSED, S.CANCELLED];
const rows = <T>(em: Em, sql: string, params: unknown[] = []) => em.execute<T[]>(sql, params);

/** Initiatives whose revision is not the number of their revision rows (1, 2, … n). */
export async function revisionsWithoutRows(em: Em): Promise<string[]> {
  const found = await rows<{ code: string; revision: number; n: number | string; top: unknown }>(
    em,
    `select i.code, i.revision, count(r.id) as n, max(r.number) as top from initiative i
       left join initiative_revision r on r.initiative_id = i.id
      group by i.id, i.code, i.revision`,
  );
  return found
    .filter((r) => Number(r.n) !== r.revision || Number(r.top) !== r.revision)
    .map((r) => `${r.code}: revision ${r.revision}, ${r.n} revision rows`);
}

/** Tasks made in a revision their initiative has not reached. */
export async function tasksAheadOfRevision(em: Em): Promise<string[]> {
  const found = await rows<{ title: string }>(
    em,
    `select t.title from initiative_task t join initiative i on i.id = t.initiative_id
      where t.revision > i.revision`,
  );
  return found.map((r) => r.title);
}

type Trail = Map<string, AuditEvent[]>;

/** Each initiative's audit rows about itself, in the order they were written. */
export async function initiativeTrails(em: Em): Promise<Trail> {
  const events = await em.find(
    AuditEvent,
    { entityType: 'Initiative' },
    { orderBy: { at: 'asc', id: 'asc' } },
  );
  const trails: Trail = new Map();
  for (const e of events) trails.set(e.entityId!, [...(trails.get(e.entityId!) ?? []), e]);
  return trails;
}

/**
 * Client-visible initiatives that left IMPLEMENT in a revision no council review covers (the
 * rules ask the concerned councils whenever IMPLEMENT finishes), or that stand past IMPLEMENT
 * without ever having left it.
 */
export async function unreviewedRevisions(em: Em, trails: Trail): Promise<string[]> {
  const visible = await em.find(Initiative, { clientVisible: true });
  const reviews = await em.find(CouncilReview, { initiative: { $in: visible } });
  const broken: string[] = [];
  for (const i of visible) {
    const left = (trails.get(i.id) ?? [])
      .filter((e) => e.action === 'moveInitiative' && e.before?.processGroup === G.IMPLEMENT)
      .map((e) => Number(e.before?.revision));
    const past = i.processGroup === G.MONITOR || i.processGroup === G.CORRECT;
    if (past && left.length === 0) broken.push(`${i.code} is in ${i.processGroup} unseen`);
    for (const revision of left) {
      if (!reviews.some((r) => r.initiative.id === i.id && r.revision === revision))
        broken.push(`${i.code} left IMPLEMENT in revision ${revision} without a council review`);
    }
  }
  return broken;
}

/** Closed client-visible initiatives that some concerned council did not approve (its latest review of the revision). */
export async function closedWithoutApproval(em: Em): Promise<string[]> {
  const closed = await em.find(Initiative, { clientVisible: true, status: S.CLOSED });
  const broken: string[] = [];
  for (const i of closed) {
    const councils = await rows<{ id: string }>(
      em,
      `select distinct c.advisory_council_id as id from advisory_council_account c
         join initiative_account a on a.client_account_id = c.client_account_id
        where a.initiative_id = ?`,
      [i.id],
    );
    if (councils.length === 0) broken.push(`${i.code}: no council concerned`);
    for (const { id } of councils) {
      const latest = await em.findOne(
        CouncilReview,
        { initiative: i, council: id, revision: i.revision },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      );
      if (latest?.decision !== CouncilDecision.APPROVED)
        broken.push(`${i.code}: council ${id} ${latest?.decision ?? 'never reviewed'}`);
    }
  }
  return broken;
}

/** Open initiatives whose status says otherwise than their pending reviews (AWAITING_COUNCIL ⇔ one waits). */
export async function statusAgainstReviews(em: Em): Promise<string[]> {
  const live = await em.find(Initiative, { status: { $in: [S.ACTIVE, S.AWAITING_COUNCIL] } });
  const broken: string[] = [];
  for (const i of live) {
    const waiting = await em.count(CouncilReview, {
      initiative: i,
      revision: i.revision,
      decision: CouncilDecision.PENDING,
    });
    if ((i.status === S.AWAITING_COUNCIL) !== waiting > 0)
      broken.push(`${i.code} is ${i.status} with ${waiting} pending review(s)`);
  }
  return broken;
}

/**
 * Feedback whose status contradicts the initiatives linking it: ACTIONED while an open one
 * acts on it, else CLOSED when a closed one did, else back to ACKNOWLEDGED (all cancelled);
 * and nothing is ACTIONED that no open initiative acts on.
 */
export async function feedbackAgainstInitiatives(em: Em): Promise<string[]> {
  const found = await rows<{ id: string; status: string; open: unknown; closed: unknown }>(
    em,
    `select f.id, f.status,
        sum(case when i.status not in (?, ?) then 1 else 0 end) as open,
        sum(case when i.status = ? then 1 else 0 end) as closed
       from feedback_item f
       left join initiative_feedback p on p.feedback_item_id = f.id
       left join initiative i on i.id = p.initiative_id
      where f.status = ? or p.initiative_id is not null
      group by f.id, f.status`,
    [...FINISHED, S.CLOSED, FeedbackStatus.ACTIONED],
  );
  return found
    .filter((f) => {
      const expected =
        Number(f.open) > 0
          ? FeedbackStatus.ACTIONED
          : Number(f.closed) > 0
            ? FeedbackStatus.CLOSED
            : FeedbackStatus.ACKNOWLEDGED;
      return f.status !== expected;
    })
    .map((f) => `${f.id} ${f.status}`);
}

/**
 * Acknowledged feedback without exactly one acknowledgement in the outbox under its dedupe
 * key, and acknowledgements that are not history: written to the contact's e-mail and SENT at
 * the acknowledgement, or SKIPPED when there is no e-mail to write to.
 */
export async function acknowledgementGaps(em: Em): Promise<string[]> {
  const kind = NotificationKind.FEEDBACK_ACKNOWLEDGEMENT;
  const acks = await rows<{ key: string; item: string | null }>(
    em,
    'select dedupe_key as key, feedback_item_id as item from client_notification where kind = ?',
    [kind],
  );
  const acknowledged = await em.count(FeedbackItem, { status: { $ne: FeedbackStatus.RECEIVED } });
  const broken = acks
    .filter((a) => !a.item || a.key !== acknowledgementDedupeKey(a.item))
    .map((a) => `${a.key}: not the key of item ${a.item}`);
  if (acks.length !== acknowledged)
    broken.push(`${acks.length} acknowledgements for ${acknowledged} acknowledged items`);
  const undelivered = await rows<{ key: string; status: string }>(
    em,
    `select n.dedupe_key as key, n.status from client_notification n
       join feedback_item f on f.id = n.feedback_item_id
       left join contact c on c.id = n.contact_id
      where n.kind = ? and (coalesce(n.recipient, '') <> coalesce(c.email, '')
         or (n.recipient is not null and (n.status <> ? or n.sent_at is null or n.sent_at <> f.acknowledged_at))
         or (n.recipient is null and n.status <> ?))`,
    [kind, DeliveryStatus.SENT, DeliveryStatus.SKIPPED],
  );
  return [...broken, ...undelivered.map((u) => `${u.key}: ${u.status}`)];
}

/**
 * Started client-visible initiatives missing a "you said, we did" message: the start of each
 * revision, each client-visible task done, monitoring, the close.
 */
export async function untoldMilestones(em: Em): Promise<string[]> {
  const started = await em.find(Initiative, { clientVisible: true, startedAt: { $ne: null } });
  const broken: string[] = [];
  for (const i of started) {
    const told = await em.find(
      ClientNotification,
      { initiative: i, kind: NotificationKind.INITIATIVE_PROGRESS },
      { fields: ['dedupeKey', 'milestone'] },
    );
    const has = (milestone: Milestone, scope: string) =>
      told.some(
        (n) => n.milestone === milestone && n.dedupeKey.includes(`:${milestone}:${scope}:`),
      );
    for (let r = 1; r <= i.revision; r++)
      if (!has(Milestone.STARTED, `r${r}`)) broken.push(`${i.code}: no STARTED of revision ${r}`);
    const done = await em.find(InitiativeTask, {
      initiative: i,
      status: TaskStatus.DONE,
      clientVisible: true,
    });
    for (const t of done)
      if (!has(Milestone.TASK_DONE, `task:${t.id}`)) broken.push(`${i.code}: "${t.title}" untold`);
    if (i.status === S.CLOSED && !has(Milestone.CLOSED, 'end')) broken.push(`${i.code}: no CLOSED`);
    if (i.processGroup === G.MONITOR && !told.some((n) => n.milestone === Milestone.MONITORING))
      broken.push(`${i.code}: no MONITORING`);
  }
  return broken;
}

/**
 * Replays each initiative's audit trail: it starts with its creation in COLLECT or ANALYSE,
 * every recorded move is one the rules allow, and the recorded changes, applied in order,
 * arrive at the initiative's status, process group and revision.
 */
export async function trailsAgainstState(em: Em, trails: Trail): Promise<string[]> {
  const broken: string[] = [];
  for (const i of await em.find(Initiative, {})) {
    const trail = trails.get(i.id) ?? [];
    const first = trail[0];
    if (first?.action !== 'createInitiative') {
      broken.push(`${i.code}: the trail does not start with its creation`);
      continue;
    }
    const state = { ...first.after } as Record<string, unknown>;
    if (state.processGroup !== G.COLLECT && state.processGroup !== G.ANALYSE)
      broken.push(`${i.code}: created in ${String(state.processGroup)}`);
    for (const e of trail.slice(1)) {
      const from = e.before?.processGroup as G | undefined;
      const to = e.after?.processGroup as G | undefined;
      if (e.action === 'moveInitiative' && from && to && !NEXT_GROUPS[from].includes(to))
        broken.push(`${i.code}: moved ${from} → ${to}`);
      for (const key of ['status', 'processGroup', 'revision'])
        if (e.after && key in e.after) state[key] = e.after[key];
    }
    const replayed = [state.status, state.processGroup, state.revision].join('/');
    const actual = [i.status, i.processGroup, i.revision].join('/');
    if (replayed !== actual)
      broken.push(`${i.code}: the trail says ${replayed}, the row ${actual}`);
  }
  return broken;
}
