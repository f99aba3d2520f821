import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../feedback/feedback.enums.js';
import type { Initiative } from './initiative.entity.js';

/**
 * Linked feedback ACTIONED by this initiative and by no other open one: it follows this
 * initiative's end (CLOSED when it closes, back to ACKNOWLEDGED when it is cancelled).
 */
async function onlyThisInitiatives(em: Em, initiative: Initiative): Promise<FeedbackItem[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select f.id from initiative_feedback p
       join feedback_item f on f.id = p.feedback_item_id
      where p.initiative_id = ? and f.status = ?
        and not exists (
          select 1 from initiative_feedback o join initiative i on i.id = o.initiative_id
           where o.feedback_item_id = f.id and o.initiative_id <> ?
             and i.status not in ('CLOSED', 'CANCELLED'))`,
    [initiative.id, FeedbackStatus.ACTIONED, initiative.id],
  );
  return rows.length ? em.find(FeedbackItem, { id: { $in: rows.map((r) => r.id) } }) : [];
}

async function moveLinked(
  ctx: DomainContext,
  em: Em,
  initiative: Initiative,
  to: (item: FeedbackItem) => FeedbackStatus,
  action: string,
): Promise<void> {
  for (const item of await onlyThisInitiatives(em, initiative)) {
    const before = { status: item.status };
    item.status = to(item);
    ctx.audit.record(em, action, 'FeedbackItem', item.id, before, {
      status: item.status,
      initiativeId: initiative.id,
    });
  }
}

/** The loop is closed for the feedback this initiative acted on. */
export function closeLinkedFeedback(ctx: DomainContext, em: Em, initiative: Initiative) {
  return moveLinked(ctx, em, initiative, () => FeedbackStatus.CLOSED, 'closeFeedback');
}

/** Nobody acts on the feedback any more: it waits for another initiative. */
export function releaseLinkedFeedback(ctx: DomainContext, em: Em, initiative: Initiative) {
  return moveLinked(
    ctx,
    em,
    initiative,
    (item) => (item.acknowledgedAt ? FeedbackStatus.ACKNOWLEDGED : FeedbackStatus.RECEIVED),
    'releaseFeedback',
  );
}
