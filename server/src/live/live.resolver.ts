/**
 * The Subscription root: each field follows one kind of entity in the audit trail (see
 * `live-feed.ts`) and pushes it re-read as the subscriber, through the service its query uses,
 * so the row scopes apply exactly as they do to `initiative(id)` and its kin. Who may subscribe
 * is `subscriptionRules` in `server/src/auth/operation-rules.ts`.
 */
import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { InboxService } from '../modules/inbox/inbox.service.js';
import { InboxEntryType, toInboxEntryType } from '../modules/inbox/inbox.types.js';
import { CouncilReviewService } from '../modules/initiative/council-review.service.js';
import { InitiativeService } from '../modules/initiative/initiative.service.js';
import { InitiativeType, toInitiativeType } from '../modules/initiative/initiative.types.js';
import { TaskService } from '../modules/initiative/task.service.js';
import {
  CouncilReviewType,
  InitiativeTaskType,
  toCouncilReviewType,
  toInitiativeTaskType,
} from '../modules/initiative/task.types.js';
import { InitiativeChangedFilter } from './live.inputs.js';
import { liveStream } from './live-stream.js';

interface Subscribe<A = Record<string, unknown>> {
  args: A;
  context: RequestContext;
}

@Resolver()
export class LiveResolver {
  @Subscription(() => InitiativeType, {
    description: 'An initiative you may read changed (status, fields, council decision…).',
    subscribe: ({ args, context }: Subscribe<{ filter?: InitiativeChangedFilter | null }>) => {
      // Decoded to raw ids by the argument pass (`@IdField`), like a query's.
      const only = args.filter?.ids?.length ? new Set(args.filter.ids) : null;
      const statuses = args.filter?.statuses;
      return liveStream(context, ['Initiative'], async (ctx, event) => {
        if (only && !only.has(event.entityId)) return null;
        const initiative = await ctx.service(InitiativeService).get(event.entityId);
        if (!initiative || (statuses?.length && !statuses.includes(initiative.status))) return null;
        return toInitiativeType(initiative);
      });
    },
  })
  initiativeChanged(
    @Root() initiative: InitiativeType,
    @Arg('filter', () => InitiativeChangedFilter, { nullable: true })
    _filter: InitiativeChangedFilter | undefined,
  ): InitiativeType {
    return initiative;
  }

  @Subscription(() => InitiativeTaskType, {
    description: 'A task you may read changed (assigned, started, done, overdue…).',
    subscribe: ({ context }: Subscribe) =>
      liveStream(context, ['InitiativeTask'], async (ctx, event) => {
        const task = await ctx.service(TaskService).get(event.entityId);
        return task ? toInitiativeTaskType(task, ctx.clock.now()) : null;
      }),
  })
  taskChanged(@Root() task: InitiativeTaskType): InitiativeTaskType {
    return task;
  }

  @Subscription(() => InboxEntryType, {
    description:
      'An entry of your own inbox (or your department’s) changed. Tokens receive every entry they may read.',
    subscribe: ({ context }: Subscribe) =>
      liveStream(context, ['InboxEntry'], async (ctx, event) => {
        const entry = await ctx.service(InboxService).get(event.entityId);
        if (!entry) return null;
        const { userId, departmentId } = ctx.viewer;
        const mine =
          !userId ||
          entry.recipientUser?.id === userId ||
          (!!departmentId && entry.recipientDepartment?.id === departmentId);
        return mine ? toInboxEntryType(entry) : null;
      }),
  })
  inboxChanged(@Root() entry: InboxEntryType): InboxEntryType {
    return entry;
  }

  @Subscription(() => CouncilReviewType, {
    description: 'A council review you may read was requested or decided.',
    subscribe: ({ context }: Subscribe) =>
      liveStream(context, ['CouncilReview'], async (ctx, event) => {
        const review = await ctx.service(CouncilReviewService).get(event.entityId);
        return review ? toCouncilReviewType(review) : null;
      }),
  })
  councilReviewChanged(@Root() review: CouncilReviewType): CouncilReviewType {
    return review;
  }
}
