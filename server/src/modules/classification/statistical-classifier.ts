import { ComplaintClass } from '../feedback/feedback.enums.js';
import type { FeedbackClassification, FeedbackClassifier } from './feedback-classifier.js';
import { predictComplaint, type ComplaintModel } from './model/complaint-model.js';

/** The method name of a model version: `nb-0` is the corpus-only model. */
export const versionName = (n: number) => `nb-${n}`;

/** A trained naive Bayes model behind the classifier interface, named by its version. */
export function statisticalClassifier(model: ComplaintModel, method: string): FeedbackClassifier {
  return {
    method,
    classify({ text }): FeedbackClassification {
      const p = predictComplaint(model, text);
      return {
        complaintClass: p.complaintClass,
        sentiment: p.sentiment,
        deterioration: p.complaintClass === ComplaintClass.DETERIORATION,
        method,
        confidence: { complaintClass: p.classConfidence, sentiment: p.sentimentConfidence },
      };
    },
  };
}
