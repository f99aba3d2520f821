import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import {
  childrenOf,
  entityById,
  manyToManyOf,
  perParentLimit,
  requiredById,
} from '../../graphql/loaders.js';
import type { ClientAccount } from '../client/client-account.entity.js';
import { ClientAccountType, toClientAccountType } from '../client/client.types.js';
import type { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackItemType, toFeedbackItemType } from '../feedback/feedback.types.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { ProcessClassType, toProcessClassType } from '../journey/journey.types.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { MetricDefinitionType, toMetricDefinitionType } from '../metric/metric.types.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import {
  ClientNotificationType,
  toClientNotificationType,
} from '../notification/notification.types.js';
import { UserType, toUserType } from '../organisation/organisation.types.js';
import { User } from '../organisation/user.entity.js';
import { Analysis } from './analysis.entity.js';
import { CouncilReview } from './council-review.entity.js';
import { InitiativeTarget } from './initiative-target.entity.js';
import { InitiativeTask } from './initiative-task.entity.js';
import { Initiative } from './initiative.entity.js';
import {
  AnalysisType,
  InitiativeTargetType,
  InitiativeType,
  toAnalysisType,
  toInitiativeTargetType,
  toInitiativeType,
} from './initiative.types.js';
import {
  CouncilReviewType,
  InitiativeTaskType,
  OPEN_TASK_STATUSES,
  toCouncilReviewType,
  toInitiativeTaskType,
} from './task.types.js';

/** An initiative's references and children, each through a per-request batch loader. */
@Resolver(() => InitiativeType)
export class InitiativeFieldsResolver {
  @FieldResolver(() => UserType, { nullable: true })
  async owner(@Root() i: InitiativeType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const user = i.ownerId ? await entityById(ctx, User).load(i.ownerId) : null;
    return user ? toUserType(user) : null;
  }

  @FieldResolver(() => AnalysisType, { nullable: true })
  async analysis(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<AnalysisType | null> {
    const analysis = i.analysisId ? await entityById(ctx, Analysis).load(i.analysisId) : null;
    return analysis ? toAnalysisType(analysis) : null;
  }

  @FieldResolver(() => ProcessClassType, { nullable: true })
  async processClass(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessClassType | null> {
    const processClass = i.processClassId
      ? await entityById(ctx, ProcessClass).load(i.processClassId)
      : null;
    return processClass ? toProcessClassType(processClass) : null;
  }

  @FieldResolver(() => [ClientAccountType], {
    description: 'Client accounts the initiative concerns, by name.',
  })
  async affectedAccounts(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType[]> {
    const accounts = await manyToManyOf<ClientAccount>(ctx, Initiative, 'affectedAccounts', {
      orderBy: { name: 'asc' },
    }).load(i.dbId);
    return accounts.map(toClientAccountType);
  }

  @FieldResolver(() => [FeedbackItemType], {
    description: 'Feedback the initiative acts on, newest first.',
  })
  async feedback(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemType[]> {
    const items = await manyToManyOf<FeedbackItem>(ctx, Initiative, 'feedback', {
      orderBy: { receivedAt: 'desc' },
    }).load(i.dbId);
    return items.map(toFeedbackItemType);
  }

  @FieldResolver(() => [InitiativeTargetType])
  async targets(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTargetType[]> {
    const rows = await childrenOf(ctx, InitiativeTarget, {
      parentProperty: 'initiative',
      orderBy: { createdAt: 'asc' },
    }).load(i.dbId);
    return rows.map(toInitiativeTargetType);
  }

  @FieldResolver(() => [InitiativeTaskType], { description: 'All tasks, oldest first.' })
  async tasks(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskType[]> {
    const rows = await tasksOf(ctx, i.dbId);
    const now = ctx.clock.now();
    return rows.map((t) => toInitiativeTaskType(t, now));
  }

  @FieldResolver(() => Int, { description: 'Tasks still OPEN or IN_PROGRESS.' })
  async openTaskCount(@Root() i: InitiativeType, @Ctx() ctx: RequestContext): Promise<number> {
    return (await tasksOf(ctx, i.dbId)).filter((t) => OPEN_TASK_STATUSES.includes(t.status)).length;
  }

  @FieldResolver(() => [CouncilReviewType], { description: 'Council reviews, newest first.' })
  async councilReviews(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilReviewType[]> {
    const rows = await childrenOf(ctx, CouncilReview, {
      parentProperty: 'initiative',
      orderBy: { createdAt: 'desc' },
    }).load(i.dbId);
    return rows.map(toCouncilReviewType);
  }

  @FieldResolver(() => [ClientNotificationType], {
    description: 'Messages to clients about the initiative, newest first.',
  })
  async notifications(
    @Root() i: InitiativeType,
    @Arg('limit', () => Int, {
      nullable: true,
      description: 'At most this many, the newest (1–100); all of them when absent.',
    })
    limit: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationType[]> {
    const rows = await childrenOf(ctx, ClientNotification, {
      parentProperty: 'initiative',
      orderBy: { createdAt: 'desc' },
      // A card shows the last message, a page the whole list: read only as many as asked for.
      limitPerParent: limit == null ? undefined : perParentLimit(limit, 100),
    }).load(i.dbId);
    return rows.map(toClientNotificationType);
  }
}

/** `tasks` and `openTaskCount` share one loader, so asking for both costs one query. */
function tasksOf(ctx: RequestContext, initiativeId: string): Promise<InitiativeTask[]> {
  return childrenOf(ctx, InitiativeTask, {
    parentProperty: 'initiative',
    orderBy: { createdAt: 'asc' },
  }).load(initiativeId);
}

@Resolver(() => InitiativeTargetType)
export class InitiativeTargetFieldsResolver {
  @FieldResolver(() => MetricDefinitionType)
  async metric(
    @Root() t: InitiativeTargetType,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinitionType> {
    const metric = await requiredById(ctx, MetricDefinition, t.metricId);
    return toMetricDefinitionType(metric);
  }

  @FieldResolver(() => InitiativeType)
  async initiative(
    @Root() t: InitiativeTargetType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    const initiative = await requiredById(ctx, Initiative, t.initiativeId);
    return toInitiativeType(initiative);
  }
}
