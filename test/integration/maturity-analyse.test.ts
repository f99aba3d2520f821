import { beforeAll, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import {
  ClassificationSource,
  ComplaintClass,
  Sentiment,
} from '../../server/src/modules/feedback/feedback.enums.js';
import type { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import {
  AnalysisKind,
  InitiativeStatus,
  ProcessGroup,
} from '../../server/src/modules/initiative/initiative.enums.js';
import type { GroupMaturity } from '../../server/src/modules/maturity/maturity.criteria.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import {
  DEFAULT_MATURITY_THRESHOLDS,
  type MaturityThresholds,
} from '../../server/src/modules/maturity/maturity.thresholds.js';
import type { User } from '../../server/src/modules/organisation/user.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createUser } from '../fixtures/initiative-factories.js';
import {
  addFeedback,
  createAccounts,
  daysBefore,
  type FeedbackSpec,
} from '../fixtures/maturity-factories.js';
import {
  addClassifierReview,
  createAnalysis,
  createInitiative,
  updateInitiative,
} from '../fixtures/maturity-work-factories.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const { QUALITY, SERVICE } = ComplaintClass;

async function analyse(orm: Orm, overrides: Partial<MaturityThresholds> = {}) {
  const groups = await evaluateMaturity(orm.em.fork(), NOW, {
    ...DEFAULT_MATURITY_THRESHOLDS,
    ...overrides,
  });
  return groups.find((g) => g.processGroup === ProcessGroup.ANALYSE)!;
}
const criterion = (g: GroupMaturity, code: string) => g.criteria.find((c) => c.code === code)!;
const missing = (g: GroupMaturity) => g.missingForNextLevel.map((c) => c.code).sort();

describeEachDatabase('computed ANALYSE maturity', (getOrm) => {
  let account: ClientAccount;
  let owner: User;
  let unlinked: Initiative;

  beforeAll(async () => {
    [account] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
    owner = (await createUser(getOrm(), null, 'Olga Owner')).user;
  });

  it('without negative feedback the group is at level 0 and the figure says so', async () => {
    const g = await analyse(getOrm());
    expect(g.level).toBe(0);
    expect(criterion(g, 'ANALYSE_NEGATIVE_CLASSIFIED')).toMatchObject({
      met: false,
      value: null,
      figure: 'no negative feedback in the last 90 days',
    });
  });

  it('counts detractors without a negative sentiment as dissatisfaction that needs a class', async () => {
    const at = (days: number, more: Partial<FeedbackSpec>): FeedbackSpec => ({
      account,
      receivedAt: daysBefore(NOW, days),
      ...more,
    });
    await addFeedback(getOrm(), [
      ...[1, 2, 3].map((d) => at(d, { sentiment: Sentiment.NEGATIVE, complaintClass: QUALITY })),
      at(4, { sentiment: Sentiment.NEGATIVE }),
      at(5, { sentiment: Sentiment.NEUTRAL, npsScore: 5 }),
      // Not dissatisfied (NPS 7), and dissatisfied but before the period: neither counts.
      at(6, { sentiment: Sentiment.NEUTRAL, npsScore: 7 }),
      at(120, { sentiment: Sentiment.NEGATIVE }),
    ]);
    const g = await analyse(getOrm());
    expect(criterion(g, 'ANALYSE_NEGATIVE_CLASSIFIED')).toMatchObject({
      met: false,
      value: 0.6,
      figure: '60% of negative feedback classified (3 of 5)',
    });
    expect(g.level).toBe(0);
    await addFeedback(
      getOrm(),
      [7, 8, 9, 10, 11, 12, 13].map((d) =>
        at(d, { npsScore: 2, complaintClass: SERVICE, sentiment: null }),
      ),
    );
    const after = await analyse(getOrm());
    expect(criterion(after, 'ANALYSE_NEGATIVE_CLASSIFIED').figure).toBe(
      '83% of negative feedback classified (10 of 12)',
    );
    expect(after.level).toBe(1);
  });

  it('names the month a Pareto misses and the open initiatives not linked to an analysis', async () => {
    const pareto = await createAnalysis(getOrm(), AnalysisKind.PARETO, '2026-01', '2026-04');
    // A root-cause analysis of May is no Pareto.
    await createAnalysis(getOrm(), AnalysisKind.ROOT_CAUSE, '2026-05', '2026-05');
    const createdAt = daysBefore(NOW, 30);
    await createInitiative(getOrm(), { owner, analysis: pareto, createdAt });
    unlinked = await createInitiative(getOrm(), { owner, createdAt });
    // Cancelled and closed initiatives are not open.
    await createInitiative(getOrm(), { status: InitiativeStatus.CANCELLED, createdAt });
    await createInitiative(getOrm(), { owner, status: InitiativeStatus.CLOSED, createdAt });
    const g = await analyse(getOrm());
    expect(g.level).toBe(1);
    expect(criterion(g, 'ANALYSE_PARETO_EVERY_MONTH')).toMatchObject({
      value: 2,
      figure: '2 of 3 months covered; no Pareto for 2026-05',
      threshold: 'a PARETO analysis for each of 2026-03…2026-05',
    });
    expect(criterion(g, 'ANALYSE_INITIATIVES_LINKED').figure).toBe(
      '50% of open initiatives linked to an analysis (1 of 2)',
    );
    expect(criterion(g, 'ANALYSE_INITIATIVE_OWNERS').met).toBe(true);
    expect(missing(g)).toEqual(['ANALYSE_INITIATIVES_LINKED', 'ANALYSE_PARETO_EVERY_MONTH']);
  });

  it('reaches level 2 once every recent month has a Pareto and every open initiative its analysis', async () => {
    await createAnalysis(getOrm(), AnalysisKind.PARETO, '2026-05', '2026-06');
    await updateInitiative(getOrm(), unlinked, { status: InitiativeStatus.CANCELLED });
    const g = await analyse(getOrm());
    expect(criterion(g, 'ANALYSE_PARETO_EVERY_MONTH').figure).toBe(
      'every month covered (2026-03…2026-05)',
    );
    expect(g.level).toBe(2);
    // Of the two initiatives not cancelled (the open one, the closed one) one comes from a Pareto.
    expect(criterion(g, 'ANALYSE_FROM_STATISTICS')).toMatchObject({
      met: true,
      figure: '50% of initiatives since 2025-06 come from a Pareto (1 of 2)',
    });
  });

  it("measures the classifier's accuracy from staff reviews in the audit trail", async () => {
    const C = ClassificationSource.CLASSIFIER;
    const review = (iso: string, from: ComplaintClass, to: ComplaintClass, source = C) =>
      addClassifierReview(getOrm(), new Date(iso), { source, complaintClass: from }, to);
    await review('2026-03-05T10:00:00Z', QUALITY, QUALITY); // in March, before the period
    await review('2026-03-20T10:00:00Z', QUALITY, QUALITY);
    await review('2026-04-10T10:00:00Z', SERVICE, SERVICE);
    await review('2026-05-05T10:00:00Z', QUALITY, QUALITY);
    await review('2026-05-06T10:00:00Z', QUALITY, SERVICE); // corrected
    await review('2026-04-11T10:00:00Z', QUALITY, SERVICE, ClassificationSource.STAFF); // not the classifier's
    await review('2025-11-11T10:00:00Z', QUALITY, SERVICE); // long ago
    const g = await analyse(getOrm(), { classifierMinReviews: 4 });
    expect(criterion(g, 'ANALYSE_CLASSIFIER_REVIEWED_MONTHLY')).toMatchObject({
      met: true,
      value: 3,
      figure:
        'classifier labels reviewed by staff per month: 2026-03: 2, 2026-04: 1, 2026-05: 2 (0 items labelled by the classifier in the last 90 days)',
    });
    expect(criterion(g, 'ANALYSE_CLASSIFIER_ACCURACY')).toMatchObject({
      met: false,
      value: 0.75,
      figure: '75% of reviewed classifier labels kept (3 of 4)',
    });
    const strict = await analyse(getOrm());
    expect(criterion(strict, 'ANALYSE_CLASSIFIER_ACCURACY').figure).toBe(
      '4 classifier labels reviewed by staff in the last 90 days, 30 needed: accuracy not measured',
    );
  });
});
