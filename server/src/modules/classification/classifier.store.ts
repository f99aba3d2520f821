import type { Em } from '../../db/orm.js';
import { ClassifierModel } from './classifier-model.entity.js';
import { trainingCorpus } from './corpus/corpus.js';
import { asTrainingTexts, correctedTexts, correctionsOfErasedTexts } from './corrections.query.js';
import type { FeedbackClassifier } from './feedback-classifier.js';
import {
  DEFAULT_PARAMETERS,
  trainComplaintModel,
  type ComplaintModel,
  type ModelParameters,
} from './model/complaint-model.js';
import { statisticalClassifier, versionName } from './statistical-classifier.js';

let corpusModel: ComplaintModel | null = null;

/** The model trained on the hand-written corpus alone (trained once per process, ~0.2 s). */
export function corpusOnlyModel(): ComplaintModel {
  corpusModel ??= trainComplaintModel(trainingCorpus(), DEFAULT_PARAMETERS);
  return corpusModel;
}

/** Trains on the corpus plus the given corrections (their texts as they are now). */
export async function trainWith(
  em: Em,
  parameters: ModelParameters,
  correctionIds: readonly string[] | null,
) {
  const corrections = await correctedTexts(em, correctionIds);
  const texts = [...trainingCorpus(), ...asTrainingTexts(corrections)];
  return { model: trainComplaintModel(texts, parameters), corrections, size: texts.length };
}

/**
 * The version in use and its classifier, rebuilt when another version becomes current or a
 * corrected item's text has been erased since (so an erased text leaves memory too).
 */
let cached: { key: string; classifier: FeedbackClassifier } | null = null;

/**
 * The current stored version, rebuilt from its recipe and cached per process; the corpus-only
 * model (`nb-0`) while none is stored. Two small queries per call, so a version made current
 * in another process (the API) is picked up by this one (the worker) on its next item.
 */
export async function currentClassifier(em: Em): Promise<FeedbackClassifier> {
  const current = await em.findOne(
    ClassifierModel,
    { current: true },
    { fields: ['id', 'number', 'parameters', 'correctionIds'], orderBy: { number: 'desc' } },
  );
  if (!current) return statisticalClassifier(corpusOnlyModel(), versionName(0));
  const key = `${current.id}:${await correctionsOfErasedTexts(em)}`;
  if (cached?.key !== key) {
    const { model } = await trainWith(em, current.parameters, current.correctionIds);
    cached = { key, classifier: statisticalClassifier(model, versionName(current.number)) };
  }
  return cached.classifier;
}
