import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAIN_ELEMENTS } from '../../server/src/demo/bain-elements.js';
import type { DemoDataset } from '../../server/src/demo/dataset.js';
import { generateDemo, PLANTED_RELATION } from '../../server/src/demo/generate.js';
import { PROCESS_CLASSES } from '../../server/src/demo/journey-catalogue.js';
import { METRICS } from '../../server/src/demo/metric-catalogue.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { acknowledgementDedupeKey } from '../../server/src/modules/feedback/feedback-acknowledgement.service.js';
import {
  ComplaintClass,
  FeedbackChannel,
  FeedbackStatus,
} from '../../server/src/modules/feedback/feedback.enums.js';
import {
  AnalysisKind,
  InitiativeStatus,
  ProcessGroup,
} from '../../server/src/modules/initiative/initiative.enums.js';
import { JourneyStage } from '../../server/src/modules/journey/journey.enums.js';
import { MetricKind, MetricLayer } from '../../server/src/modules/metric/metric.enums.js';
import { DeliveryStatus } from '../../server/src/modules/notification/notification.enums.js';
import { ValueTier } from '../../server/src/modules/value/value.enums.js';

const now = new Date('2026-06-15T12:00:00Z');

/** Business content only: generated uuids differ between runs by design. */
function digest(d: DemoDataset): string {
  const accountOf = new Map(d.accounts.map((a) => [a.id, a.externalId]));
  const feedbackAt = new Map(d.feedback.map((f) => [f.id, (f.receivedAt as Date).toISOString()]));
  const content = {
    accounts: d.accounts.map((a) => [
      a.externalId,
      a.name,
      a.tier,
      a.status,
      a.country,
      a.clientSince,
    ]),
    contacts: d.contacts.map((c) => [c.name, c.email, c.position, c.respondentClass, c.locale]),
    feedback: d.feedback.map((f) => [
      f.channel,
      f.npsScore,
      f.csiScore,
      f.cesScore,
      f.text,
      f.language,
      f.complaintClass,
      f.sentiment,
      f.status,
      f.respondentClass,
      (f.receivedAt as Date).toISOString(),
    ]),
    figures: d.figures.map((f) => [
      f.period,
      f.revenue,
      f.grossMargin,
      f.avgDaysLate,
      f.orderCount,
    ]),
    observations: d.observations.map((o) => [o.metric, o.period, o.value]),
    initiatives: d.initiatives.map((i) => [
      i.spec.title,
      i.createdAt.toISOString(),
      i.input.affectedAccountIds?.map((id) => accountOf.get(id)),
      i.input.feedbackIds?.map((id) => feedbackAt.get(id)),
      i.steps.map((s) => [s.do, s.at.toISOString(), s.dueAt?.toISOString(), !!s.assigneeId]),
    ]),
    acknowledgements: d.acknowledgements.map((n) => [n.locale, n.subject, n.status, n.recipient]),
    weights: d.importanceWeights.map((w) => [w.respondentClass, w.factor, w.weight]),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function pearson(xs: number[], ys: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

function groupMeans(rows: { key: string; value: number }[]): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const { key, value } of rows) {
    const s = sums.get(key) ?? [0, 0];
    sums.set(key, [s[0] + value, s[1] + 1]);
  }
  return new Map([...sums].map(([k, [sum, n]]) => [k, sum / n]));
}

describe('the demo generator', () => {
  let first: DemoDataset;
  let again: DemoDataset;
  let other: DemoDataset;
  beforeAll(() => {
    first = generateDemo({ seed: 1, scale: 1, now });
    again = generateDemo({ seed: 1, scale: 1, now });
    other = generateDemo({ seed: 2, scale: 1, now });
  });

  it('produces identical business content for the same seed and different content for another', () => {
    expect(digest(again)).toBe(digest(first));
    expect(digest(other)).not.toBe(digest(first));
  });

  it('builds the company at the sizes the issue asks for at scale 1', () => {
    expect(first.segments.length).toBeGreaterThanOrEqual(3);
    expect(first.accounts).toHaveLength(300);
    expect(first.contacts).toHaveLength(1000);
    expect(first.feedback).toHaveLength(20_000);
    // Churned accounts (≈9%, PLANTED_RELATION.churn) have no figures from a month drawn in 4–10:
    // on average 5 of 12 months missing, ≈3.75% of the account-months; at most 8 of 12.
    expect(first.figures.length).toBeGreaterThan(300 * 12 * 0.94);
    expect(first.figures.length).toBeLessThan(300 * 12);
    expect(new Set(first.figures.map((f) => f.period)).size).toBe(12);
    expect(first.observations.length).toBeGreaterThan(10_000);
    expect(first.councils.length).toBeGreaterThanOrEqual(2);
    expect(first.councilMembers.length).toBeGreaterThan(0);
    expect(first.initiatives.length).toBeGreaterThanOrEqual(12);
    expect(first.importanceWeights).toHaveLength(first.segments.length * 3 * 40);
    expect(first.weightSets.filter((w) => w.isCurrent)).toHaveLength(1);
    expect(PROCESS_CLASSES.length).toBeGreaterThanOrEqual(20);
    expect(METRICS.length).toBeGreaterThanOrEqual(55);
    expect(new Set(METRICS.map((m) => m.kind))).toEqual(new Set(Object.values(MetricKind)));
    expect(new Set(METRICS.map((m) => m.layer))).toEqual(new Set(Object.values(MetricLayer)));
  });

  it('covers every channel, complaint class, respondent class, stage, process group and both languages', () => {
    const values = <T>(pick: (f: DemoDataset['feedback'][number]) => T) =>
      new Set(first.feedback.map(pick));
    expect(values((f) => f.channel)).toEqual(new Set(Object.values(FeedbackChannel)));
    expect(values((f) => f.complaintClass)).toEqual(
      new Set([...Object.values(ComplaintClass), null]),
    );
    expect(values((f) => f.respondentClass)).toEqual(
      new Set([...Object.values(RespondentClass), null]),
    );
    expect(values((f) => f.language)).toEqual(new Set(['ru', 'en']));
    // Without real reference ids, touchpoints are `ref:touchpoints:STAGE|PROCESS|CHANNEL`.
    const stages = values((f) => String(f.touchpoint).split(':')[2]?.split('|')[0]);
    for (const stage of Object.values(JourneyStage)) expect(stages).toContain(stage);
    expect(new Set(PROCESS_CLASSES.map((p) => p.stage))).toEqual(
      new Set(Object.values(JourneyStage)),
    );
    // Where each initiative's script leads (the loader checks that the services agree).
    expect(new Set(first.initiatives.map((i) => i.spec.ends[0]))).toEqual(
      new Set(Object.values(ProcessGroup)),
    );
    expect(new Set(first.initiatives.map((i) => i.spec.ends[1]))).toEqual(
      new Set(Object.values(InitiativeStatus)),
    );
    expect(new Set(first.maturity.map((m) => m.processGroup))).toEqual(
      new Set(Object.values(ProcessGroup)),
    );
    const classesPerAccount = new Map<string, Set<string>>();
    for (const c of first.contacts) {
      const set = classesPerAccount.get(c.account as string) ?? new Set();
      set.add(c.respondentClass as string);
      classesPerAccount.set(c.account as string, set);
    }
    const complete = [...classesPerAccount.values()].filter((s) => s.size === 3).length;
    expect(complete / first.accounts.length).toBeGreaterThan(0.85);
  });

  it('marks historic feedback as already through the collect workflow', () => {
    expect(
      first.feedback.every(
        (f) => f.workflowStartedAt instanceof Date && f.acknowledgedAt instanceof Date,
      ),
    ).toBe(true);
    expect(first.feedback.some((f) => f.status === FeedbackStatus.RECEIVED)).toBe(false);
    // Nothing was acknowledged after "today".
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    expect(first.feedback.every((f) => (f.acknowledgedAt as Date).getTime() <= today)).toBe(true);
  });

  it('acknowledges every item in the outbox once, as the collect workflow does, delivered where there is an e-mail', () => {
    const byItem = new Map(first.acknowledgements.map((n) => [n.feedbackItem, n]));
    expect(first.acknowledgements).toHaveLength(first.feedback.length);
    expect(byItem.size).toBe(first.feedback.length);
    const contacts = new Map(first.contacts.map((c) => [c.id, c]));
    for (const f of first.feedback) {
      const n = byItem.get(f.id)!;
      expect(n.dedupeKey).toBe(acknowledgementDedupeKey(f.id));
      const email = f.contact ? contacts.get(f.contact as string)?.email : null;
      expect(n.recipient ?? null).toBe(email ?? null);
      expect(n.status).toBe(email ? DeliveryStatus.SENT : DeliveryStatus.SKIPPED);
      expect(n.sentAt ?? null).toEqual(email ? f.acknowledgedAt : null);
    }
    const sample = first.acknowledgements.find((n) => n.locale === 'ru')!;
    expect(sample.body).toContain('Мы получили ваш отзыв и взяли его в работу');
  });

  it('leaves ACTIONED to the initiatives: only the feedback they will act on waits IN_ANALYSIS for them', () => {
    expect(first.feedback.some((f) => f.status === FeedbackStatus.ACTIONED)).toBe(false);
    const linked = new Set(first.initiatives.flatMap((i) => i.input.feedbackIds ?? []));
    expect(linked.size).toBe(
      first.initiatives.reduce((n, i) => n + (i.input.feedbackIds?.length ?? 0), 0),
    );
    expect(
      first.feedback
        .filter((f) => linked.has(f.id))
        .every((f) => f.status === FeedbackStatus.IN_ANALYSIS),
    ).toBe(true);
  });

  it('plans every initiative’s steps in the past and in order, client-visible ones with one concerned council', () => {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const councilOf = new Map(first.councilAccounts.map((p) => [p.targetId, p.ownerId]));
    for (const plan of first.initiatives) {
      const times = [plan.createdAt, ...plan.steps.map((s) => s.at)].map((d) => d.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThan(today);
      const councils = new Set(
        (plan.input.affectedAccountIds ?? []).map((a) => councilOf.get(a)).filter(Boolean),
      );
      if (plan.spec.clientVisible) expect([...councils]).toEqual([plan.council?.id]);
      else expect(plan.council).toBeNull();
    }
  });

  it('plants a positive relation between satisfaction and gross margin', () => {
    const csi = groupMeans(
      first.feedback
        .filter((f) => f.csiScore != null)
        .map((f) => ({ key: f.account as string, value: f.csiScore as number })),
    );
    const margin = groupMeans(
      first.figures.map((f) => ({
        key: f.account as string,
        value: (f.grossMargin as number) / (f.revenue as number),
      })),
    );
    const accounts = [...csi.keys()].filter((a) => margin.has(a));
    const xs = accounts.map((a) => csi.get(a)!);
    const ys = accounts.map((a) => margin.get(a)!);
    const r = pearson(xs, ys);
    expect(r).toBeGreaterThan(0.5);
    expect(r).toBeLessThan(0.85);
    expect(PLANTED_RELATION.marginRate.slopePerSd).toBeGreaterThan(0);
  });

  it('records a Pareto analysis for each of the last three complete months, the newest last month', () => {
    const paretos = (d: DemoDataset) =>
      d.analyses
        .filter((a) => a.kind === AnalysisKind.PARETO && a.periodFrom === a.periodTo)
        .sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
    const monthly = paretos(first);
    expect(monthly.map((a) => a.periodFrom)).toEqual(['2026-03', '2026-04', '2026-05']);
    const newest = [...first.analyses]
      .filter((a) => a.kind === AnalysisKind.PARETO)
      .sort((a, b) => (b.createdAt as Date).getTime() - (a.createdAt as Date).getTime())[0]!;
    expect(newest.periodFrom).toBe('2026-05');
    expect((newest.createdAt as Date).getTime()).toBeLessThanOrEqual(now.getTime());
    for (const analysis of first.analyses.filter((a) => a.kind === AnalysisKind.PARETO)) {
      const causes = (analysis.result as { causes: Record<string, unknown>[] }).causes;
      expect(causes.length).toBeGreaterThan(3);
      for (const cause of causes) {
        expect(cause).toMatchObject({
          rank: expect.any(Number),
          complaintClass: expect.any(String),
          processClassCode: expect.any(String),
          stage: expect.any(String),
          segmentCode: expect.any(String),
          count: expect.any(Number),
          share: expect.any(Number),
          cumulativeShare: expect.any(Number),
          vital: expect.any(Boolean),
        });
      }
      expect(causes.at(-1)!.cumulativeShare).toBe(1);
      expect(causes.some((c) => c.vital)).toBe(true);
    }
    // Deterministic: the same seed gives the same causes.
    const counts = (d: DemoDataset) =>
      paretos(d).map((a) =>
        (a.result as { causes: { count: number }[] }).causes.map((c) => c.count),
      );
    expect(counts(again)).toEqual(counts(first));
  });

  it('writes feedback in Russian and English with sentences about the process', () => {
    const ru = first.feedback.filter((f) => f.language === 'ru' && f.text).length;
    const en = first.feedback.filter((f) => f.language === 'en' && f.text).length;
    expect(ru).toBeGreaterThan(2_000);
    expect(en).toBeGreaterThan(2_000);
    expect(first.feedback.some((f) => /[а-я]/i.test(String(f.text)) && f.language === 'ru')).toBe(
      true,
    );
    expect(
      first.feedback.filter((f) => f.language === 'en' && /[а-я]/i.test(String(f.text))),
    ).toHaveLength(0);
  });
});

describe("Bain's B2B Elements of Value catalogue", () => {
  it('has the 40 elements in five tiers with Russian names and unique codes', () => {
    expect(BAIN_ELEMENTS).toHaveLength(40);
    expect(new Set(BAIN_ELEMENTS.map((e) => e.code)).size).toBe(40);
    const perTier = Object.fromEntries(
      Object.values(ValueTier).map((t) => [t, BAIN_ELEMENTS.filter((e) => e.tier === t).length]),
    );
    expect(perTier).toEqual({
      TABLE_STAKES: 4,
      FUNCTIONAL: 5,
      EASE_OF_DOING_BUSINESS: 21,
      INDIVIDUAL: 7,
      INSPIRATIONAL: 3,
    });
    expect(BAIN_ELEMENTS.every((e) => e.nameRu.length > 0 && e.name.length > 0)).toBe(true);
  });
});
