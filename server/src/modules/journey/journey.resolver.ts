import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { childrenOf, entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage, toGlobalId } from '../../graphql/relay.js';
import { Department } from '../organisation/department.entity.js';
import { DepartmentType, toDepartmentType } from '../organisation/organisation.types.js';
import {
  CreateProcessClassInput,
  CreateTouchpointInput,
  ProcessClassFilter,
  TouchpointFilter,
  UpdateProcessClassInput,
  UpdateTouchpointInput,
} from './journey.inputs.js';
import { JourneyService } from './journey.service.js';
import {
  JOURNEY_STAGES,
  JourneyStageInfo,
  ProcessClassConnection,
  ProcessClassOrder,
  ProcessClassType,
  toProcessClassType,
  toTouchpointType,
  TouchpointConnection,
  TouchpointOrder,
  TouchpointType,
} from './journey.types.js';
import { ProcessClass } from './process-class.entity.js';
import { Touchpoint } from './touchpoint.entity.js';

registerNodeType('ProcessClass', async (ctx, id) => {
  const row = await entityById(ctx, ProcessClass).load(id);
  return row ? toProcessClassType(row) : null;
});
registerNodeType('Touchpoint', async (ctx, id) => {
  const row = await entityById(ctx, Touchpoint).load(id);
  return row ? toTouchpointType(row) : null;
});

async function departmentOf(ctx: RequestContext, id: string): Promise<DepartmentType> {
  const row = await requiredById(ctx, Department, id);
  return toDepartmentType(row);
}

@Resolver(() => ProcessClassType)
export class ProcessClassResolver {
  @Query(() => [JourneyStageInfo], {
    description: 'The four journey stages in order, with English and Russian labels.',
  })
  journeyStages(): readonly JourneyStageInfo[] {
    return JOURNEY_STAGES;
  }

  @Query(() => ProcessClassType, { nullable: true })
  async processClass(
    @IdArg('id', 'ProcessClass') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessClassType | null> {
    const row = await ctx.service(JourneyService).getProcessClass(id);
    return row ? toProcessClassType(row) : null;
  }

  @Query(() => ProcessClassConnection, {
    description: 'Process classes, by name unless ordered otherwise.',
  })
  async processClasses(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ProcessClassFilter, { nullable: true })
    filter: ProcessClassFilter | undefined,
    @Arg('orderBy', () => ProcessClassOrder, { nullable: true })
    orderBy: ProcessClassOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessClassConnection> {
    return mapPage(
      await ctx.service(JourneyService).listProcessClasses(filter, orderBy, args),
      toProcessClassType,
    );
  }

  @Mutation(() => ProcessClassType)
  async createProcessClass(
    @Arg('input', () => CreateProcessClassInput) input: CreateProcessClassInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessClassType> {
    return toProcessClassType(await ctx.service(JourneyService).createProcessClass(input));
  }

  @Mutation(() => ProcessClassType)
  async updateProcessClass(
    @IdArg('id', 'ProcessClass') id: string,
    @Arg('input', () => UpdateProcessClassInput) input: UpdateProcessClassInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessClassType> {
    return toProcessClassType(await ctx.service(JourneyService).updateProcessClass(id, input));
  }

  @Mutation(() => ID, {
    description: 'Deletes a process class without touchpoints; CONFLICT otherwise.',
  })
  async deleteProcessClass(
    @IdArg('id', 'ProcessClass') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return toGlobalId('ProcessClass', await ctx.service(JourneyService).deleteProcessClass(id));
  }

  @FieldResolver(() => DepartmentType)
  owningDepartment(
    @Root() pc: ProcessClassType,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentType> {
    return departmentOf(ctx, pc.owningDepartmentId);
  }

  @FieldResolver(() => [TouchpointType], { description: 'Touchpoints of this process, by name.' })
  async touchpoints(
    @Root() pc: ProcessClassType,
    @Ctx() ctx: RequestContext,
  ): Promise<TouchpointType[]> {
    const rows = await childrenOf(ctx, Touchpoint, {
      parentProperty: 'processClass',
      orderBy: { name: 'asc' },
    }).load(pc.dbId);
    return rows.map(toTouchpointType);
  }
}

@Resolver(() => TouchpointType)
export class TouchpointResolver {
  @Query(() => TouchpointType, { nullable: true })
  async touchpoint(
    @IdArg('id', 'Touchpoint') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TouchpointType | null> {
    const row = await ctx.service(JourneyService).getTouchpoint(id);
    return row ? toTouchpointType(row) : null;
  }

  @Query(() => TouchpointConnection, {
    description: 'Touchpoints, by name unless ordered otherwise.',
  })
  async touchpoints(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => TouchpointFilter, { nullable: true }) filter: TouchpointFilter | undefined,
    @Arg('orderBy', () => TouchpointOrder, { nullable: true }) orderBy: TouchpointOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<TouchpointConnection> {
    return mapPage(
      await ctx.service(JourneyService).listTouchpoints(filter, orderBy, args),
      toTouchpointType,
    );
  }

  @Mutation(() => TouchpointType)
  async createTouchpoint(
    @Arg('input', () => CreateTouchpointInput) input: CreateTouchpointInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TouchpointType> {
    return toTouchpointType(await ctx.service(JourneyService).createTouchpoint(input));
  }

  @Mutation(() => TouchpointType)
  async updateTouchpoint(
    @IdArg('id', 'Touchpoint') id: string,
    @Arg('input', () => UpdateTouchpointInput) input: UpdateTouchpointInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TouchpointType> {
    return toTouchpointType(await ctx.service(JourneyService).updateTouchpoint(id, input));
  }

  @Mutation(() => ID, {
    description: 'Deletes a touchpoint no feedback refers to; CONFLICT otherwise.',
  })
  async deleteTouchpoint(
    @IdArg('id', 'Touchpoint') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return toGlobalId('Touchpoint', await ctx.service(JourneyService).deleteTouchpoint(id));
  }

  @FieldResolver(() => ProcessClassType)
  async processClass(
    @Root() tp: TouchpointType,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessClassType> {
    const row = await requiredById(ctx, ProcessClass, tp.processClassId);
    return toProcessClassType(row);
  }

  @FieldResolver(() => DepartmentType)
  owningDepartment(
    @Root() tp: TouchpointType,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentType> {
    return departmentOf(ctx, tp.owningDepartmentId);
  }
}
