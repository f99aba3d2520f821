import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { commonError } from '../domain/errors.js';
import { isUuid } from '../db/ids.js';
import {
  MAX_PAGE_SIZE,
  type Page,
  type PageArgs,
  type PageInfo as PageInfoShape,
} from '../db/paginate.js';

// Resolvers map service pages with it; it lives beside the Page type it maps.
export { mapPage } from '../db/paginate.js';

/** Relay global ids: base64url of `Type:uuid`, opaque to clients. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function parseGlobalId(globalId: string): { type: string; id: string } | undefined {
  if (globalId.length > 200) return undefined;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep <= 0) return undefined;
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  return isUuid(id) ? { type, id } : undefined;
}

/** Decodes a global id of the expected type, or fails with a BAD_USER_INPUT naming the field. */
export function fromGlobalId(globalId: string, expectedType: string, field = 'id'): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== expectedType) {
    throw commonError(
      'INVALID_ID',
      `${field} is not a valid ${expectedType} id: "${truncate(globalId)}".`,
      field,
    );
  }
  return parsed.id;
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

@InterfaceType({ description: 'An object with a global id, refetchable with `node(id:)`.' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class PageInfo implements PageInfoShape {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs implements PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the start (max ${MAX_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page size from the end (max ${MAX_PAGE_SIZE}).`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  // Unnamed and never referenced directly: only the concrete subclass is emitted.
  @ObjectType()
  abstract class ConnectionClass implements Page<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;

    @Field(() => [nodeType], {
      description: 'The nodes of `edges`, for clients that need no cursors.',
    })
    nodes!: T[];
  }
  return ConnectionClass;
}
