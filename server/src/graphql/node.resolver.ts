import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from './context.js';
import { Node, parseGlobalId } from './relay.js';

type NodeFetcher = (ctx: RequestContext, id: string) => Promise<Node | null>;

const fetchers = new Map<string, NodeFetcher>();

/** Each module registers how to refetch its node types by global id. */
export function registerNodeType(type: string, fetch: NodeFetcher): void {
  fetchers.set(type, fetch);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Refetch any object by its global id.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    const fetch = parsed ? fetchers.get(parsed.type) : undefined;
    if (!parsed || !fetch) return null;
    return fetch(ctx, parsed.id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Refetch several objects by global id.' })
  async nodes(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<(Node | null)[]> {
    return Promise.all(ids.slice(0, 100).map((id) => this.node(id, ctx)));
  }
}
