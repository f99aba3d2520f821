import type { FilterQuery } from '@mikro-orm/core';
import type { DomainContext } from '../../domain/context.js';
import type { Em } from '../../db/orm.js';
import { uuidv7 } from '../../db/ids.js';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import type { InboxKind } from '../initiative/initiative.enums.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../organisation/user.entity.js';
import { InboxEntry } from './inbox-entry.entity.js';
import { inboxError } from './inbox.errors.js';

/** An entry to write: to a user, to a department, or both (one row each). */
export interface NewInboxEntry {
  /** Unique per entry and recipient; the recipient is appended. */
  key: string;
  kind: InboxKind;
  userIds?: (string | null | undefined)[];
  departmentIds?: (string | null | undefined)[];
  initiativeId?: string | null;
  taskId?: string | null;
  councilReviewId?: string | null;
  subject: string;
  body: string;
}

export interface InboxFilter {
  recipientUserId?: string | null;
  recipientDepartmentId?: string | null;
  initiativeId?: string | null;
  kinds?: InboxKind[] | null;
  unreadOnly?: boolean | null;
}

/** Staff inboxes: what the initiative workflows tell people and departments. */
export class InboxService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Writes each entry once per recipient, inside the caller's transaction; an entry whose
   * key exists already is left as it is, so retried activities write nothing twice.
   */
  async post(em: Em, entries: NewInboxEntry[]): Promise<InboxEntry[]> {
    const rows = entries.flatMap((e) => [
      ...unique(e.userIds).map((id) => ({
        e,
        key: `${e.key}:user:${id}`,
        user: id,
        department: null,
      })),
      ...unique(e.departmentIds).map((id) => ({
        e,
        key: `${e.key}:dept:${id}`,
        user: null,
        department: id,
      })),
    ]);
    if (rows.length === 0) return [];
    const existing = new Set(
      (
        await em.find(
          InboxEntry,
          { dedupeKey: { $in: rows.map((r) => r.key) } },
          { fields: ['dedupeKey'] },
        )
      ).map((r) => r.dedupeKey),
    );
    const createdAt = this.ctx.clock.now();
    return rows
      .filter((r) => !existing.has(r.key))
      .map(({ e, key, user, department }) => {
        // The id now, not at flush: the audit row below names it.
        const entry = em.create(InboxEntry, {
          id: uuidv7(),
          dedupeKey: key,
          kind: e.kind,
          recipientUser: user ? em.getReference(User, user) : null,
          recipientDepartment: department ? em.getReference(Department, department) : null,
          initiative: e.initiativeId ?? null,
          task: e.taskId ?? null,
          councilReview: e.councilReviewId ?? null,
          subject: e.subject.slice(0, 300),
          body: e.body,
          createdAt,
        });
        // The audit trail is what live updates follow (`server/src/live/live-feed.ts`): without
        // this row a new entry would reach `inboxChanged` subscribers only on its next change.
        // Ids and kind only: subject and body may name people, and stay in the entry.
        this.ctx.audit.record(em, 'postInboxEntry', 'InboxEntry', entry.id, null, {
          kind: e.kind,
          recipientUserId: user,
          recipientDepartmentId: department,
          initiativeId: e.initiativeId ?? null,
          taskId: e.taskId ?? null,
          councilReviewId: e.councilReviewId ?? null,
        });
        return entry;
      });
  }

  /** The CX office departments: where escalations and owner-less notices go. */
  async cxOfficeIds(em: Em): Promise<string[]> {
    return (await em.find(Department, { isCxOffice: true }, { fields: ['id'] })).map((d) => d.id);
  }

  /** An owner's notice goes to the owner; with nobody owning it yet, to the CX office. */
  async ownerOrOffice(
    em: Em,
    ownerId: string | null | undefined,
  ): Promise<Pick<NewInboxEntry, 'userIds' | 'departmentIds'>> {
    return ownerId
      ? { userIds: [ownerId], departmentIds: [] }
      : { userIds: [], departmentIds: await this.cxOfficeIds(em) };
  }

  /** One notice to an initiative's owner (or, while it has none, to the CX office). */
  async tellOwner(
    em: Em,
    initiative: { id: string; owner?: { id: string } | null },
    entry: Omit<NewInboxEntry, 'userIds' | 'departmentIds' | 'initiativeId'>,
  ): Promise<void> {
    await this.post(em, [
      {
        ...entry,
        key: `${entry.key}:${initiative.id}`,
        initiativeId: initiative.id,
        ...(await this.ownerOrOffice(em, initiative.owner?.id)),
      },
    ]);
  }

  async get(id: string): Promise<InboxEntry | null> {
    return this.ctx.em.findOne(InboxEntry, { id });
  }

  /** Newest first. */
  async list(filter: InboxFilter | undefined, args: PageArgs): Promise<Page<InboxEntry>> {
    const where: FilterQuery<InboxEntry> = {};
    if (filter?.recipientUserId) where.recipientUser = filter.recipientUserId;
    if (filter?.recipientDepartmentId) where.recipientDepartment = filter.recipientDepartmentId;
    if (filter?.initiativeId) where.initiative = filter.initiativeId;
    if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
    if (filter?.unreadOnly) where.readAt = null;
    return paginate(this.ctx.em, InboxEntry, where, args, { createdAt: 'desc' });
  }

  /** Marks an entry read (once; reading it again keeps the first time). */
  async markRead(id: string): Promise<InboxEntry> {
    return this.ctx.em.transactional(async (em) => {
      const entry = await em.findOne(InboxEntry, { id });
      if (!entry) throw inboxError('ENTRY_NOT_FOUND', 'No inbox entry matches id.', 'id');
      if (!entry.readAt) {
        entry.readAt = this.ctx.clock.now();
        this.ctx.audit.record(
          em,
          'markInboxEntryRead',
          'InboxEntry',
          entry.id,
          { readAt: null },
          {
            readAt: entry.readAt.toISOString(),
          },
        );
      }
      return entry;
    });
  }
}

function unique(ids: (string | null | undefined)[] | undefined): string[] {
  return [...new Set((ids ?? []).filter((id): id is string => !!id))];
}
