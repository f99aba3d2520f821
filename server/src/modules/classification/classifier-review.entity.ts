import { defineEntity, p } from '@mikro-orm/core';

/**
 * How staff judged one classifier version's labels (the monitor recomputes it from the
 * corrections): of the classes it set that staff reviewed, how many they kept.
 */
const ClassifierReviewSchema = defineEntity({
  name: 'ClassifierReview',
  tableName: 'classifier_review',
  properties: {
    /** The version name as recorded on feedback: `nb-2`, `rules-v1`. */
    version: p.string().length(40).primary(),
    reviewed: p.integer(),
    kept: p.integer(),
    computedAt: p.datetime(),
  },
});
export class ClassifierReview extends ClassifierReviewSchema.class {}
ClassifierReviewSchema.setClass(ClassifierReview);
export { ClassifierReviewSchema };
