import { describe, expect, it } from 'vitest';
import {
  posteriors,
  predict,
  trainNaiveBayes,
} from '../../server/src/modules/classification/model/naive-bayes.js';
import {
  features,
  stemOf,
  tokenise,
} from '../../server/src/modules/classification/model/tokenise.js';

describe('multinomial naive Bayes on a hand-computed example', () => {
  // A: {x, y}, {x}; B: {y, z}. Vocabulary 3; n_A = 3 (x twice, y once), n_B = 2.
  const examples = [
    { features: ['w:x', 'w:y'], label: 'A' },
    { features: ['w:x'], label: 'A' },
    { features: ['w:y', 'w:z'], label: 'B' },
  ];
  const model = trainNaiveBayes(examples, ['A', 'B'], { alpha: 1, familyWeights: {} });

  it('gives the posterior of Laplace-smoothed priors and likelihoods', () => {
    // P(A) = (2+1)/(3+2) = 3/5, P(B) = 2/5.
    // P(x|A) = (2+1)/(3+3) = 1/2, P(z|A) = (0+1)/6 = 1/6; P(x|B) = 1/5, P(z|B) = 2/5.
    // Text {x, z}: A ∝ 3/5·1/2·1/6 = 1/20, B ∝ 2/5·1/5·2/5 = 4/125 → P(A) = 25/41.
    const [a, b] = posteriors(model, ['w:x', 'w:z']);
    expect(a).toBeCloseTo(25 / 41, 12);
    expect(b).toBeCloseTo(16 / 41, 12);
    expect(predict(model, ['w:x', 'w:z'])).toEqual({ label: 'A', probability: a });
  });

  it('ignores features never seen in training', () => {
    expect(posteriors(model, ['w:x', 'w:z', 'w:unseen'])[0]).toBeCloseTo(25 / 41, 12);
  });

  it('weighs a feature family by its weight (0 removes it)', () => {
    const weighted = trainNaiveBayes(
      examples.map((e) => ({ ...e, features: e.features.map((f) => f.replace('w:z', 'c:z')) })),
      ['A', 'B'],
      { alpha: 1, familyWeights: { c: 0 } },
    );
    // Only x counts: A ∝ 3/5·1/2 = 3/10, B ∝ 2/5·1/5 = 2/25 → P(A) = 15/19.
    expect(posteriors(weighted, ['w:x', 'c:z'])[0]).toBeCloseTo(15 / 19, 12);
  });

  it('counts a feature once per text', () => {
    expect(posteriors(model, ['w:x', 'w:x', 'w:z'])[0]).toBeCloseTo(25 / 41, 12);
  });
});

describe('the stemming and negation tokeniser', () => {
  it('stems each word with the Snowball stemmer of its script, also in mixed texts', () => {
    expect(stemOf('deliveries')).toBe('deliveri');
    expect(stemOf('поставки')).toBe('поставк');
    // "упал": RV is "пал"; the verb ending "л" after "а" goes.
    expect(tokenise('OTIF упал').map((t) => t.stem)).toEqual(['otif', 'упа']);
    expect(stemOf('4471')).toBe('<n>');
  });

  it('reads ё as е and spells out n’t', () => {
    expect(tokenise('пришёл').map((t) => t.stem)).toEqual(tokenise('пришел').map((t) => t.stem));
    expect(tokenise("didn't arrive").map((t) => [t.word, t.negated])).toEqual([
      ['did', false],
      ['not', false],
      ['arrive', true],
    ]);
  });

  it('marks up to three words after a negation, until punctuation', () => {
    expect(tokenise('No delays, but the bags were torn.').map((t) => t.negated)).toEqual([
      false, // no
      true, // delays
      false, // but: the comma closed the scope
      false,
      false,
      false,
      false,
    ]);
    expect(tokenise('не было ни одной задержки').map((t) => [t.stem, t.negated])).toEqual([
      ['не', false],
      ['был', true],
      ['ни', false],
      ['одн', true],
      ['задержк', true],
    ]);
    expect(tokenise('not a problem for us at all').map((t) => t.negated)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('builds stems, bigrams and character n-grams, negated ones marked', () => {
    const f = features('no delay');
    expect(f).toContain('w:no');
    expect(f).toContain('w:¬delay');
    expect(f).toContain('b:no_¬delay');
    expect(f).toContain('c:¬^de');
    expect(f).toContain('c:¬lay$');
    expect(f).not.toContain('w:delay');
    expect(features('Late truck')).toEqual(
      expect.arrayContaining(['w:late', 'w:truck', 'b:late_truck', 'c:^la', 'c:^lat', 'c:ck$']),
    );
  });
});
