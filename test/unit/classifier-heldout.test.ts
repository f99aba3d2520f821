import { describe, expect, it } from 'vitest';
import { shouldPromote } from '../../server/src/modules/classification/classifier.evaluation.js';
import {
  heldOutSet,
  trainingCorpus,
} from '../../server/src/modules/classification/corpus/corpus.js';
import {
  CLASS_LABELS,
  predictComplaint,
  trainComplaintModel,
} from '../../server/src/modules/classification/model/complaint-model.js';
import { evaluate } from '../../server/src/modules/classification/model/evaluate.js';
import { ruleClassifier } from '../../server/src/modules/classification/rule-classifier.js';
import { ComplaintClass } from '../../server/src/modules/feedback/feedback.enums.js';

/** The margins (in points) the model must keep over the keyword baseline rules-v1. */
const MARGIN = { classAccuracy: 0.15, classMacroF1: 0.15, sentimentAccuracy: 0.25 };

describe('the statistical classifier on the held-out set', () => {
  const model = trainComplaintModel(trainingCorpus());

  it.each(['ru', 'en'] as const)('beats the keyword baseline by a clear margin in %s', (l) => {
    const rows = heldOutSet().filter((r) => r.language === l);
    const m = evaluate(rows, (r) => predictComplaint(model, r.text));
    const b = evaluate(rows, (r) => ruleClassifier.classify({ text: r.text, language: l }));
    expect(m.classAccuracy - b.classAccuracy).toBeGreaterThanOrEqual(MARGIN.classAccuracy);
    expect(m.classMacroF1 - b.classMacroF1).toBeGreaterThanOrEqual(MARGIN.classMacroF1);
    expect(m.sentimentAccuracy - b.sentimentAccuracy).toBeGreaterThanOrEqual(
      MARGIN.sentimentAccuracy,
    );
    expect(m.classAccuracy).toBeGreaterThanOrEqual(0.7);
  });

  it.each(['ru', 'en'] as const)('learns deterioration in %s (recall on held-out rows)', (l) => {
    const rows = heldOutSet().filter((r) => r.language === l);
    const m = evaluate(rows, (r) => predictComplaint(model, r.text));
    const d = CLASS_LABELS.indexOf(ComplaintClass.DETERIORATION);
    const row = m.confusion[d]!;
    expect(row[d]! / row.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(0.75);
  });

  it('scores a hand-made confusion matrix as computed by hand', () => {
    // 4 rows: DELIVERY right, QUALITY right, SERVICE → none, none → DELIVERY.
    const rows = [
      ['DELIVERY_DISCIPLINE', 'DELIVERY_DISCIPLINE'],
      ['QUALITY', 'QUALITY'],
      ['SERVICE', null],
      [null, 'DELIVERY_DISCIPLINE'],
    ] as const;
    const e = evaluate(
      rows.map(([t]) => ({
        text: '',
        language: 'en',
        complaintClass: t as ComplaintClass | null,
        sentiment: 'NEUTRAL' as never,
        tags: [],
      })),
      (r) => ({
        complaintClass: rows.find(([t]) => t === r.complaintClass)![1] as ComplaintClass | null,
        sentiment: 'NEUTRAL' as never,
      }),
    );
    expect(e.classAccuracy).toBe(0.5);
    // F1: delivery 2·1/(2+1) = 2/3, quality 1, service 0, deterioration 0, none 0 → 5/15.
    expect(e.classMacroF1).toBeCloseTo((2 / 3 + 1) / 5, 12);
    expect(e.sentimentAccuracy).toBe(1);
  });

  it('trains deterministically', () => {
    expect(trainComplaintModel(trainingCorpus())).toEqual(model);
  });
});

describe('promoting a retrained version', () => {
  const scores = (ru: number, en: number) =>
    Object.fromEntries(
      [
        ['ru', ru],
        ['en', en],
      ].map(([l, a]) => [
        l,
        {
          rows: 1,
          classAccuracy: a as number,
          classMacroF1: 0,
          sentimentAccuracy: 0,
          confusion: [],
        },
      ]),
    );

  it('promotes when the mean class accuracy over the languages is not lower', () => {
    // Means: candidate (0.70 + 0.90)/2 = 0.80 against current (0.85 + 0.75)/2 = 0.80.
    expect(shouldPromote(scores(0.7, 0.9), scores(0.85, 0.75), false)).toBe(true);
    expect(shouldPromote(scores(0.7, 0.89), scores(0.85, 0.75), false)).toBe(false);
  });

  it('promotes a worse version only when forced', () => {
    expect(shouldPromote(scores(0.1, 0.1), scores(0.9, 0.9), true)).toBe(true);
  });
});
