import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { feedbackError } from '../feedback/feedback.errors.js';
import { InboxService, type NewInboxEntry } from '../inbox/inbox.service.js';
import { InboxKind } from '../initiative/initiative.enums.js';
import {
  RequirementStatus,
  SpecialRequirement,
} from '../requirement/special-requirement.entity.js';
import { FeedbackCase } from './case.entity.js';
import { CaseStatus } from './case.enums.js';
import { caseError } from './case.errors.js';
import { caseReason, planSla } from './case.sla.js';

/** What opening did; `opened` is false when an earlier call opened the case. */
export interface OpenedCase {
  caseId: string;
  opened: boolean;
  responseDueAt: string;
  remindAt: string;
}

/** What a reminder or an escalation did; `settled` means the owner has already answered. */
export interface ClockStep {
  settled: boolean;
  sent: boolean;
}

const reference = (c: FeedbackCase) => c.id.slice(-12);

/**
 * The case's side of intake and of its workflow's timer: opening the case for a feedback
 * item, reminding its owner before the deadline, escalating to the CX office after it. Each
 * step is idempotent (a unique case per item, dedupe keys on inbox entries, stamps on the case).
 */
export class CaseClockService {
  constructor(private readonly ctx: DomainContext) {}

  /** Opens the item's case when it is unhappy feedback; null when it is not. */
  async openForFeedback(feedbackId: string): Promise<OpenedCase | null> {
    try {
      return await this.ctx.em.transactional((em) => this.open(em, feedbackId));
    } catch (error) {
      // A concurrent run opened it first: report that case.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const existing = await this.ctx.em.fork().findOne(FeedbackCase, { feedback: feedbackId });
      if (!existing) throw error;
      return described(existing, false);
    }
  }

  private async open(em: Em, feedbackId: string): Promise<OpenedCase | null> {
    const item = await mustFind(
      em,
      FeedbackItem,
      feedbackId,
      'feedbackId',
      (message, field) => feedbackError('FEEDBACK_NOT_FOUND', message, field),
      { populate: ['touchpoint.processClass', 'account'] },
    );
    const existing = await em.findOne(FeedbackCase, { feedback: item.id });
    if (existing) return described(existing, false);
    const settings = this.ctx.deps.config.cases;
    const score = (v: number | string | null | undefined) => (v == null ? null : Number(v));
    const reason = caseReason(
      {
        channel: item.channel,
        npsScore: item.npsScore ?? null,
        csiScore: score(item.csiScore),
        cesScore: score(item.cesScore),
        complaintClass: item.complaintClass ?? null,
        sentiment: item.sentiment ?? null,
      },
      settings,
    );
    if (!reason) return null;

    const processClass = item.touchpoint?.processClass ?? null;
    const requirement = processClass
      ? await em.findOne(
          SpecialRequirement,
          { account: item.account, processClass, status: RequirementStatus.ACTIVE },
          { orderBy: { createdAt: 'asc' } },
        )
      : null;
    const department = processClass?.owningDepartment ?? null;
    const openedAt = this.ctx.clock.now();
    const plan = planSla(openedAt, item.complaintClass, !!requirement, settings);
    const kase = em.create(FeedbackCase, {
      feedback: item,
      account: item.account,
      processClass,
      department,
      // Without an owning department the account's owner answers the client.
      owner: department ? null : (item.account.owner ?? null),
      reason,
      complaintClass: item.complaintClass ?? null,
      specialRequirement: requirement,
      status: CaseStatus.OPEN,
      slaHours: plan.slaHours,
      openedAt,
      responseDueAt: plan.responseDueAt,
      remindAt: plan.remindAt,
    });
    this.ctx.audit.record(em, 'openCase', 'FeedbackCase', kase.id, null, snapshot(kase));
    await this.tell(em, kase, 'opened', InboxKind.CASE_OPENED, await this.ownerOrOffice(em, kase));
    await em.flush();
    return described(kase, true);
  }

  /** Before the deadline: the owner is reminded, unless they have answered already. */
  async remind(caseId: string): Promise<ClockStep> {
    return this.ctx.em.transactional(async (em) => {
      const kase = await this.find(em, caseId);
      if (kase.firstResponseAt || kase.status !== CaseStatus.OPEN) {
        return { settled: true, sent: false };
      }
      if (kase.remindedAt) return { settled: false, sent: false };
      kase.remindedAt = this.ctx.clock.now();
      this.ctx.audit.record(em, 'remindCaseOwner', 'FeedbackCase', kase.id, null, {
        remindedAt: kase.remindedAt.toISOString(),
      });
      await this.tell(
        em,
        kase,
        'reminder',
        InboxKind.CASE_DUE_SOON,
        await this.ownerOrOffice(em, kase),
      );
      return { settled: false, sent: true };
    });
  }

  /** After the deadline without an answer: the CX office (and the owner) are told. */
  async escalate(caseId: string): Promise<ClockStep> {
    return this.ctx.em.transactional(async (em) => {
      const kase = await this.find(em, caseId);
      if (kase.firstResponseAt || kase.status !== CaseStatus.OPEN) {
        return { settled: true, sent: false };
      }
      if (kase.escalatedAt) return { settled: false, sent: false };
      kase.escalatedAt = this.ctx.clock.now();
      this.ctx.audit.record(em, 'escalateCase', 'FeedbackCase', kase.id, null, {
        escalatedAt: kase.escalatedAt.toISOString(),
      });
      const office = await this.ctx.service(InboxService).cxOfficeIds(em);
      const owner = await this.ownerOrOffice(em, kase);
      await this.tell(em, kase, 'escalation', InboxKind.CASE_ESCALATED, {
        userIds: owner.userIds ?? [],
        departmentIds: [...office, ...(owner.departmentIds ?? [])],
      });
      return { settled: false, sent: true };
    });
  }

  private async find(em: Em, caseId: string): Promise<FeedbackCase> {
    return mustFind(em, FeedbackCase, caseId, 'caseId', (message, field) =>
      caseError('CASE_NOT_FOUND', message, field),
    );
  }

  private async ownerOrOffice(
    em: Em,
    kase: FeedbackCase,
  ): Promise<Pick<NewInboxEntry, 'userIds' | 'departmentIds'>> {
    if (kase.owner || kase.department) {
      return { userIds: [kase.owner?.id], departmentIds: [kase.department?.id] };
    }
    return { userIds: [], departmentIds: await this.ctx.service(InboxService).cxOfficeIds(em) };
  }

  private async tell(
    em: Em,
    kase: FeedbackCase,
    step: 'opened' | 'reminder' | 'escalation',
    kind: InboxKind,
    to: Pick<NewInboxEntry, 'userIds' | 'departmentIds'>,
  ): Promise<void> {
    const due = kase.responseDueAt.toISOString();
    const special = kase.specialRequirement
      ? ' A special requirement of the client is in play.'
      : '';
    const texts: Record<typeof step, [string, string]> = {
      opened: [
        `New case ${reference(kase)} (${kase.reason})`,
        `Unhappy feedback needs an answer to the client by ${due}.${special}`,
      ],
      reminder: [
        `Case ${reference(kase)} is due soon`,
        `The client has had no answer yet; the deadline is ${due}.${special}`,
      ],
      escalation: [
        `Case ${reference(kase)} is overdue`,
        `Nobody answered the client by ${due}; the CX office takes it up.${special}`,
      ],
    };
    const text = texts[step];
    await this.ctx
      .service(InboxService)
      .post(em, [{ key: `case-${step}:${kase.id}`, kind, ...to, subject: text[0], body: text[1] }]);
  }
}

function described(kase: FeedbackCase, opened: boolean): OpenedCase {
  return {
    caseId: kase.id,
    opened,
    responseDueAt: kase.responseDueAt.toISOString(),
    remindAt: kase.remindAt.toISOString(),
  };
}
