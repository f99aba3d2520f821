import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { childrenOf, entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { Department } from './department.entity.js';
import {
  CreateDepartmentInput,
  CreateUserInput,
  DepartmentFilter,
  UpdateDepartmentInput,
  UpdateUserInput,
  UserFilter,
} from './organisation.inputs.js';
import { OrganisationService } from './organisation.service.js';
import {
  DepartmentConnection,
  DepartmentOrder,
  DepartmentType,
  toDepartmentType,
  toUserType,
  UserConnection,
  UserOrder,
  UserType,
} from './organisation.types.js';
import { User } from './user.entity.js';

registerNodeType('Department', async (ctx, id) => {
  const row = await entityById(ctx, Department).load(id);
  return row ? toDepartmentType(row) : null;
});
registerNodeType('User', async (ctx, id) => {
  const row = await entityById(ctx, User).load(id);
  return row ? toUserType(row) : null;
});

@Resolver(() => DepartmentType)
export class DepartmentResolver {
  @Query(() => DepartmentType, { nullable: true })
  async department(
    @IdArg('id', 'Department') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentType | null> {
    const row = await ctx.service(OrganisationService).getDepartment(id);
    return row ? toDepartmentType(row) : null;
  }

  @Query(() => DepartmentConnection, {
    description: 'Departments, by name unless ordered otherwise.',
  })
  async departments(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => DepartmentFilter, { nullable: true }) filter: DepartmentFilter | undefined,
    @Arg('orderBy', () => DepartmentOrder, { nullable: true }) orderBy: DepartmentOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentConnection> {
    return mapPage(
      await ctx.service(OrganisationService).listDepartments(filter, orderBy, args),
      toDepartmentType,
    );
  }

  @Mutation(() => DepartmentType)
  async createDepartment(
    @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentType> {
    return toDepartmentType(await ctx.service(OrganisationService).createDepartment(input));
  }

  @Mutation(() => DepartmentType)
  async updateDepartment(
    @IdArg('id', 'Department') id: string,
    @Arg('input', () => UpdateDepartmentInput) input: UpdateDepartmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentType> {
    return toDepartmentType(await ctx.service(OrganisationService).updateDepartment(id, input));
  }

  @FieldResolver(() => [UserType], { description: 'People in the department, by name.' })
  async users(@Root() department: DepartmentType, @Ctx() ctx: RequestContext): Promise<UserType[]> {
    const rows = await childrenOf(ctx, User, {
      parentProperty: 'department',
      orderBy: { name: 'asc' },
    }).load(department.dbId);
    return rows.map(toUserType);
  }
}

@Resolver(() => UserType)
export class UserResolver {
  @Query(() => UserType, { nullable: true })
  async user(
    @IdArg('id', 'User') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    const row = await ctx.service(OrganisationService).getUser(id);
    return row ? toUserType(row) : null;
  }

  @Query(() => UserConnection, { description: 'Users, by name unless ordered otherwise.' })
  async users(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Arg('orderBy', () => UserOrder, { nullable: true }) orderBy: UserOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<UserConnection> {
    return mapPage(
      await ctx.service(OrganisationService).listUsers(filter, orderBy, args),
      toUserType,
    );
  }

  @Mutation(() => UserType)
  async createUser(
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType> {
    return toUserType(await ctx.service(OrganisationService).createUser(input));
  }

  @Mutation(() => UserType)
  async updateUser(
    @IdArg('id', 'User') id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType> {
    return toUserType(await ctx.service(OrganisationService).updateUser(id, input));
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  async department(
    @Root() user: UserType,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentType | null> {
    if (!user.departmentId) return null;
    const row = await entityById(ctx, Department).load(user.departmentId);
    return row ? toDepartmentType(row) : null;
  }
}
