import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { ClassificationSource, ComplaintClass, Sentiment } from '../feedback/feedback.enums.js';

/**
 * Staff set or confirmed an item's complaint class and/or sentiment. Only labels are kept,
 * never the text: retraining reads the item's current text, so an erased text drops out.
 */
const ClassificationCorrectionSchema = defineEntity({
  name: 'ClassificationCorrection',
  tableName: 'classification_correction',
  indexes: [{ properties: ['feedbackItem', 'correctedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    feedbackItem: () => p.manyToOne(FeedbackItem),
    classCorrected: p.boolean(),
    classBefore: p.enum(() => ComplaintClass).nullable(),
    classSourceBefore: p.enum(() => ClassificationSource).nullable(),
    classAfter: p.enum(() => ComplaintClass).nullable(),
    sentimentCorrected: p.boolean(),
    sentimentBefore: p.enum(() => Sentiment).nullable(),
    sentimentAfter: p.enum(() => Sentiment).nullable(),
    /** The classifier version that had labelled the item (`rules-v1`, `nb-2` …), if any. */
    modelVersion: p.string().length(40).nullable(),
    correctedBy: p.string().length(200),
    correctedAt: p.datetime(),
  },
});
export class ClassificationCorrection extends ClassificationCorrectionSchema.class {}
ClassificationCorrectionSchema.setClass(ClassificationCorrection);
export { ClassificationCorrectionSchema };
