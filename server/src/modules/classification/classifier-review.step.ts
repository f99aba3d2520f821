import type { DomainContext } from '../../domain/context.js';
import type { AnalyticsStep } from '../analytics/analytics-recompute.js';
import { ClassificationSource } from '../feedback/feedback.enums.js';
import { sql } from '../maturity/maturity.evidence.js';
import { ClassifierReview } from './classifier-review.entity.js';

/** Per classifier version: labels it set that staff reviewed, and how many they kept. */
export async function reviewedLabels(
  ctx: DomainContext,
): Promise<{ version: string; reviewed: number; kept: number }[]> {
  const q = sql`select model_version as version, count(*) as reviewed,
      sum(case when class_after = class_before then 1 else 0 end) as kept
    from classification_correction
    where class_corrected and model_version is not null and class_source_before = ${ClassificationSource.CLASSIFIER}
    group by model_version
    order by model_version`;
  const rows = await ctx.em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
  return rows.map((r) => ({
    version: String(r.version),
    reviewed: Number(r.reviewed),
    kept: Number(r.kept ?? 0),
  }));
}

/**
 * The monitor's step for the classifier: rewrites the review figures per version from the
 * staff corrections (all rows replaced, so a retried run writes the same).
 */
export const classifierReviewStep: AnalyticsStep = {
  name: 'classifierReview',
  async run(ctx) {
    const figures = await reviewedLabels(ctx);
    const computedAt = ctx.clock.now();
    await ctx.em.transactional(async (em) => {
      await em.nativeDelete(ClassifierReview, {});
      for (const f of figures) em.persist(em.create(ClassifierReview, { ...f, computedAt }));
    });
    return figures.length;
  },
};
