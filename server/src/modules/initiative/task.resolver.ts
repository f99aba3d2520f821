import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { Department } from '../organisation/department.entity.js';
import {
  DepartmentType,
  UserType,
  toDepartmentType,
  toUserType,
} from '../organisation/organisation.types.js';
import { User } from '../organisation/user.entity.js';
import { InitiativeTask } from './initiative-task.entity.js';
import { Initiative } from './initiative.entity.js';
import { InitiativeType, toInitiativeType } from './initiative.types.js';
import { InitiativeTaskFilter } from './task.inputs.js';
import { TaskService } from './task.service.js';
import {
  InitiativeTaskConnection,
  InitiativeTaskOrder,
  InitiativeTaskType,
  toInitiativeTaskType,
} from './task.types.js';

registerNodeType('InitiativeTask', async (ctx, id) => {
  const task = await entityById(ctx, InitiativeTask).load(id);
  return task ? toInitiativeTaskType(task, ctx.clock.now()) : null;
});

@Resolver(() => InitiativeTaskType)
export class TaskResolver {
  @Query(() => InitiativeTaskType, { nullable: true })
  async initiativeTask(
    @IdArg('id', 'InitiativeTask') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskType | null> {
    const task = await ctx.service(TaskService).get(id);
    return task ? toInitiativeTaskType(task, ctx.clock.now()) : null;
  }

  @Query(() => InitiativeTaskConnection, {
    description: 'Tasks, newest first unless ordered otherwise.',
  })
  async initiativeTasks(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => InitiativeTaskFilter, { nullable: true })
    filter: InitiativeTaskFilter | undefined,
    @Arg('orderBy', () => InitiativeTaskOrder, { nullable: true })
    orderBy: InitiativeTaskOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskConnection> {
    const now = ctx.clock.now();
    return mapPage(await ctx.service(TaskService).list(filter, orderBy, args), (task) =>
      toInitiativeTaskType(task, now),
    );
  }

  @FieldResolver(() => InitiativeType)
  async initiative(
    @Root() task: InitiativeTaskType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    const initiative = await requiredById(ctx, Initiative, task.initiativeId);
    return toInitiativeType(initiative);
  }

  @FieldResolver(() => DepartmentType)
  async department(
    @Root() task: InitiativeTaskType,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentType> {
    const department = await requiredById(ctx, Department, task.departmentId);
    return toDepartmentType(department);
  }

  @FieldResolver(() => UserType, { nullable: true })
  async assignee(
    @Root() task: InitiativeTaskType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    const user = task.assigneeId ? await entityById(ctx, User).load(task.assigneeId) : null;
    return user ? toUserType(user) : null;
  }
}
