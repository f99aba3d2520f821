import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { User } from '../organisation/user.entity.js';
import { UserType, toUserType } from '../organisation/organisation.types.js';
import { MaturityAssessment } from './maturity-assessment.entity.js';
import { MaturityAssessmentFilter, RecordMaturityAssessmentInput } from './maturity.inputs.js';
import { MaturityService } from './maturity.service.js';
import {
  MaturityAssessmentConnection,
  MaturityAssessmentType,
  ProcessGroupMaturity,
  toCriterionType,
  toMaturityAssessmentType,
} from './maturity.types.js';
import { ProcessGroup } from '../initiative/initiative.enums.js';

registerNodeType('MaturityAssessment', async (ctx, id) => {
  const e = await entityById(ctx, MaturityAssessment).load(id);
  return e ? toMaturityAssessmentType(e) : null;
});

@Resolver(() => MaturityAssessmentType)
export class MaturityResolver {
  @Mutation(() => MaturityAssessmentType, {
    description: 'Records a MANUAL maturity assessment of a process group.',
  })
  async recordMaturityAssessment(
    @Arg('input', () => RecordMaturityAssessmentInput) input: RecordMaturityAssessmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MaturityAssessmentType> {
    return toMaturityAssessmentType(await ctx.service(MaturityService).record(input));
  }

  @Query(() => MaturityAssessmentType, { nullable: true })
  async maturityAssessment(
    @IdArg('id', 'MaturityAssessment') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MaturityAssessmentType | null> {
    const e = await ctx.service(MaturityService).get(id);
    return e ? toMaturityAssessmentType(e) : null;
  }

  @Query(() => MaturityAssessmentConnection, { description: 'Assessments, newest first.' })
  async maturityAssessments(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => MaturityAssessmentFilter, { nullable: true })
    filter: MaturityAssessmentFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<MaturityAssessmentConnection> {
    return mapPage(await ctx.service(MaturityService).list(filter, args), toMaturityAssessmentType);
  }

  @Query(() => [ProcessGroupMaturity], {
    description:
      'Per process group: the level computed now from the hub’s data, each criterion met or missing with the figure behind it, what is missing for the next level, and the latest manual and recorded computed assessments.',
  })
  async maturity(@Ctx() ctx: RequestContext): Promise<ProcessGroupMaturity[]> {
    const service = ctx.service(MaturityService);
    const [{ at, groups }, stored] = [await service.evaluateNow(), await service.latest()];
    return groups.map((g) => {
      const r = stored.find((x) => x.processGroup === g.processGroup);
      const manual = r?.manual ? toMaturityAssessmentType(r.manual) : null;
      const computed = r?.computed ? toMaturityAssessmentType(r.computed) : null;
      const latest =
        [manual, computed]
          .filter((a): a is MaturityAssessmentType => a !== null)
          .sort((a, b) => b.assessedAt.getTime() - a.assessedAt.getTime())[0] ?? null;
      return Object.assign(new ProcessGroupMaturity(), {
        processGroup: g.processGroup,
        level: g.level,
        criteria: g.criteria.map(toCriterionType),
        missingForNextLevel: g.missingForNextLevel.map(toCriterionType),
        evaluatedAt: at,
        manual,
        computed,
        latest,
      });
    });
  }

  @Mutation(() => [ProcessGroup], {
    description:
      'Recompute the maturity levels now and record a COMPUTED assessment for each process group whose level or criteria changed; answers those groups. (The hub also does this on a schedule and soon after evidence changes.)',
  })
  async recomputeMaturity(@Ctx() ctx: RequestContext): Promise<ProcessGroup[]> {
    return ctx.service(MaturityService).recompute();
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'Who assessed it; null for COMPUTED assessments.',
  })
  async assessedBy(
    @Root() a: MaturityAssessmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    if (!a.assessedById) return null;
    const u = await entityById(ctx, User).load(a.assessedById);
    return u ? toUserType(u) : null;
  }
}
