import type { FeedbackClassifier } from './feedback-classifier.js';
import { ruleClassifier } from './rule-classifier.js';

/**
 * The one place that chooses the automatic classifier applied on intake. The analytics
 * issue's statistical classifier replaces the rules here (e.g. once it is trained), and every
 * caller follows.
 */
export function intakeClassifier(): FeedbackClassifier {
  return ruleClassifier;
}
