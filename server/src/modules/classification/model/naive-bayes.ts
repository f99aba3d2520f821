/**
 * Multinomial naive Bayes over feature sets, with Laplace (add-α) smoothing:
 *   P(c | d) ∝ P(c) · Π_{f ∈ d} P(f | c)^{w(f)},   P(f | c) = (n_cf + α) / (n_c + α·|V|)
 * where n_cf is how many training texts of class c have feature f, n_c their sum over f, and
 * w(f) the weight of f's family (1 for plain NB). Features never seen in training are ignored.
 * Pure and deterministic: the same examples in the same order give the same model.
 */

export interface NaiveBayesOptions {
  /** Laplace smoothing constant α. */
  alpha: number;
  /** Weight of a feature family by its prefix (the text before the first `:`); default 1. */
  familyWeights: Readonly<Record<string, number>>;
}

/** A trained model, JSON-serialisable so it can be stored and loaded again. */
export interface NaiveBayesModel {
  labels: string[];
  alpha: number;
  familyWeights: Record<string, number>;
  /** Training texts per label (the prior's numerator). */
  documents: number[];
  /** Per feature, how many texts of each label had it. */
  counts: Record<string, number[]>;
  /** Per label, the sum of its feature counts (n_c). */
  totals: number[];
  /** |V|: distinct features seen in training. */
  vocabulary: number;
}

export interface Example {
  features: readonly string[];
  label: string;
}

export function trainNaiveBayes(
  examples: readonly Example[],
  labels: readonly string[],
  options: NaiveBayesOptions,
): NaiveBayesModel {
  const index = new Map(labels.map((l, i) => [l, i]));
  const documents = labels.map(() => 0);
  const totals = labels.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const { features, label } of examples) {
    const c = index.get(label);
    if (c === undefined) throw new Error(`Unknown label ${label}`);
    documents[c]! += 1;
    for (const f of features) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = labels.map(() => 0)));
      row[c]! += 1;
      totals[c]! += 1;
    }
  }
  const sorted = [...counts.keys()].sort();
  return {
    labels: [...labels],
    alpha: options.alpha,
    familyWeights: { ...options.familyWeights },
    documents,
    counts: Object.fromEntries(sorted.map((f) => [f, counts.get(f)!])),
    totals,
    vocabulary: sorted.length,
  };
}

/** Posterior probability of each label (same order as `model.labels`), summing to 1. */
export function posteriors(model: NaiveBayesModel, features: readonly string[]): number[] {
  const { vocabulary } = model;
  const n = model.documents.reduce((a, b) => a + b, 0);
  const logs = model.labels.map((_, c) => {
    const denominator = Math.log(model.totals[c]! + model.alpha * vocabulary);
    // Laplace-smoothed prior, so a label without examples still has a finite score.
    let score = Math.log((model.documents[c]! + 1) / (n + model.labels.length));
    for (const f of new Set(features)) {
      const row = model.counts[f];
      if (!row) continue;
      const weight = model.familyWeights[f.slice(0, f.indexOf(':'))] ?? 1;
      score += weight * (Math.log(row[c]! + model.alpha) - denominator);
    }
    return score;
  });
  const max = Math.max(...logs);
  const exp = logs.map((l) => Math.exp(l - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** The most probable label and its posterior; ties go to the earlier label. */
export function predict(
  model: NaiveBayesModel,
  features: readonly string[],
): { label: string; probability: number } {
  const p = posteriors(model, features);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return { label: model.labels[best]!, probability: p[best]! };
}
