import type { Em } from '../../db/orm.js';
import { currentClassifier } from './classifier.store.js';
import type { FeedbackClassifier } from './feedback-classifier.js';

/**
 * The one place that chooses the automatic classifier applied on intake: the current version
 * of the statistical classifier (naive Bayes over the hand-written corpus and staff
 * corrections), or the corpus-only model `nb-0` until a version is trained. The rule-based
 * `rules-v1` stays as the keyword baseline it is measured against.
 */
export function intakeClassifier(em: Em): Promise<FeedbackClassifier> {
  return currentClassifier(em);
}
