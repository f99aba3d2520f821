import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById, optionalById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { ClientAccountType, toClientAccountType } from '../client/client.types.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackItemType, toFeedbackItemType } from '../feedback/feedback.types.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { ProcessClassType, toProcessClassType } from '../journey/journey.types.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../organisation/user.entity.js';
import {
  DepartmentType,
  UserType,
  toDepartmentType,
  toUserType,
} from '../organisation/organisation.types.js';
import { SpecialRequirement } from '../requirement/special-requirement.entity.js';
import {
  SpecialRequirementType,
  toSpecialRequirementType,
} from '../requirement/requirement.types.js';
import { FeedbackCase } from './case.entity.js';
import { CaseFilter, ReassignCaseInput, ResolveCaseInput } from './case.inputs.js';
import { CaseResponseClock } from './case.enums.js';
import { CaseService } from './case.service.js';
import { responseClock } from './case.sla.js';
import { CaseConnection, CaseOrder, CaseType, toCaseType } from './case.types.js';

registerNodeType('Case', async (ctx, id) => {
  const e = await entityById(ctx, FeedbackCase).load(id);
  return e ? toCaseType(e) : null;
});

@Resolver(() => CaseType)
export class CaseResolver {
  @Query(() => CaseType, { nullable: true })
  async case(
    @IdArg('id', 'Case') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseType | null> {
    const e = await ctx.service(CaseService).get(id);
    return e ? toCaseType(e) : null;
  }

  @Query(() => CaseConnection, {
    description: 'Cases for unhappy feedback, newest first by default.',
  })
  async cases(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter: CaseFilter | undefined,
    @Arg('orderBy', () => CaseOrder, { nullable: true }) orderBy: CaseOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseConnection> {
    return mapPage(await ctx.service(CaseService).list(filter, orderBy, args), toCaseType);
  }

  @Mutation(() => CaseType, { description: 'Records that the owner has answered the client.' })
  async respondToCase(
    @IdArg('id', 'Case') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseType> {
    return toCaseType(await ctx.service(CaseService).recordResponse(id));
  }

  @Mutation(() => CaseType, {
    description: 'Closes the case; the note goes to the client through the outbox.',
  })
  async resolveCase(
    @Arg('input', () => ResolveCaseInput) input: ResolveCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseType> {
    return toCaseType(await ctx.service(CaseService).resolve(input.caseId, input.note));
  }

  @Mutation(() => CaseType)
  async reassignCase(
    @Arg('input', () => ReassignCaseInput) input: ReassignCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseType> {
    return toCaseType(await ctx.service(CaseService).reassign(input.caseId, input));
  }

  @FieldResolver(() => CaseResponseClock, {
    description:
      'Running or overdue until the client is answered (at the request time), then met or missed.',
  })
  responseClock(@Root() c: CaseType, @Ctx() ctx: RequestContext): CaseResponseClock {
    return responseClock(c, ctx.clock.now());
  }

  @FieldResolver(() => FeedbackItemType, { nullable: true })
  feedback(@Root() c: CaseType, @Ctx() ctx: RequestContext): Promise<FeedbackItemType | null> {
    return optionalById(ctx, FeedbackItem, c.feedbackId, toFeedbackItemType);
  }

  @FieldResolver(() => ClientAccountType, { nullable: true })
  account(@Root() c: CaseType, @Ctx() ctx: RequestContext): Promise<ClientAccountType | null> {
    return optionalById(ctx, ClientAccount, c.accountId, toClientAccountType);
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  department(@Root() c: CaseType, @Ctx() ctx: RequestContext): Promise<DepartmentType | null> {
    return optionalById(ctx, Department, c.departmentId, toDepartmentType);
  }

  @FieldResolver(() => UserType, { nullable: true })
  owner(@Root() c: CaseType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    return optionalById(ctx, User, c.ownerId, toUserType);
  }

  @FieldResolver(() => ProcessClassType, { nullable: true })
  processClass(@Root() c: CaseType, @Ctx() ctx: RequestContext): Promise<ProcessClassType | null> {
    return optionalById(ctx, ProcessClass, c.processClassId, toProcessClassType);
  }

  @FieldResolver(() => SpecialRequirementType, { nullable: true })
  specialRequirement(
    @Root() c: CaseType,
    @Ctx() ctx: RequestContext,
  ): Promise<SpecialRequirementType | null> {
    return optionalById(ctx, SpecialRequirement, c.specialRequirementId, toSpecialRequirementType);
  }
}
