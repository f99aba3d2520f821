import type { EntityClass } from '@mikro-orm/core';
import type { DomainError } from '../domain/errors.js';
import { fromGlobalId } from '../graphql/relay.js';
import type { Em } from './orm.js';

/**
 * Decodes a global id (BAD_USER_INPUT when malformed or of another type) and loads the
 * entity, or throws the module's NOT_FOUND error built by `notFound`.
 */
export async function findByGlobalId<E extends object>(
  em: Em,
  entity: EntityClass<E>,
  globalId: string,
  type: string,
  field: string,
  notFound: (message: string, field: string) => DomainError,
): Promise<E> {
  const id = fromGlobalId(globalId, type, field);
  const found = await em.findOne(entity, { id } as never);
  if (!found) throw notFound(`No ${describe(type)} with id ${globalId}.`, field);
  return found;
}

/** `ClientAccount` → `client account`, for messages people read. */
function describe(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
