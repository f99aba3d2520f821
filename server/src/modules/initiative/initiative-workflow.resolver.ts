import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { childrenOf, entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { InitiativeRevision } from './initiative-revision.entity.js';
import { InitiativeType } from './initiative.types.js';
import {
  InitiativeLiveStateType,
  InitiativeRevisionType,
  toLiveStateType,
  toRevisionType,
} from './initiative-workflow.types.js';

/** An initiative's revisions (read model) and its live workflow state (a workflow query). */
@Resolver(() => InitiativeType)
export class InitiativeWorkflowFieldsResolver {
  @FieldResolver(() => [InitiativeRevisionType], { description: 'Its revisions, first first.' })
  async revisions(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeRevisionType[]> {
    const rows = await childrenOf(ctx, InitiativeRevision, {
      parentProperty: 'initiative',
      orderBy: { number: 'asc' },
    }).load(i.dbId);
    return rows.map(toRevisionType);
  }

  @FieldResolver(() => InitiativeLiveStateType, {
    nullable: true,
    description:
      'The state its running workflow holds, with the timers it waits on (one Temporal query per initiative asked for); null once the workflow has ended or before it started.',
  })
  async live(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeLiveStateType | null> {
    const state = await ctx.deps.initiatives.live(i.dbId);
    return state ? toLiveStateType(state) : null;
  }
}

registerNodeType('InitiativeRevision', async (ctx, id) => {
  const revision = await entityById(ctx, InitiativeRevision).load(id);
  return revision ? toRevisionType(revision) : null;
});
