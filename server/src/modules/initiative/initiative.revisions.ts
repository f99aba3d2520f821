import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import type { CouncilReview } from './council-review.entity.js';
import { InitiativeRevision } from './initiative-revision.entity.js';
import type { Initiative } from './initiative.entity.js';
import { RevisionOrigin } from './initiative.enums.js';

/** Revision 1 of a new initiative: its own problem statement is the brief. */
export function firstRevision(
  ctx: DomainContext,
  em: Em,
  initiative: Initiative,
): InitiativeRevision {
  return em.create(InitiativeRevision, {
    initiative,
    number: 1,
    origin: RevisionOrigin.INITIAL,
    brief: initiative.problem,
    openedBy: ctx.viewer.actor,
    openedAt: ctx.clock.now(),
  });
}

/** Opens the next revision with what changes this time, recorded and audited. */
export async function openRevision(
  ctx: DomainContext,
  em: Em,
  initiative: Initiative,
  opts: { origin: RevisionOrigin; brief: string; review?: CouncilReview },
): Promise<InitiativeRevision> {
  const before = { revision: initiative.revision };
  initiative.revision += 1;
  const revision = em.create(InitiativeRevision, {
    initiative,
    number: initiative.revision,
    origin: opts.origin,
    brief: opts.brief,
    councilReview: opts.review ?? null,
    openedBy: ctx.viewer.actor,
    openedAt: ctx.clock.now(),
  });
  ctx.audit.record(em, 'openRevision', 'Initiative', initiative.id, before, {
    revision: initiative.revision,
    origin: opts.origin,
    brief: opts.brief,
    councilReviewId: opts.review?.id ?? null,
  });
  return revision;
}
