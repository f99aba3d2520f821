import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection, toGlobalId } from '../../graphql/relay.js';
// Registers ComplaintClass and Sentiment with the schema.
import '../feedback/feedback.types.js';
import { ClassificationSource, ComplaintClass, Sentiment } from '../feedback/feedback.enums.js';
import type { ClassificationCorrection } from './classification-correction.entity.js';
import type { ClassifierModel, HeldOutScores } from './classifier-model.entity.js';
import type { BuiltInVersion } from './classifier.service.js';
import { CLASS_LABELS, DEFAULT_PARAMETERS, type ModelParameters } from './model/complaint-model.js';
import { NEGATION_SCOPE } from './model/tokenise.js';
import { versionName } from './statistical-classifier.js';

@ObjectType('ClassifierScore', {
  description: 'A classifier’s scores on one language’s held-out set.',
})
export class ClassifierScoreType {
  @Field(() => String, { description: 'ru or en.' }) language!: string;
  @Field(() => Int) rows!: number;
  @Field(() => Float, { description: 'Share of texts given the right class (or none).' })
  classAccuracy!: number;
  @Field(() => Float, { description: 'Mean F1 over the four classes and "none".' })
  classMacroF1!: number;
  @Field(() => Float) sentimentAccuracy!: number;
  @Field(() => [String], { description: 'Row and column labels of the confusion matrix.' })
  labels!: string[];
  @Field(() => [[Int]], { description: 'confusion[true label][predicted label].' })
  confusion!: number[][];
}

@ObjectType('ClassifierParameters', { description: 'What a version was trained with.' })
export class ClassifierParametersType {
  @Field(() => String) algorithm!: string;
  @Field(() => Float, { description: 'Laplace smoothing constant.' }) alpha!: number;
  @Field(() => Boolean) bigrams!: boolean;
  @Field(() => [Int]) charGramLengths!: number[];
  @Field(() => Float, { description: 'Weight of character n-grams against stems.' })
  charGramWeight!: number;
  @Field(() => Int, { description: 'Words a negation governs.' }) negationScope!: number;
}

@ObjectType('ClassifierModel', {
  description:
    'A version of the statistical complaint classifier. nb-0 is trained on the hand-written corpus alone and is never stored.',
})
export class ClassifierModelType {
  @Field(() => String, { description: 'nb-<number>, as recorded on classified feedback.' })
  version!: string;
  @Field(() => Int) number!: number;
  @Field(() => Date, { nullable: true }) trainedAt!: Date | null;
  @Field(() => String, { nullable: true }) trainedBy!: string | null;
  @Field(() => Int, { description: 'Corpus rows plus corrections trained on.' })
  trainingSize!: number;
  @Field(() => Int) correctionsUsed!: number;
  @Field(() => Boolean, { description: 'The version intake classifies with.' }) current!: boolean;
  @Field(() => [ClassifierScoreType]) heldOut!: ClassifierScoreType[];
  @Field(() => [ClassifierScoreType], { description: 'The keyword baseline rules-v1, same set.' })
  baseline!: ClassifierScoreType[];
  @Field(() => ClassifierParametersType) parameters!: ClassifierParametersType;
  @Field(() => Int, {
    description: 'Classes this version set that staff reviewed (as of the monitor’s last run).',
  })
  reviewedLabels!: number;
  @Field(() => Int, { description: 'Of those, the classes staff kept.' }) keptLabels!: number;
}

@ObjectType('RetrainClassifierPayload')
export class RetrainClassifierPayload {
  @Field(() => ClassifierModelType) model!: ClassifierModelType;
  @Field(() => Boolean, { description: 'Whether the new version became current.' })
  promoted!: boolean;
}

@ObjectType('ClassificationCorrection', {
  description: 'Staff set or confirmed an item’s class and/or sentiment; only labels are kept.',
})
export class ClassificationCorrectionType {
  @Field(() => ID) feedbackItemId!: string;
  @Field(() => Boolean) classCorrected!: boolean;
  @Field(() => ComplaintClass, { nullable: true }) classBefore!: ComplaintClass | null;
  @Field(() => ClassificationSource, { nullable: true })
  classSourceBefore!: ClassificationSource | null;
  @Field(() => ComplaintClass, { nullable: true }) classAfter!: ComplaintClass | null;
  @Field(() => Boolean) sentimentCorrected!: boolean;
  @Field(() => Sentiment, { nullable: true }) sentimentBefore!: Sentiment | null;
  @Field(() => Sentiment, { nullable: true }) sentimentAfter!: Sentiment | null;
  @Field(() => String, {
    nullable: true,
    description: 'The classifier version that had labelled it.',
  })
  modelVersion!: string | null;
  @Field(() => String, { description: 'The audit actor, e.g. user:<id>.' }) correctedBy!: string;
  @Field(() => Date) correctedAt!: Date;
}

@ObjectType()
export class ClassificationCorrectionConnection extends Connection(
  ClassificationCorrectionType,
  'ClassificationCorrection',
) {}

function toScores(scores: HeldOutScores): ClassifierScoreType[] {
  return Object.entries(scores).map(([language, s]) =>
    Object.assign(new ClassifierScoreType(), {
      language,
      rows: s.rows,
      classAccuracy: s.classAccuracy,
      classMacroF1: s.classMacroF1,
      sentimentAccuracy: s.sentimentAccuracy,
      labels: CLASS_LABELS,
      confusion: s.confusion,
    }),
  );
}

function toParameters(p: ModelParameters): ClassifierParametersType {
  return Object.assign(new ClassifierParametersType(), {
    algorithm: 'multinomial naive Bayes (binary features)',
    alpha: p.classifier.alpha,
    bigrams: p.features.bigrams,
    charGramLengths: [...p.features.charGrams],
    charGramWeight: p.classifier.familyWeights.c ?? 1,
    negationScope: NEGATION_SCOPE,
  });
}

/** Staff review figures of a version; zero until the monitor has counted any. */
export type ReviewFigures = { reviewed: number; kept: number } | undefined;

export function toClassifierModelType(
  m: ClassifierModel,
  review?: ReviewFigures,
): ClassifierModelType {
  return Object.assign(new ClassifierModelType(), {
    reviewedLabels: review?.reviewed ?? 0,
    keptLabels: review?.kept ?? 0,
    version: versionName(m.number),
    number: m.number,
    trainedAt: m.trainedAt,
    trainedBy: m.trainedBy,
    trainingSize: m.trainingSize,
    correctionsUsed: m.correctionsUsed,
    current: m.current,
    heldOut: toScores(m.heldOut),
    baseline: toScores(m.baseline),
    parameters: toParameters(m.parameters),
  });
}

export function toBuiltInType(
  b: BuiltInVersion,
  current: boolean,
  review?: ReviewFigures,
): ClassifierModelType {
  return Object.assign(new ClassifierModelType(), {
    reviewedLabels: review?.reviewed ?? 0,
    keptLabels: review?.kept ?? 0,
    version: versionName(0),
    number: 0,
    trainedAt: null,
    trainedBy: null,
    trainingSize: b.trainingSize,
    correctionsUsed: 0,
    current,
    heldOut: toScores(b.heldOut),
    baseline: toScores(b.baseline),
    parameters: toParameters(DEFAULT_PARAMETERS),
  });
}

export function toCorrectionType(c: ClassificationCorrection): ClassificationCorrectionType {
  return Object.assign(new ClassificationCorrectionType(), {
    feedbackItemId: toGlobalId('FeedbackItem', c.feedbackItem.id),
    classCorrected: c.classCorrected,
    classBefore: c.classBefore ?? null,
    classSourceBefore: c.classSourceBefore ?? null,
    classAfter: c.classAfter ?? null,
    sentimentCorrected: c.sentimentCorrected,
    sentimentBefore: c.sentimentBefore ?? null,
    sentimentAfter: c.sentimentAfter ?? null,
    modelVersion: c.modelVersion ?? null,
    correctedBy: c.correctedBy,
    correctedAt: c.correctedAt,
  });
}
