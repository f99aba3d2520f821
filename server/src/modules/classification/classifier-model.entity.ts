import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import type { ModelParameters } from './model/complaint-model.js';
import type { Evaluation } from './model/evaluate.js';

/** Held-out scores per language (`ru`, `en`), without the confusion matrix's row labels. */
export type HeldOutScores = Record<string, Evaluation>;

/**
 * A trained version of the statistical classifier. What is stored is the recipe, not the
 * weights: the parameters and which corrections were used. Training is deterministic, so the
 * model is rebuilt from the corpus and those corrections' current texts when loaded; an erased
 * text therefore drops out of every version, and no copy of client words is kept here.
 */
const ClassifierModelSchema = defineEntity({
  name: 'ClassifierModel',
  tableName: 'classifier_model',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    /** 1, 2, …; the classifier's method reads `nb-<number>` (the corpus-only model is `nb-0`). */
    number: p.integer().unique(),
    trainedAt: p.datetime(),
    trainedBy: p.string().length(200),
    /** Training texts: corpus rows plus corrections whose text still exists. */
    trainingSize: p.integer(),
    correctionsUsed: p.integer(),
    /** Ids of the corrections trained on (latest per item and field). */
    correctionIds: p.json<string[]>(),
    parameters: p.json<ModelParameters>(),
    heldOut: p.json<HeldOutScores>(),
    baseline: p.json<HeldOutScores>(),
    current: p.boolean().default(false),
  },
});
export class ClassifierModel extends ClassifierModelSchema.class {}
ClassifierModelSchema.setClass(ClassifierModel);
export { ClassifierModelSchema };
