import { sql, type Sql } from '../maturity/maturity.evidence.js';
import { DETRACTOR_MAX_NPS } from '../maturity/evidence/analyse.evidence.js';
import { FeedbackChannel, Sentiment } from '../feedback/feedback.enums.js';

/**
 * When a feedback item counts as dissatisfaction (the method: detractors, low CSI or CES,
 * complaints, and anything the client said negatively). NPS 0–6 is the detractor band the
 * maturity criteria use; CSI (0–100) below 60 and CES (1–7, higher is easier) of 3 or less
 * are the low ends of the scales.
 */
export const DISSATISFACTION = {
  detractorMaxNps: DETRACTOR_MAX_NPS,
  lowCsiBelow: 60,
  lowCesAtMost: 3,
} as const;

/** The SQL condition on the feedback_item aliased `f` that marks an item as dissatisfied. */
export function dissatisfiedF(): Sql {
  return sql`(f.sentiment = ${Sentiment.NEGATIVE}
    or f.channel = ${FeedbackChannel.COMPLAINT}
    or f.nps_score <= ${DISSATISFACTION.detractorMaxNps}
    or f.csi_score < ${DISSATISFACTION.lowCsiBelow}
    or f.ces_score <= ${DISSATISFACTION.lowCesAtMost})`;
}
