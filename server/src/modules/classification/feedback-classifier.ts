import type { ComplaintClass, Sentiment } from '../feedback/feedback.enums.js';

/** What a classifier reads: the item's text and, when known, its language. */
export interface ClassifierInput {
  text: string;
  /** `ru` or `en` when the item says; a classifier may detect it otherwise. */
  language: string | null;
}

/** What a classifier says about one text. */
export interface FeedbackClassification {
  /** One of the method's four classes, or null when the text names no problem area. */
  complaintClass: ComplaintClass | null;
  sentiment: Sentiment;
  /**
   * The client reports a problem as worse than before (DOMAIN.md: deterioration). When set,
   * `complaintClass` is DETERIORATION, whatever area the problem is in.
   */
  deterioration: boolean;
  /** Which classifier decided, e.g. `rules-v1`; recorded in the audit trail. */
  method: string;
  /** Posterior probabilities of the chosen class and sentiment (statistical classifiers). */
  confidence?: { complaintClass: number; sentiment: number };
}

/**
 * One interface for every automatic classifier: the rule-based one now, a statistical one
 * (the analytics issue) later. `classification.choice.ts` is the one place that picks it.
 */
export interface FeedbackClassifier {
  readonly method: string;
  classify(input: ClassifierInput): FeedbackClassification;
}
