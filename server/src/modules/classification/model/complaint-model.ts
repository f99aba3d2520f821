import { ComplaintClass, Sentiment } from '../../feedback/feedback.enums.js';
import {
  posteriors,
  trainNaiveBayes,
  type NaiveBayesModel,
  type NaiveBayesOptions,
} from './naive-bayes.js';
import { DEFAULT_FEATURES, features, type FeatureOptions } from './tokenise.js';

/** The label naive Bayes uses for "names no problem". */
export const NO_CLASS = 'NONE';
export const CLASS_LABELS = [...Object.values(ComplaintClass), NO_CLASS];
export const SENTIMENT_LABELS = Object.values(Sentiment);

/** Everything training needs besides the examples; stored with each model version. */
export interface ModelParameters {
  features: FeatureOptions;
  classifier: NaiveBayesOptions;
}

/**
 * α = 0.5 and character n-grams at a third of a word's weight: a word contributes up to ~8
 * n-grams, which would otherwise outvote the stems; they are there to rescue misspellings.
 */
export const DEFAULT_PARAMETERS: ModelParameters = {
  features: DEFAULT_FEATURES,
  classifier: { alpha: 0.5, familyWeights: { w: 1, b: 1, c: 0.3 } },
};

/** A labelled text; a label left undefined is unknown (staff corrected only the other one). */
export interface TrainingText {
  text: string;
  complaintClass?: ComplaintClass | null;
  sentiment?: Sentiment;
}

/** Two naive Bayes models over the same features: the complaint class and the sentiment. */
export interface ComplaintModel {
  parameters: ModelParameters;
  complaintClass: NaiveBayesModel;
  sentiment: NaiveBayesModel;
}

export interface ComplaintPrediction {
  complaintClass: ComplaintClass | null;
  /** Posterior probability of the chosen class (of "no class" when null). */
  classConfidence: number;
  sentiment: Sentiment;
  sentimentConfidence: number;
}

export function trainComplaintModel(
  texts: readonly TrainingText[],
  parameters: ModelParameters = DEFAULT_PARAMETERS,
): ComplaintModel {
  const featured = texts.map((t) => ({ t, f: features(t.text, parameters.features) }));
  return {
    parameters,
    complaintClass: trainNaiveBayes(
      featured
        .filter(({ t }) => t.complaintClass !== undefined)
        .map(({ t, f }) => ({ features: f, label: t.complaintClass ?? NO_CLASS })),
      CLASS_LABELS,
      parameters.classifier,
    ),
    sentiment: trainNaiveBayes(
      featured.flatMap(({ t, f }) => (t.sentiment ? [{ features: f, label: t.sentiment }] : [])),
      SENTIMENT_LABELS,
      parameters.classifier,
    ),
  };
}

function best(model: NaiveBayesModel, f: readonly string[]) {
  const p = posteriors(model, f);
  let i = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[i]!) i = c;
  return { label: model.labels[i]!, probability: p[i]! };
}

export function predictComplaint(model: ComplaintModel, text: string): ComplaintPrediction {
  const f = features(text, model.parameters.features);
  const cls = best(model.complaintClass, f);
  const sentiment = best(model.sentiment, f);
  return {
    complaintClass: cls.label === NO_CLASS ? null : (cls.label as ComplaintClass),
    classConfidence: cls.probability,
    sentiment: sentiment.label as Sentiment,
    sentimentConfidence: sentiment.probability,
  };
}
