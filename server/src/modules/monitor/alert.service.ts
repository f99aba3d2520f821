import type { FilterQuery } from '@mikro-orm/core';
import { findById } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { InboxService } from '../inbox/inbox.service.js';
import { InboxKind } from '../initiative/initiative.enums.js';
import { User } from '../organisation/user.entity.js';
import { Alert } from './alert.entity.js';
import { type AlertKind, AlertStatus } from './monitor.enums.js';
import { monitorError } from './monitor.errors.js';

/** A condition to raise an alert for; `key` identifies the condition (one alert per key). */
export interface NewAlert {
  key: string;
  kind: AlertKind;
  accountId: string;
  ownerId: string | null;
  contactId?: string | null;
  period: string;
  figures: Record<string, unknown>;
  /** The inbox entry's subject and body: what the owner is asked to do. */
  subject: string;
  body: string;
}

export interface AlertFilter {
  kinds?: AlertKind[] | null;
  status?: AlertStatus | null;
  accountId?: string | null;
  ownerId?: string | null;
}

export interface AlertOrder {
  field: 'raisedAt';
  direction: 'asc' | 'desc';
}

export const MAX_NOTE_LENGTH = 2_000;

/** Alerts of the monitor: raised by its runs, listed and closed with a note by the CX office. */
export class AlertService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Raises each alert whose condition has none yet, with an inbox entry for the account's
   * owner (the CX office when it has none), inside the caller's transaction. Answers the
   * alerts it created; a rerun creates nothing.
   */
  async raise(em: Em, alerts: NewAlert[]): Promise<Alert[]> {
    if (alerts.length === 0) return [];
    const existing = new Set(
      (
        await em.find(
          Alert,
          { dedupeKey: { $in: alerts.map((a) => a.key) } },
          { fields: ['dedupeKey'] },
        )
      ).map((a) => a.dedupeKey),
    );
    const fresh = alerts.filter((a) => !existing.has(a.key));
    const raisedAt = this.ctx.clock.now();
    const inbox = this.ctx.service(InboxService);
    // Alerts on owner-less accounts go to the CX office: looked up once for the whole batch.
    const office = fresh.some((a) => !a.ownerId) ? await inbox.cxOfficeIds(em) : [];
    const created = fresh.map((a) => {
      const alert = em.create(Alert, {
        dedupeKey: a.key,
        kind: a.kind,
        status: AlertStatus.OPEN,
        account: a.accountId,
        contact: a.contactId ?? null,
        owner: a.ownerId,
        period: a.period,
        figures: a.figures,
        raisedAt,
      });
      this.ctx.audit.record(em, 'raiseAlert', 'Alert', alert.id, null, snapshot(alert));
      return { alert, a };
    });
    await inbox.post(
      em,
      created.map(({ alert, a }) => ({
        key: `alert:${alert.id}`,
        kind: InboxKind.MONITOR_ALERT,
        userIds: a.ownerId ? [a.ownerId] : [],
        departmentIds: a.ownerId ? [] : office,
        subject: a.subject,
        body: `${a.body}\n\nAlert ${a.kind} ${alert.id}, period ${a.period}.`,
      })),
    );
    return created.map(({ alert }) => alert);
  }

  /** Closes an open alert with a note saying what was found or done. */
  async close(id: string, note: string): Promise<Alert> {
    const text = note.trim();
    if (!text) {
      throw monitorError('NOTE_REQUIRED', 'Say in the note what was found or done.', 'note');
    }
    if (text.length > MAX_NOTE_LENGTH) {
      throw monitorError(
        'TEXT_TOO_LONG',
        `The note must be at most ${MAX_NOTE_LENGTH} characters.`,
        'note',
      );
    }
    return this.ctx.em.transactional(async (em) => {
      const alert = await findById(em, Alert, id);
      if (!alert) throw monitorError('ALERT_NOT_FOUND', 'No alert matches id.', 'id');
      if (alert.status === AlertStatus.CLOSED) {
        throw monitorError('ALERT_CLOSED', 'This alert is closed already.', 'id');
      }
      const before = snapshot(alert);
      alert.status = AlertStatus.CLOSED;
      alert.closedAt = this.ctx.clock.now();
      alert.closeNote = text;
      const userId = this.ctx.viewer.userId;
      alert.closedBy = userId ? em.getReference(User, userId) : null;
      this.ctx.audit.record(em, 'closeAlert', 'Alert', alert.id, before, snapshot(alert));
      return alert;
    });
  }

  async get(id: string): Promise<Alert | null> {
    return findById(this.ctx.em, Alert, id);
  }

  /** Newest first unless ordered otherwise. */
  async list(
    filter: AlertFilter | undefined,
    order: AlertOrder | undefined,
    args: PageArgs,
  ): Promise<Page<Alert>> {
    const where: FilterQuery<Alert> = {};
    if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
    if (filter?.status) where.status = filter.status;
    if (filter?.accountId) where.account = filter.accountId;
    if (filter?.ownerId) where.owner = filter.ownerId;
    const orderBy = order ? { [order.field]: order.direction } : { raisedAt: 'desc' as const };
    return paginate(this.ctx.em, Alert, where, args, orderBy);
  }
}
