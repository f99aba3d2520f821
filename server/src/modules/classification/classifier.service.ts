import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { ClassificationCorrection } from './classification-correction.entity.js';
import { scoreOnHeldOut, shouldPromote } from './classifier.evaluation.js';
import { ClassifierModel, type HeldOutScores } from './classifier-model.entity.js';
import { ClassifierReview } from './classifier-review.entity.js';
import { classifierError } from './classifier.errors.js';
import type { RetrainClassifierInput } from './classifier.inputs.js';
import { corpusOnlyModel, trainWith } from './classifier.store.js';
import { trainingCorpus } from './corpus/corpus.js';
import { DEFAULT_PARAMETERS } from './model/complaint-model.js';
import { ruleClassifier } from './rule-classifier.js';
import { statisticalClassifier, versionName } from './statistical-classifier.js';

/** The corpus-only model as a version: never stored, current until one is. */
export interface BuiltInVersion {
  number: 0;
  trainingSize: number;
  heldOut: HeldOutScores;
  baseline: HeldOutScores;
}

let builtIn: BuiltInVersion | null = null;

/** Scores of the corpus-only model and of the rules (computed once per process). */
export function builtInVersion(): BuiltInVersion {
  builtIn ??= {
    number: 0,
    trainingSize: trainingCorpus().length,
    heldOut: scoreOnHeldOut(statisticalClassifier(corpusOnlyModel(), versionName(0))),
    baseline: scoreOnHeldOut(ruleClassifier),
  };
  return builtIn;
}

export interface RetrainOutcome {
  model: ClassifierModel;
  /** Whether the new version became current. */
  promoted: boolean;
}

/** Model versions, retraining and the corrections they learn from (the CX office's). */
export class ClassifierService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Trains on the corpus plus the latest staff label of every corrected item that still has
   * its text, scores the result on the held-out set next to the rules, stores it, and makes
   * it current when its mean class accuracy is not below the current version's (or `force`).
   */
  async retrain(input: RetrainClassifierInput): Promise<RetrainOutcome> {
    const { em } = this.ctx;
    const parameters = DEFAULT_PARAMETERS;
    const { model, corrections, size } = await trainWith(em, parameters, null);
    const [latest] = await em.find(
      ClassifierModel,
      {},
      { fields: ['id', 'number'], orderBy: { number: 'desc' }, limit: 1 },
    );
    const number = (latest?.number ?? 0) + 1;
    const heldOut = scoreOnHeldOut(statisticalClassifier(model, versionName(number)));
    const current = await em.findOne(ClassifierModel, { current: true });
    const promoted = shouldPromote(
      heldOut,
      current?.heldOut ?? builtInVersion().heldOut,
      Boolean(input.force),
    );
    try {
      return await em.transactional(async (tx) => {
        if (promoted) await tx.nativeUpdate(ClassifierModel, { current: true }, { current: false });
        const stored = tx.create(ClassifierModel, {
          number,
          trainedAt: this.ctx.clock.now(),
          trainedBy: this.ctx.viewer.actor,
          trainingSize: size,
          correctionsUsed: corrections.length,
          correctionIds: corrections.map((c) => c.correctionId),
          parameters,
          heldOut,
          baseline: builtInVersion().baseline,
          current: promoted,
        });
        this.ctx.audit.record(tx, 'retrainClassifier', 'ClassifierModel', stored.id, null, {
          version: versionName(number),
          trainingSize: size,
          correctionsUsed: corrections.length,
          classAccuracy: Object.fromEntries(
            Object.entries(heldOut).map(([l, s]) => [l, s.classAccuracy]),
          ),
          current: promoted,
        });
        return { model: stored, promoted };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw classifierError(
          'RETRAIN_CONFLICT',
          `Version ${versionName(number)} was stored by another retraining meanwhile; retrain again.`,
        );
      }
      throw error;
    }
  }

  /** Stored versions, newest first. */
  async models(): Promise<ClassifierModel[]> {
    return this.ctx.em.find(ClassifierModel, {}, { orderBy: { number: 'desc' } });
  }

  /** The monitor's staff-review figures, by version name. */
  async reviews(): Promise<Map<string, { reviewed: number; kept: number }>> {
    const rows = await this.ctx.em.find(ClassifierReview, {});
    return new Map(rows.map((r) => [r.version, { reviewed: r.reviewed, kept: r.kept }]));
  }

  /** Staff corrections, newest first. */
  async corrections(args: PageArgs): Promise<Page<ClassificationCorrection>> {
    return paginate(this.ctx.em, ClassificationCorrection, {}, args, { correctedAt: 'desc' });
  }
}
