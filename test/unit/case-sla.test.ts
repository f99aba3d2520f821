import { describe, expect, it } from 'vitest';
import { CaseReason, CaseResponseClock } from '../../server/src/modules/case/case.enums.js';
import {
  DEFAULT_CASE_SETTINGS,
  type CaseSettings,
} from '../../server/src/modules/case/case.settings.js';
import { caseReason, planSla, responseClock } from '../../server/src/modules/case/case.sla.js';
import {
  ComplaintClass,
  FeedbackChannel,
  Sentiment,
} from '../../server/src/modules/feedback/feedback.enums.js';

const settings: CaseSettings = {
  ...DEFAULT_CASE_SETTINGS,
  slaHours: { DEFAULT: 48, DELIVERY_DISCIPLINE: 24, QUALITY: 72, SERVICE: 12, DETERIORATION: 6 },
  specialRequirementSlaHours: 8,
  reminderLeadHours: 4,
};
const opened = new Date('2026-03-02T09:00:00.000Z');
const at = (hours: number) => new Date(opened.getTime() + hours * 3_600_000).toISOString();

describe('SLA planning', () => {
  it('gives each complaint class its own deadline and reminds the lead time before it', () => {
    const plan = planSla(opened, ComplaintClass.QUALITY, false, settings);
    expect(plan.slaHours).toBe(72);
    expect(plan.responseDueAt.toISOString()).toBe(at(72));
    expect(plan.remindAt.toISOString()).toBe(at(68));
  });

  it('uses the DEFAULT SLA for feedback without a complaint class', () => {
    expect(planSla(opened, null, false, settings).responseDueAt.toISOString()).toBe(at(48));
  });

  it('gives a complaint touching a special requirement the shorter special SLA', () => {
    const plan = planSla(opened, ComplaintClass.QUALITY, true, settings);
    expect(plan.slaHours).toBe(8);
    expect(plan.responseDueAt.toISOString()).toBe(at(8));
    expect(plan.remindAt.toISOString()).toBe(at(4));
  });

  it('keeps a class SLA that is already shorter than the special one', () => {
    expect(planSla(opened, ComplaintClass.DETERIORATION, true, settings).slaHours).toBe(6);
  });

  it('reminds halfway when the SLA is not longer than the reminder lead', () => {
    const plan = planSla(opened, null, false, {
      ...settings,
      slaHours: { ...settings.slaHours, DEFAULT: 3 },
    });
    expect(plan.remindAt.toISOString()).toBe(at(1.5));
  });
});

describe('which feedback opens a case', () => {
  const base = { channel: FeedbackChannel.SURVEY };
  it.each([
    [{ ...base, npsScore: 6 }, CaseReason.DETRACTOR],
    [{ ...base, npsScore: 7 }, null],
    [{ ...base, csiScore: 50 }, CaseReason.LOW_CSI],
    [{ ...base, csiScore: 50.5 }, null],
    [{ ...base, cesScore: 3 }, CaseReason.HIGH_EFFORT],
    [{ ...base, cesScore: 6 }, null],
    [{ channel: FeedbackChannel.COMPLAINT, npsScore: 9 }, CaseReason.COMPLAINT],
    [
      { ...base, complaintClass: ComplaintClass.QUALITY, sentiment: Sentiment.NEGATIVE },
      CaseReason.COMPLAINT,
    ],
    [{ ...base, complaintClass: ComplaintClass.QUALITY, sentiment: Sentiment.POSITIVE }, null],
  ])('%j → %s', (facts, reason) => {
    expect(caseReason(facts, settings)).toBe(reason);
  });

  it('follows configured thresholds', () => {
    expect(caseReason({ ...base, npsScore: 5 }, { ...settings, npsAtMost: 4 })).toBeNull();
  });
});

describe('the response clock', () => {
  const due = new Date(at(24));
  const hour = (h: number) => new Date(at(h));

  it('runs until the deadline and is overdue after it while nobody has answered', () => {
    expect(responseClock({ responseDueAt: due }, hour(23))).toBe(CaseResponseClock.RUNNING);
    expect(responseClock({ responseDueAt: due }, hour(24))).toBe(CaseResponseClock.RUNNING);
    expect(responseClock({ responseDueAt: due }, hour(25))).toBe(CaseResponseClock.OVERDUE);
  });

  it('is met by an answer on time and missed by a late one, whatever the time now', () => {
    const onTime = { responseDueAt: due, firstResponseAt: hour(24) };
    const late = { responseDueAt: due, firstResponseAt: hour(30) };
    expect(responseClock(onTime, hour(100))).toBe(CaseResponseClock.MET);
    expect(responseClock(late, hour(31))).toBe(CaseResponseClock.MISSED);
  });

  it('takes a resolution without a recorded response as the answer', () => {
    const resolvedLate = { responseDueAt: due, firstResponseAt: null, resolvedAt: hour(26) };
    expect(responseClock(resolvedLate, hour(27))).toBe(CaseResponseClock.MISSED);
  });
});
