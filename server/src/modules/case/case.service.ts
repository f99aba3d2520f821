import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ROW_SCOPE_FILTER } from '../../auth/row-scopes.js';
import { acknowledgementLocale } from '../feedback/acknowledgement-message.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { NotificationTemplateService } from '../notification/notification-template.service.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { DeliveryStatus, NotificationKind } from '../notification/notification.enums.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../organisation/user.entity.js';
import { resolutionMessage } from './case-message.js';
import { FeedbackCase } from './case.entity.js';
import { CaseStatus } from './case.enums.js';
import { caseError } from './case.errors.js';

export interface CaseFilterArgs {
  ownerId?: string | null;
  departmentId?: string | null;
  statuses?: CaseStatus[] | null;
  /** Opened at least this many hours ago. */
  olderThanHours?: number | null;
  /** Only cases past their response deadline without a response. */
  overdueOnly?: boolean | null;
}

export interface CaseOrderArgs {
  field: 'openedAt' | 'responseDueAt';
  direction: 'asc' | 'desc';
}

export interface ReassignArgs {
  departmentId?: string | null;
  ownerId?: string | null;
}

export const MAX_RESOLUTION_NOTE = 5_000;

const notFound = (message: string, field: string) => caseError('CASE_NOT_FOUND', message, field);

/** Staff commands on cases and the case lists. Each command is one transaction with its audit row. */
export class CaseService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<FeedbackCase | null> {
    return findById(this.ctx.em, FeedbackCase, id);
  }

  async list(
    filter: CaseFilterArgs | undefined,
    order: CaseOrderArgs | undefined,
    args: PageArgs,
  ): Promise<Page<FeedbackCase>> {
    const now = this.ctx.clock.now().getTime();
    const where: FilterQuery<FeedbackCase> = {};
    if (filter?.ownerId) where.owner = filter.ownerId;
    if (filter?.departmentId) where.department = filter.departmentId;
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.olderThanHours != null) {
      where.openedAt = { $lte: new Date(now - filter.olderThanHours * 3_600_000) };
    }
    if (filter?.overdueOnly) {
      where.firstResponseAt = null;
      where.status = CaseStatus.OPEN;
      where.responseDueAt = { $lt: new Date(now) };
    }
    const orderBy = order ? { [order.field]: order.direction } : { openedAt: 'desc' as const };
    return paginate(this.ctx.em, FeedbackCase, where, args, orderBy);
  }

  /** The owner has answered the client: the response clock stops (the workflow sees it). */
  async recordResponse(id: string): Promise<FeedbackCase> {
    return this.ctx.em.transactional(async (em) => {
      const kase = await mustFind(em, FeedbackCase, id, 'id', notFound);
      const before = snapshot(kase);
      if (kase.status === CaseStatus.RESOLVED) {
        throw caseError('ALREADY_RESOLVED', 'The case is resolved already.', 'id');
      }
      if (kase.firstResponseAt) {
        throw caseError(
          'ALREADY_RESPONDED',
          `The first response was recorded at ${kase.firstResponseAt.toISOString()}.`,
          'id',
        );
      }
      this.markResponded(em, kase);
      this.ctx.audit.record(em, 'respondToCase', 'FeedbackCase', kase.id, before, snapshot(kase));
      return kase;
    });
  }

  /**
   * Closes the case with a note that goes to the client through the outbox, in their
   * language. Resolving without an earlier response counts as the first response.
   */
  async resolve(id: string, note: string): Promise<FeedbackCase> {
    const text = note.trim();
    if (!text) {
      throw caseError('EMPTY_NOTE', 'Write the resolution the client will read.', 'note');
    }
    if (text.length > MAX_RESOLUTION_NOTE) {
      throw caseError(
        'NOTE_TOO_LONG',
        `The resolution note may be at most ${MAX_RESOLUTION_NOTE} characters.`,
        'note',
      );
    }
    return this.ctx.em.transactional(async (em) => {
      const kase = await mustFind(em, FeedbackCase, id, 'id', notFound);
      const before = snapshot(kase);
      if (kase.status === CaseStatus.RESOLVED) {
        throw caseError('ALREADY_RESOLVED', 'The case is resolved already.', 'id');
      }
      if (!kase.firstResponseAt) this.markResponded(em, kase);
      // The viewer may act on the case (its row scope found it) but, as a department member,
      // may not read the feedback or the contact: the note's address is read past the scope.
      const item = await em.findOneOrFail(
        FeedbackItem,
        { id: kase.feedback.id },
        { populate: ['contact'], filters: { [ROW_SCOPE_FILTER]: false } },
      );
      const contact = item.contact ?? null;
      const locale = acknowledgementLocale(contact?.locale, item.language);
      const reference = item.id.slice(-12);
      // The CX admin's template for the language, else the built-in text.
      const message =
        (await this.ctx
          .service(NotificationTemplateService)
          .render(em, NotificationKind.CASE_RESOLUTION, locale, {
            contactName: contact?.name,
            reference,
            note: text,
          })) ?? resolutionMessage(locale, contact?.name, reference, text);
      const recipient = contact?.email ?? null;
      kase.resolutionNotification = em.create(ClientNotification, {
        dedupeKey: `case-resolution:${kase.id}`,
        kind: NotificationKind.CASE_RESOLUTION,
        account: kase.account,
        contact,
        feedbackItem: item,
        recipient,
        locale,
        subject: message.subject,
        body: message.body,
        status: recipient ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
      });
      kase.status = CaseStatus.RESOLVED;
      kase.resolvedAt = this.ctx.clock.now();
      kase.resolvedBy = this.viewerUser(em);
      kase.resolutionNote = text;
      this.ctx.audit.record(em, 'resolveCase', 'FeedbackCase', kase.id, before, snapshot(kase));
      return kase;
    });
  }

  /** Hands an open case to another department and/or person. */
  async reassign(id: string, input: ReassignArgs): Promise<FeedbackCase> {
    if (!input.departmentId && !input.ownerId) {
      throw caseError('NOTHING_TO_CHANGE', 'Give a departmentId, an ownerId or both.', 'input');
    }
    return this.ctx.em.transactional(async (em) => {
      const kase = await mustFind(em, FeedbackCase, id, 'id', notFound);
      const before = snapshot(kase);
      if (kase.status === CaseStatus.RESOLVED) {
        throw caseError('ALREADY_RESOLVED', 'A resolved case keeps its owner.', 'id');
      }
      if (input.departmentId) {
        kase.department = await mustFind(
          em,
          Department,
          input.departmentId,
          'departmentId',
          (message, field) => caseError('DEPARTMENT_NOT_FOUND', message, field),
        );
      }
      if (input.ownerId) {
        const owner = await mustFind(em, User, input.ownerId, 'ownerId', (message, field) =>
          caseError('USER_NOT_FOUND', message, field),
        );
        if (!owner.active) {
          throw caseError('USER_INACTIVE', 'That user is deactivated.', 'ownerId');
        }
        kase.owner = owner;
      }
      this.ctx.audit.record(em, 'reassignCase', 'FeedbackCase', kase.id, before, snapshot(kase));
      return kase;
    });
  }

  private markResponded(em: Em, kase: FeedbackCase): void {
    kase.firstResponseAt = this.ctx.clock.now();
    kase.respondedBy = this.viewerUser(em);
    kase.status = CaseStatus.RESPONDED;
  }

  private viewerUser(em: Em): User | null {
    return this.ctx.viewer.userId ? em.getReference(User, this.ctx.viewer.userId) : null;
  }
}
