import { mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { InboxService } from '../inbox/inbox.service.js';
import { UserRole } from '../organisation/organisation.enums.js';
import { User } from '../organisation/user.entity.js';
import type { Initiative } from './initiative.entity.js';
import { InboxKind } from './initiative.enums.js';
import { initiativeError, initiativeNotFound } from './initiative.errors.js';

/**
 * Makes `ownerId` the initiative's owner (null: none) and tells the new owner in their
 * inbox. Owners are active staff; council members, who sit on the clients' side, cannot be.
 */
export async function assignOwner(
  ctx: DomainContext,
  em: Em,
  initiative: Initiative,
  ownerId: string | null,
): Promise<void> {
  if (!ownerId) {
    initiative.owner = null;
    return;
  }
  const owner = await mustFind(em, User, ownerId, 'ownerId', initiativeNotFound('USER_NOT_FOUND'));
  if (!owner.active || owner.role === UserRole.COUNCIL_MEMBER) {
    throw initiativeError(
      'OWNER_NOT_ELIGIBLE',
      `${owner.name} cannot own an initiative: owners are active staff, not ${owner.active ? 'council members' : 'deactivated users'}.`,
      'ownerId',
    );
  }
  if (initiative.owner?.id === owner.id) return;
  initiative.owner = owner;
  await ctx.service(InboxService).post(em, [
    {
      key: `owner:${initiative.id}:${owner.id}:${ctx.clock.now().getTime()}`,
      kind: InboxKind.OWNER_ASSIGNED,
      userIds: [owner.id],
      initiativeId: initiative.id,
      subject: `You own ${initiative.code}: ${initiative.title}`,
      body: `You are the owner of ${initiative.code} "${initiative.title}" (${initiative.processGroup}). Rejected and overdue tasks and council decisions of this initiative come to you.`,
    },
  ]);
}
