import { type ComplaintClass, FeedbackChannel, Sentiment } from '../feedback/feedback.enums.js';
import { CaseReason, CaseResponseClock } from './case.enums.js';
import type { CaseSettings } from './case.settings.js';

const HOUR = 3_600_000;

/** What of a feedback item decides whether it opens a case. */
export interface CaseTriggerFacts {
  channel: FeedbackChannel;
  npsScore?: number | null;
  csiScore?: number | null;
  cesScore?: number | null;
  complaintClass?: ComplaintClass | null;
  sentiment?: Sentiment | null;
}

/**
 * Why this item opens a case, or null: a complaint (the complaint channel, or a negative text
 * in one of the complaint classes), a detractor NPS, a low CSI or a high-effort CES.
 */
export function caseReason(f: CaseTriggerFacts, s: CaseSettings): CaseReason | null {
  if (
    f.channel === FeedbackChannel.COMPLAINT ||
    (f.complaintClass != null && f.sentiment === Sentiment.NEGATIVE)
  ) {
    return CaseReason.COMPLAINT;
  }
  if (f.npsScore != null && f.npsScore <= s.npsAtMost) return CaseReason.DETRACTOR;
  if (f.csiScore != null && f.csiScore <= s.csiAtMost) return CaseReason.LOW_CSI;
  if (f.cesScore != null && f.cesScore <= s.cesAtMost) return CaseReason.HIGH_EFFORT;
  return null;
}

export interface SlaPlan {
  slaHours: number;
  responseDueAt: Date;
  remindAt: Date;
}

/**
 * The response deadline and the reminder: the complaint class's SLA (DEFAULT without one),
 * or the special-requirement SLA when a special requirement is in play and it is shorter.
 * The reminder comes `reminderLeadHours` before the deadline, or halfway when the SLA is
 * not longer than that lead.
 */
export function planSla(
  openedAt: Date,
  complaintClass: ComplaintClass | null | undefined,
  specialRequirementInPlay: boolean,
  s: CaseSettings,
): SlaPlan {
  const classHours = s.slaHours[complaintClass ?? 'DEFAULT'];
  const slaHours = specialRequirementInPlay
    ? Math.min(classHours, s.specialRequirementSlaHours)
    : classHours;
  const due = openedAt.getTime() + slaHours * HOUR;
  const lead = s.reminderLeadHours < slaHours ? s.reminderLeadHours : slaHours / 2;
  return {
    slaHours,
    responseDueAt: new Date(due),
    remindAt: new Date(due - lead * HOUR),
  };
}

/** The times that decide where a case's response deadline stands. */
export interface ResponseClockFacts {
  responseDueAt: Date;
  firstResponseAt?: Date | null;
  resolvedAt?: Date | null;
}

/**
 * Met or missed once the client was answered (a resolution without a recorded response counts
 * as the answer), else running or overdue at `now` — the same deadline `overdueOnly` filters on.
 */
export function responseClock(c: ResponseClockFacts, now: Date): CaseResponseClock {
  const answeredAt = c.firstResponseAt ?? c.resolvedAt;
  const due = c.responseDueAt.getTime();
  if (answeredAt) {
    return answeredAt.getTime() <= due ? CaseResponseClock.MET : CaseResponseClock.MISSED;
  }
  return now.getTime() > due ? CaseResponseClock.OVERDUE : CaseResponseClock.RUNNING;
}
