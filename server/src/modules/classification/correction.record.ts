import type { DomainContext } from '../../domain/context.js';
import type { Em } from '../../db/orm.js';
import type { FeedbackItem } from '../feedback/feedback-item.entity.js';
import type {
  ClassificationSource,
  ComplaintClass,
  Sentiment,
} from '../feedback/feedback.enums.js';
import { ClassificationCorrection } from './classification-correction.entity.js';

/** The item's labels before staff changed them. */
export interface LabelsBefore {
  complaintClass: ComplaintClass | null;
  classificationSource: ClassificationSource | null;
  sentiment: Sentiment | null;
}

/**
 * Stores what staff set (a confirmation counts too: it tells retraining the label is right)
 * and which classifier version had labelled the item. Call inside the update's transaction.
 */
export function recordCorrection(
  ctx: DomainContext,
  em: Em,
  item: FeedbackItem,
  before: LabelsBefore,
  corrected: { complaintClass: boolean; sentiment: boolean },
): void {
  if (!corrected.complaintClass && !corrected.sentiment) return;
  em.persist(
    em.create(ClassificationCorrection, {
      feedbackItem: item,
      classCorrected: corrected.complaintClass,
      classBefore: before.complaintClass,
      classSourceBefore: before.classificationSource,
      classAfter: item.complaintClass ?? null,
      sentimentCorrected: corrected.sentiment,
      sentimentBefore: before.sentiment,
      sentimentAfter: item.sentiment ?? null,
      modelVersion: item.classifierVersion ?? null,
      correctedBy: ctx.viewer.actor,
      correctedAt: ctx.clock.now(),
    }),
  );
}
