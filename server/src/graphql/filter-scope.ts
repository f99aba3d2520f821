/**
 * A list filter that names a row outside the viewer's rows names nothing. Without this, a
 * council member could filter its own initiatives by another client's account id and learn,
 * from which of them match, that the account exists and what it is linked to. The row scope
 * cannot see this (it scopes the rows listed, not the rows a condition joins), so the ids of a
 * root field's `filter` argument are checked here, through the scoped EntityManager.
 */
import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { EntityClass } from '@mikro-orm/core';
import { hidesRows, ROW_SCOPE_FILTER, type RowScope } from '../auth/row-scopes.js';
import type { RequestContext } from './context.js';
import { globalIdTypeOf } from './global-ids.js';
import { entityById } from './loaders.js';

/** An id no row has: what a filter naming an invisible row is rewritten to. */
const NOWHERE = '00000000-0000-0000-0000-000000000000';

type Resolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;
type IdFields = { field: string; type: string; list: boolean }[];

/** Wraps every root query field whose `filter` argument holds ids (uuids by the time it runs). */
export function scopeFilterIds(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  for (const field of Object.values(query?.getFields() ?? {})) {
    const input = field.args.find((a) => a.name === 'filter')?.type;
    const named = input && getNamedType(input);
    if (!isInputObjectType(named)) continue;
    const ids: IdFields = Object.values(named.getFields()).flatMap((f) => {
      const type = globalIdTypeOf(named.name, f.name);
      const inner = isNonNullType(f.type) ? f.type.ofType : f.type;
      return type ? [{ field: f.name, type, list: isListType(inner) }] : [];
    });
    if (ids.length === 0) continue;
    const resolve: Resolver = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context, info) =>
      resolve(source, await scoped(args, ids, context as RequestContext), context, info);
  }
  return schema;
}

async function scoped(
  args: Record<string, unknown>,
  ids: IdFields,
  ctx: RequestContext,
): Promise<Record<string, unknown>> {
  const filter = args.filter as Record<string, unknown> | null | undefined;
  if (!filter) return args;
  const scope = ctx.em.getFilterParams<RowScope>(ROW_SCOPE_FILTER);
  const copy = { ...filter };
  for (const { field, type, list } of ids) {
    const value = copy[field];
    if (value == null || !hidesRows(scope, type)) continue;
    const visible = (id: unknown) => visibleOrNowhere(ctx, type, String(id));
    copy[field] = list
      ? await Promise.all((value as unknown[]).map(visible))
      : await visible(value);
  }
  return { ...args, filter: copy };
}

async function visibleOrNowhere(ctx: RequestContext, type: string, id: string): Promise<string> {
  const meta = ctx.em.getMetadata().getByClassName(type, false);
  if (!meta) return NOWHERE;
  const row = await entityById(ctx, meta.class as EntityClass<{ id: string }>).load(id);
  return row ? id : NOWHERE;
}
