import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { recomputeAnalytics } from '../analytics/analytics-recompute.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Alert } from './alert.entity.js';
import { AlertService, type NewAlert } from './alert.service.js';
import { surveyCoverageInviter } from '../survey/coverage-inviter.js';
import { coverageGaps, silentKeyContacts, type CoverageGap } from './coverage.js';
import { type CoverageInvitation, type CoverageInviter } from './coverage-invitations.port.js';
import { accountTrends, isDivergent } from './divergence.js';
import { AlertKind, AlertStatus } from './monitor.enums.js';
import type { MonitorRules } from './monitor.rules.js';
import { completeMonths, monthOf } from './monitor.window.js';
import { recomputePeriodFigures } from './period-figures.js';

const DAY_MS = 86_400_000;

export interface MonitorRun {
  figures: number;
  raised: Record<AlertKind, number>;
  /** Rows written by each analytics step (`modules/analytics`). */
  analytics: Record<string, number>;
}

/**
 * One run of the monitor, as of the context's clock: recompute the period figures, then
 * check the rules and raise an alert (with an inbox entry for the account's owner) for each
 * condition that has none yet. Every step is idempotent, so a retried run adds nothing.
 */
export class MonitorService {
  constructor(private readonly ctx: DomainContext) {}

  private get rules(): MonitorRules {
    return this.ctx.deps.config.monitorRules;
  }

  async run(): Promise<MonitorRun> {
    const at = this.ctx.clock.now();
    const { from, to } = completeMonths(at, this.rules.divergenceMonths);
    const figures = await recomputePeriodFigures(this.ctx.em, from, monthOf(at), at);
    const divergence = await this.divergenceAlerts(from, to);
    const gaps = await this.coverageGapAlerts(at, to);
    const silent = await this.silentContactAlerts(at, to);
    const all = [...divergence, ...gaps, ...silent];
    const created = await this.ctx.em.transactional(async (em) => {
      await this.nameAccounts(em, all);
      return this.ctx.service(AlertService).raise(em, all);
    });
    const raised = { DIVERGENCE: 0, COVERAGE_GAP: 0, KEY_CONTACT_SILENT: 0 };
    for (const a of created) raised[a.kind] += 1;
    const analytics = await recomputeAnalytics(this.ctx);
    return { figures, raised, analytics };
  }

  /** Divergent accounts without an open divergence alert; one alert per account and period. */
  private async divergenceAlerts(from: string, to: string): Promise<NewAlert[]> {
    const trends = (await accountTrends(this.ctx.em, from, to)).filter((t) =>
      isDivergent(t, this.rules),
    );
    const open = await this.openAccounts(
      AlertKind.DIVERGENCE,
      trends.map((t) => t.accountId),
    );
    return trends
      .filter((t) => !open.has(t.accountId))
      .map((t) => ({
        key: `${AlertKind.DIVERGENCE}:${t.accountId}:${to}`,
        kind: AlertKind.DIVERGENCE,
        accountId: t.accountId,
        ownerId: t.ownerId,
        period: to,
        figures: {
          ...t,
          rule: {
            satisfactionRisePerMonth: this.rules.satisfactionRisePerMonth,
            minT: this.rules.divergenceMinT,
            daysLateFallPerMonth: this.rules.daysLateFallPerMonth,
          },
        },
        subject: 'Satisfaction rises, payments do not: analyse',
        body: `Satisfaction (CSI, NPS and CES on 0–100) has risen by ${t.satisfactionPerMonth} points a month from ${t.periodFrom} to ${t.periodTo} (${t.satisfactionFirst ?? '–'} → ${t.satisfactionLast ?? '–'}, ${t.scores} scores), while days paid late changed by ${t.daysLatePerMonth} a month (${t.daysLateFirst ?? '–'} → ${t.daysLateLast ?? '–'}). If satisfaction rises but payment behaviour does not improve, the problem is not satisfaction: find out what it is, then close the alert with a note.`,
      }));
  }

  /** Gaps with no alert yet get an invitation where a campaign fits, then their alert. */
  private async coverageGapAlerts(at: Date, period: string): Promise<NewAlert[]> {
    const days = this.rules.coverageGapDays;
    const since = new Date(at.getTime() - days * DAY_MS);
    const gaps = await coverageGaps(this.ctx.em, since);
    const keyOf = (g: CoverageGap) =>
      `${AlertKind.COVERAGE_GAP}:${g.accountId}:${g.respondentClass}:${g.lastHeardAt?.toISOString() ?? 'never'}`;
    const known = await this.existingKeys(gaps.map(keyOf));
    const inviter = this.ctx.deps.coverageInvites ?? surveyCoverageInviter(this.ctx);
    const alerts: NewAlert[] = [];
    for (const g of gaps.filter((gap) => !known.has(keyOf(gap)))) {
      const invitation: CoverageInvitation =
        g.contacts > 0
          ? await this.invite(inviter, g)
          : {
              invited: 0,
              campaignId: null,
              reason: 'NO_CONTACT: the account has no active contact of this class',
            };
      const heard = g.lastHeardAt ? `since ${g.lastHeardAt.toISOString().slice(0, 10)}` : 'ever';
      alerts.push({
        key: keyOf(g),
        kind: AlertKind.COVERAGE_GAP,
        accountId: g.accountId,
        ownerId: g.ownerId,
        period,
        figures: {
          respondentClass: g.respondentClass,
          lastHeardAt: g.lastHeardAt?.toISOString() ?? null,
          gapDays: days,
          contactsOfClass: g.contacts,
          invitation,
        },
        subject: `No feedback from ${g.respondentClass} ${heard}`,
        body: `Nobody of the ${g.respondentClass} class of this account has given feedback ${heard} (more than ${days} days). ${invitation.invited > 0 ? `${invitation.invited} invitation(s) were sent.` : `No invitation was sent (${invitation.reason ?? 'no campaign fits'}).`} Hear them — a meeting, a call or a survey — then close the alert with a note.`,
      });
    }
    return alerts;
  }

  /**
   * A failed invitation is recorded in the alert, not retried: the alert (the owner's task) must
   * not wait for the survey dispatch, and a retried run would invite the classes before it again.
   */
  private async invite(inviter: CoverageInviter, g: CoverageGap): Promise<CoverageInvitation> {
    try {
      return await inviter.inviteForCoverage(g.accountId, g.respondentClass);
    } catch (error) {
      this.ctx.deps.log.warn(
        `coverage invitation failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return {
        invited: 0,
        campaignId: null,
        reason: 'INVITE_FAILED: the invitation could not be sent',
      };
    }
  }

  private async silentContactAlerts(at: Date, period: string): Promise<NewAlert[]> {
    const days = this.rules.keyContactSilentDays;
    const silent = await silentKeyContacts(this.ctx.em, new Date(at.getTime() - days * DAY_MS));
    return silent.map((c) => {
      const since = c.lastAnsweredAt
        ? `since ${c.lastAnsweredAt.toISOString().slice(0, 10)}`
        : 'ever';
      return {
        key: `${AlertKind.KEY_CONTACT_SILENT}:${c.contactId}:${c.lastAnsweredAt?.toISOString() ?? 'never'}`,
        kind: AlertKind.KEY_CONTACT_SILENT,
        accountId: c.accountId,
        contactId: c.contactId,
        ownerId: c.ownerId,
        period,
        figures: {
          contactId: c.contactId,
          respondentClass: c.respondentClass,
          lastAnsweredAt: c.lastAnsweredAt?.toISOString() ?? null,
          silentDays: days,
        },
        subject: `A key contact has not answered ${since}`,
        body: `A key contact (${c.respondentClass}) of this account has not given feedback ${since} (more than ${days} days). Get in touch, then close the alert with a note.`,
      };
    });
  }

  private async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.ctx.em.find(
      Alert,
      { dedupeKey: { $in: keys } },
      { fields: ['dedupeKey'] },
    );
    return new Set(rows.map((r) => r.dedupeKey));
  }

  private async openAccounts(kind: AlertKind, accountIds: string[]): Promise<Set<string>> {
    if (accountIds.length === 0) return new Set();
    const rows = await this.ctx.em.find(
      Alert,
      { kind, status: AlertStatus.OPEN, account: { $in: accountIds } },
      { fields: ['account'] },
    );
    return new Set(rows.map((r) => r.account.id));
  }

  /** Puts the account's name in each subject, so an inbox reads on its own. */
  private async nameAccounts(em: Em, alerts: NewAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    const ids = [...new Set(alerts.map((a) => a.accountId))];
    const names = new Map(
      (await em.find(ClientAccount, { id: { $in: ids } }, { fields: ['name'] })).map((a) => [
        a.id,
        a.name,
      ]),
    );
    for (const a of alerts) a.subject = `${names.get(a.accountId) ?? 'Account'}: ${a.subject}`;
  }
}
