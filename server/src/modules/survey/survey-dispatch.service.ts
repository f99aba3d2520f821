import { LockMode } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import type {
  InviteAccountInput,
  InviteAccountResult,
  SurveyDispatchInput,
  SurveyDispatchJob,
} from '../../../../workflows/contracts/survey.contract.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { AccountStatus, type RespondentClass } from '../client/client.enums.js';
import { Contact } from '../client/contact.entity.js';
import { acknowledgementLocale } from '../feedback/acknowledgement-message.js';
import { FeedbackChannel } from '../feedback/feedback.enums.js';
import { NotificationTemplateService } from '../notification/notification-template.service.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { DeliveryStatus, NotificationKind } from '../notification/notification.enums.js';
import { SurveyCampaign } from './survey-campaign.entity.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import { heldReason, invitationMessage } from './survey-invitation-message.js';
import { SurveyTriggerEvent } from './survey-trigger-event.entity.js';
import { CampaignScheduleKind, CampaignStatus, InvitationStatus } from './survey.enums.js';

const DAY_MS = 86_400_000;

/** What a coverage request did: which campaign invited, and how many contacts. */
export interface CoverageInvitationOutcome extends InviteAccountResult {
  /** The campaign that fits (ACTIVE, targets the class, the account's segment), or null. */
  campaignId: string | null;
  /** In words, for the task or alert that asked. */
  summary: string;
}

/** A campaign runs while ACTIVE and inside its window. */
function runnable(c: SurveyCampaign, now: Date): boolean {
  if (c.status !== CampaignStatus.ACTIVE) return false;
  if (c.startsAt && c.startsAt.getTime() > now.getTime()) return false;
  return !(c.endsAt && c.endsAt.getTime() <= now.getTime());
}

/**
 * Sends survey invitations: who a run invites (plan), and the invitations of one account
 * (inviteAccount) with the fatigue rule. Called by the dispatch workflow's activities and by
 * the coverage check (inviteForCoverage).
 */
export class SurveyDispatchService {
  constructor(private readonly ctx: DomainContext) {}

  /** The accounts of each campaign a run invites; none for a campaign that stopped meanwhile. */
  async plan(input: SurveyDispatchInput): Promise<SurveyDispatchJob[]> {
    const { em } = this.ctx;
    const now = this.ctx.clock.now();
    if ('campaignId' in input) {
      const c = await em.findOne(SurveyCampaign, { id: input.campaignId });
      if (!c || c.scheduleKind !== CampaignScheduleKind.CALENDAR || !runnable(c, now)) return [];
      const accounts = await em.find(
        ClientAccount,
        {
          status: { $ne: AccountStatus.CHURNED },
          ...(c.segment ? { segment: c.segment.id } : {}),
        },
        { fields: ['id'], orderBy: { id: 'asc' } },
      );
      return accounts.map((a) => ({ campaignId: c.id, accountId: a.id }));
    }
    const event = await em.findOne(
      SurveyTriggerEvent,
      { id: input.triggerEventId },
      { populate: ['account'] },
    );
    if (!event) return [];
    const campaigns = await em.find(
      SurveyCampaign,
      {
        scheduleKind: CampaignScheduleKind.TRIGGER,
        triggerEvent: event.type,
        status: CampaignStatus.ACTIVE,
        $or: [{ segment: null }, { segment: event.account.segment.id }],
      },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return campaigns
      .filter((c) => runnable(c, now))
      .map((c) => ({ campaignId: c.id, accountId: event.account.id }));
  }

  /**
   * Invites the account's active contacts of the campaign's respondent classes (or of `only`),
   * one message each in their language, in one transaction. A contact invited by any campaign
   * within the fatigue window is recorded HELD with the reason and gets no message. Idempotent:
   * contacts this run already has a row for are left alone.
   */
  async inviteAccount(
    input: InviteAccountInput,
    only?: RespondentClass,
  ): Promise<InviteAccountResult> {
    return this.ctx.em.transactional(async (em) => {
      const none: InviteAccountResult = { sent: 0, held: 0, existing: 0 };
      const campaign = await em.findOne(
        SurveyCampaign,
        { id: input.campaignId },
        { populate: ['questionnaire'] },
      );
      const account = await em.findOne(ClientAccount, { id: input.accountId });
      if (!campaign || !account) return none;
      // Runs of different campaigns for one account wait for each other here (PostgreSQL), so
      // the fatigue rule sees what the other one invited.
      await em.lock(account, LockMode.PESSIMISTIC_WRITE);
      const classes = only ? [only] : campaign.targetRespondentClasses;
      const contacts = await em.find(
        Contact,
        { account: account.id, active: true, erasedAt: null, respondentClass: { $in: classes } },
        { orderBy: { id: 'asc' } },
      );
      if (!contacts.length) return none;
      const ids = contacts.map((c) => c.id);
      const done = await em.find(SurveyInvitation, {
        campaign: campaign.id,
        runKey: input.runKey,
        contact: { $in: ids },
      });
      const handled = new Set(done.map((i) => i.contact.id));
      const recent = await this.recentInvitations(em, ids);
      const result: InviteAccountResult = { sent: 0, held: 0, existing: handled.size };
      const now = this.ctx.clock.now();
      for (const contact of contacts) {
        if (handled.has(contact.id)) continue;
        const last = recent.get(contact.id);
        const invitation = em.create(SurveyInvitation, {
          campaign,
          runKey: input.runKey,
          contact,
          account,
          triggerEvent: input.triggerEventId
            ? em.getReference(SurveyTriggerEvent, input.triggerEventId)
            : null,
          channel: input.triggerEventId
            ? FeedbackChannel.POST_TRANSACTION_EMAIL
            : FeedbackChannel.SURVEY,
          status: last ? InvitationStatus.HELD : InvitationStatus.SENT,
          heldReason: last ? this.reason(last, now) : null,
          sentAt: last ? null : now,
        });
        if (last) result.held++;
        else {
          invitation.notification = await this.message(em, invitation, contact, account, campaign);
          result.sent++;
        }
        this.ctx.audit.record(
          em,
          'inviteToSurvey',
          'SurveyInvitation',
          invitation.id,
          null,
          snapshot(invitation),
        );
      }
      return result;
    });
  }

  /**
   * For the coverage check: invites an account's contacts of one respondent class through a
   * campaign that fits (ACTIVE, in its window, targets the class, no segment or the account's),
   * under the same fatigue rule; at most once a day per account, class and campaign.
   */
  async inviteForCoverage(
    accountId: string,
    respondentClass: RespondentClass,
  ): Promise<CoverageInvitationOutcome> {
    const { em } = this.ctx;
    const now = this.ctx.clock.now();
    const account = await em.findOne(ClientAccount, { id: accountId });
    const none = { sent: 0, held: 0, existing: 0, campaignId: null };
    if (!account) return { ...none, summary: 'No such account; nobody was invited.' };
    const campaigns = await em.find(
      SurveyCampaign,
      { status: CampaignStatus.ACTIVE, $or: [{ segment: null }, { segment: account.segment.id }] },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const fitting = campaigns
      .filter((c) => runnable(c, now) && c.targetRespondentClasses.includes(respondentClass))
      // A campaign made for the account's segment fits better than one for every segment.
      .sort((a, b) => Number(b.segment != null) - Number(a.segment != null));
    const campaign = fitting[0];
    if (!campaign) {
      return {
        ...none,
        summary: `No ACTIVE campaign targets ${respondentClass} in this account's segment; nobody was invited.`,
      };
    }
    const runKey = `coverage:${respondentClass}:${now.toISOString().slice(0, 10)}`;
    const r = await this.inviteAccount(
      { campaignId: campaign.id, accountId, runKey },
      respondentClass,
    );
    return {
      ...r,
      campaignId: campaign.id,
      summary: `Campaign "${campaign.name}": ${r.sent} invited, ${r.held} held back by the fatigue rule, ${r.existing} already invited today.`,
    };
  }

  /** Each contact's latest invitation that was sent within the fatigue window. */
  private async recentInvitations(
    em: Em,
    contactIds: string[],
  ): Promise<Map<string, SurveyInvitation>> {
    const days = this.ctx.deps.config.surveyFatigueDays;
    const latest = new Map<string, SurveyInvitation>();
    if (days <= 0) return latest;
    const since = new Date(this.ctx.clock.now().getTime() - days * DAY_MS);
    const recent = await em.find(
      SurveyInvitation,
      {
        contact: { $in: contactIds },
        status: { $in: [InvitationStatus.SENT, InvitationStatus.ANSWERED] },
        sentAt: { $gt: since },
      },
      { populate: ['campaign'], orderBy: { sentAt: 'desc', id: 'desc' } },
    );
    for (const r of recent) if (!latest.has(r.contact.id)) latest.set(r.contact.id, r);
    return latest;
  }

  private reason(last: SurveyInvitation, now: Date): string {
    const sentAt = last.sentAt ?? now;
    const daysAgo = Math.max(0, Math.floor((now.getTime() - sentAt.getTime()) / DAY_MS));
    return heldReason(daysAgo, last.campaign.name, sentAt, this.ctx.deps.config.surveyFatigueDays);
  }

  private async message(
    em: Em,
    invitation: SurveyInvitation,
    contact: Contact,
    account: ClientAccount,
    campaign: SurveyCampaign,
  ): Promise<ClientNotification> {
    const locale = acknowledgementLocale(contact.locale);
    const values = {
      contactName: contact.name,
      accountName: account.name,
      title: campaign.questionnaire.title,
      reference: invitation.id,
    };
    // The CX admin's template for the language, else the built-in text.
    const text =
      (await this.ctx
        .service(NotificationTemplateService)
        .render(em, NotificationKind.SURVEY_INVITATION, locale, values)) ??
      invitationMessage(locale, values);
    const recipient = contact.email ?? null;
    return em.create(ClientNotification, {
      dedupeKey: `survey-invitation:${invitation.id}`,
      kind: NotificationKind.SURVEY_INVITATION,
      account,
      contact,
      recipient,
      locale,
      subject: text.subject,
      body: text.body,
      status: recipient ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
    });
  }
}
