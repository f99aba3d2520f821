import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { InitiativeCommandService } from './initiative-command.service.js';
import { ProcessGroup } from './initiative.enums.js';
import { InitiativeType, toInitiativeType } from './initiative.types.js';

/**
 * The life-cycle verbs of an initiative. Each is an Update of the initiative's workflow,
 * validated there against its live state; the answer is the initiative as it now stands.
 */
@Resolver(() => InitiativeType)
export class InitiativeLifecycleResolver {
  @Mutation(() => InitiativeType, {
    description:
      'Move to the next process group: ANALYSE→IMPLEMENT (needs an owner) →MONITOR (every open task done or listed in cancelTaskIds) →CORRECT →IMPLEMENT as a new revision (needs a brief). A client-visible initiative goes to its advisory councils when IMPLEMENT finishes and when CORRECT starts.',
  })
  async moveInitiative(
    @IdArg('id', 'Initiative') id: string,
    @Arg('processGroup', () => ProcessGroup) processGroup: ProcessGroup,
    @Ctx() ctx: RequestContext,
    @Arg('brief', () => String, {
      nullable: true,
      description: 'What the new revision changes (CORRECT → IMPLEMENT).',
    })
    brief?: string | null,
    @IdArg('cancelTaskIds', ['InitiativeTask'], {
      nullable: true,
      description: 'Open tasks no longer needed, cancelled with the move.',
    })
    cancelTaskIds?: string[] | null,
  ): Promise<InitiativeType> {
    return this.run(ctx, id, 'move', { to: processGroup, brief, cancelTaskIds });
  }

  @Mutation(() => InitiativeType, {
    description:
      'Close from MONITOR or CORRECT with no open task; a client-visible initiative needs every concerned council to have approved the current revision. Its clients are told, its feedback closed.',
  })
  async closeInitiative(
    @IdArg('id', 'Initiative') id: string,
    @Ctx() ctx: RequestContext,
    @Arg('note', () => String, { nullable: true, description: 'The result, told to the clients.' })
    note?: string | null,
  ): Promise<InitiativeType> {
    return this.run(ctx, id, 'close', { note });
  }

  @Mutation(() => InitiativeType, {
    description: 'Pause the initiative (its reminders and escalations wait), saying why.',
  })
  async holdInitiative(
    @IdArg('id', 'Initiative') id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    return this.run(ctx, id, 'hold', { reason });
  }

  @Mutation(() => InitiativeType, { description: 'Resume an initiative on hold.' })
  async resumeInitiative(
    @IdArg('id', 'Initiative') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    return this.run(ctx, id, 'resume', {});
  }

  @Mutation(() => InitiativeType, {
    description:
      'Stop the initiative for good, saying why; its open tasks are cancelled and its feedback waits for another initiative.',
  })
  async cancelInitiative(
    @IdArg('id', 'Initiative') id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    return this.run(ctx, id, 'cancel', { reason });
  }

  @Mutation(() => InitiativeType, {
    description: 'Give the initiative a new owner (active staff), who is told in their inbox.',
  })
  async assignInitiativeOwner(
    @IdArg('id', 'Initiative') id: string,
    @IdArg('ownerId', 'User') ownerId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    return this.run(ctx, id, 'assignOwner', { ownerId });
  }

  private async run<K extends 'move' | 'close' | 'hold' | 'resume' | 'cancel' | 'assignOwner'>(
    ctx: RequestContext,
    id: string,
    name: K,
    command: Parameters<InitiativeCommandService['run']>[2] & object,
  ): Promise<InitiativeType> {
    return toInitiativeType(
      await ctx.service(InitiativeCommandService).run(id, name, command as never),
    );
  }
}
