import type { FilterQuery } from '@mikro-orm/core';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { commonError } from '../../domain/errors.js';
import { fromGlobalId, parseGlobalId } from '../../graphql/relay.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventFilter } from './audit.inputs.js';

/**
 * Reads the audit trail. Kept apart from AuditService (which every module uses to write)
 * so that access rules for reading — CX admins only, per the roadmap — land in one place.
 */
export class AuditLogService {
  constructor(private readonly ctx: DomainContext) {}

  async get(globalId: string): Promise<AuditEvent | null> {
    return this.ctx.em.findOne(AuditEvent, { id: fromGlobalId(globalId, 'AuditEvent') });
  }

  /** Newest first; uuidv7 ids follow `at` and break ties within a millisecond. */
  async list(filter: AuditEventFilter | undefined, args: PageArgs): Promise<Page<AuditEvent>> {
    const where: FilterQuery<AuditEvent> = {};
    if (filter?.entityId) {
      const parsed = parseGlobalId(filter.entityId);
      if (!parsed) {
        throw commonError(
          'INVALID_ID',
          `filter.entityId is not a valid global id: "${filter.entityId.slice(0, 60)}".`,
          'filter.entityId',
        );
      }
      if (filter.entityType && filter.entityType !== parsed.type) {
        throw commonError(
          'VALIDATION_FAILED',
          `filter.entityId is a ${parsed.type} id but filter.entityType says ${filter.entityType}.`,
          'filter.entityType',
        );
      }
      where.entityType = parsed.type;
      where.entityId = parsed.id;
    } else if (filter?.entityType) {
      where.entityType = filter.entityType;
    }
    if (filter?.actor) where.actor = filter.actor;
    if (filter?.action) where.action = filter.action;
    if (filter?.from && filter.to && filter.from >= filter.to) {
      throw commonError(
        'VALIDATION_FAILED',
        'filter.from must be before filter.to.',
        'filter.from',
      );
    }
    if (filter?.from || filter?.to) {
      where.at = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lt: filter.to } : {}),
      };
    }
    return paginate(this.ctx.em, AuditEvent, where, args, { at: 'desc' });
  }
}
