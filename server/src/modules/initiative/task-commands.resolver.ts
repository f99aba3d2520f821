import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { InitiativeCommandService } from './initiative-command.service.js';
import {
  CreateInitiativeTaskInput,
  ReassignTaskInput,
  UpdateInitiativeTaskInput,
} from './task.inputs.js';
import { InitiativeTaskType, toInitiativeTaskType } from './task.types.js';

const iso = (d: Date | null | undefined) =>
  d === undefined ? undefined : (d?.toISOString() ?? null);

/**
 * Department tasks change through the workflow of the initiative they belong to, which
 * keeps their reminders and escalations; the answer is the task as it now stands.
 */
@Resolver(() => InitiativeTaskType)
export class TaskCommandResolver {
  @Mutation(() => InitiativeTaskType, {
    description:
      'Give a department (and optionally one of its people) work on an initiative, with a due date it is reminded of and escalated after.',
  })
  async createInitiativeTask(
    @Arg('input', () => CreateInitiativeTaskInput) input: CreateInitiativeTaskInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskType> {
    const { initiativeId, dueAt, ...rest } = input;
    const task = await ctx
      .service(InitiativeCommandService)
      .addTask(initiativeId, { ...rest, dueAt: iso(dueAt) });
    return toInitiativeTaskType(task, ctx.clock.now());
  }

  @Mutation(() => InitiativeTaskType, {
    description:
      'Change the given fields of an open task; a new department, person or due date starts a new round of reminders.',
  })
  async updateInitiativeTask(
    @IdArg('id', 'InitiativeTask') id: string,
    @Arg('input', () => UpdateInitiativeTaskInput) input: UpdateInitiativeTaskInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskType> {
    const { dueAt, ...rest } = input;
    const changes = { ...rest, ...(dueAt !== undefined ? { dueAt: iso(dueAt) } : {}) };
    return toInitiativeTaskType(
      await ctx.service(InitiativeCommandService).onTask(id, 'updateTask', changes),
      ctx.clock.now(),
    );
  }

  @Mutation(() => InitiativeTaskType, {
    description:
      'Mark an open or in-progress task DONE with what was done; a client-visible one is announced to the clients.',
  })
  async completeTask(
    @IdArg('id', 'InitiativeTask') id: string,
    @Arg('outcomeNote', () => String, { nullable: true }) outcomeNote: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskType> {
    return toInitiativeTaskType(
      await ctx.service(InitiativeCommandService).onTask(id, 'completeTask', { outcomeNote }),
      ctx.clock.now(),
    );
  }

  @Mutation(() => InitiativeTaskType, {
    description:
      'The department declines the task, saying why; it goes back to the initiative owner to decide.',
  })
  async rejectTask(
    @IdArg('id', 'InitiativeTask') id: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskType> {
    return toInitiativeTaskType(
      await ctx.service(InitiativeCommandService).onTask(id, 'rejectTask', { note }),
      ctx.clock.now(),
    );
  }

  @Mutation(() => InitiativeTaskType, {
    description:
      'Give an open or rejected task to a department (and person) again; it reopens as a new round. A department member hands a task of its own department only to an active colleague there, keeping the due date.',
  })
  async reassignTask(
    @IdArg('id', 'InitiativeTask') id: string,
    @Arg('input', () => ReassignTaskInput) input: ReassignTaskInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskType> {
    const { dueAt, ...rest } = input;
    return toInitiativeTaskType(
      await ctx
        .service(InitiativeCommandService)
        .onTask(id, 'reassignTask', { ...rest, dueAt: iso(dueAt) }),
      ctx.clock.now(),
    );
  }

  @Mutation(() => InitiativeTaskType, {
    description: 'Cancel an open task that is no longer needed, saying why.',
  })
  async cancelTask(
    @IdArg('id', 'InitiativeTask') id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeTaskType> {
    return toInitiativeTaskType(
      await ctx.service(InitiativeCommandService).onTask(id, 'cancelTask', { reason }),
      ctx.clock.now(),
    );
  }
}
