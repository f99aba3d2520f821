import { mustFind } from '../../db/lookup.js';
import type { DomainContext } from '../../domain/context.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { ClassificationSource } from '../feedback/feedback.enums.js';
import { feedbackError } from '../feedback/feedback.errors.js';
import { intakeClassifier } from './classification.choice.js';
import type { FeedbackClassification, FeedbackClassifier } from './feedback-classifier.js';

/** What classifying one item did. */
export interface ClassificationOutcome {
  /** False for an item without text: nothing to read. */
  classified: boolean;
  /** Whether the automatic complaint class / sentiment was written (a person's stays). */
  complaintClassWritten: boolean;
  sentimentWritten: boolean;
  result: FeedbackClassification | null;
}

/**
 * Automatic classification may only replace its own earlier work: a class the client gave,
 * an import brought or staff corrected is kept, and so is a sentiment staff set.
 */
const mayOverwrite = (source: ClassificationSource | null | undefined) =>
  source == null || source === ClassificationSource.CLASSIFIER;

/** Applies the chosen classifier to feedback items on intake (and on any later automatic run). */
export class ClassificationService {
  constructor(
    private readonly ctx: DomainContext,
    /** Absent: the intake classifier (the current model version), looked up per item. */
    private readonly classifier?: FeedbackClassifier,
  ) {}

  /** Idempotent: a second run with the same result writes nothing and no audit row. */
  async classify(feedbackId: string): Promise<ClassificationOutcome> {
    return this.ctx.em.transactional(async (em) => {
      const item = await mustFind(em, FeedbackItem, feedbackId, 'feedbackId', (message, field) =>
        feedbackError('FEEDBACK_NOT_FOUND', message, field),
      );
      if (!item.text) {
        return {
          classified: false,
          complaintClassWritten: false,
          sentimentWritten: false,
          result: null,
        };
      }
      const classifier = this.classifier ?? (await intakeClassifier(em));
      const result = classifier.classify({ text: item.text, language: item.language ?? null });
      const before = {
        complaintClass: item.complaintClass ?? null,
        classificationSource: item.classificationSource ?? null,
        sentiment: item.sentiment ?? null,
        sentimentSource: item.sentimentSource ?? null,
      };
      const complaintClassWritten =
        mayOverwrite(item.classificationSource) &&
        (item.complaintClass ?? null) !== result.complaintClass;
      // A sentiment without a source came with the item (e.g. an import): it stays too.
      const sentimentWritten =
        (item.sentiment == null || item.sentimentSource === ClassificationSource.CLASSIFIER) &&
        item.sentiment !== result.sentiment;
      if (complaintClassWritten) {
        item.complaintClass = result.complaintClass;
        item.classificationSource = result.complaintClass ? ClassificationSource.CLASSIFIER : null;
        item.classifiedAt = result.complaintClass ? this.ctx.clock.now() : null;
        item.classifiedBy = null;
      }
      if (sentimentWritten) {
        item.sentiment = result.sentiment;
        item.sentimentSource = ClassificationSource.CLASSIFIER;
      }
      if (complaintClassWritten || sentimentWritten) item.classifierVersion = result.method;
      if (complaintClassWritten || sentimentWritten) {
        this.ctx.audit.record(em, 'classifyFeedback', 'FeedbackItem', item.id, before, {
          complaintClass: item.complaintClass ?? null,
          classificationSource: item.classificationSource ?? null,
          sentiment: item.sentiment ?? null,
          sentimentSource: item.sentimentSource ?? null,
          deterioration: result.deterioration,
          method: result.method,
          ...(result.confidence ? { confidence: result.confidence } : {}),
        });
      }
      await em.flush();
      return { classified: true, complaintClassWritten, sentimentWritten, result };
    });
  }
}
