import type { FilterQuery } from '@mikro-orm/core';
import { findById } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { commonError } from '../../domain/errors.js';
import { AuditEvent } from './audit-event.entity.js';

/** What the trail can be narrowed to; `entity` is one row (of any type), named by type and id. */
export interface AuditEventQuery {
  entityType?: string | null;
  entity?: { type: string; id: string } | null;
  actor?: string | null;
  action?: string | null;
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

/**
 * Reads the audit trail. Kept apart from AuditService (which every module uses to write)
 * so that access rules for reading — CX admins only, per the roadmap — land in one place.
 */
export class AuditLogService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<AuditEvent | null> {
    return findById(this.ctx.em, AuditEvent, id);
  }

  /** Newest first; uuidv7 ids follow `at` and break ties within a millisecond. */
  async list(filter: AuditEventQuery | undefined, args: PageArgs): Promise<Page<AuditEvent>> {
    const where: FilterQuery<AuditEvent> = {};
    if (filter?.entity) {
      const { type, id } = filter.entity;
      if (filter.entityType && filter.entityType !== type) {
        throw commonError(
          'VALIDATION_FAILED',
          `filter.entityId is a ${type} id but filter.entityType says ${filter.entityType}.`,
          'filter.entityType',
        );
      }
      where.entityType = type;
      where.entityId = id;
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
