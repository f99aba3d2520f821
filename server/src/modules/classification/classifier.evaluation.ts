import type { HeldOutScores } from './classifier-model.entity.js';
import { heldOutSet } from './corpus/corpus.js';
import type { FeedbackClassifier } from './feedback-classifier.js';
import { evaluate } from './model/evaluate.js';

/** Scores a classifier on each language's held-out rows. */
export function scoreOnHeldOut(classifier: FeedbackClassifier): HeldOutScores {
  const scores: HeldOutScores = {};
  for (const language of ['ru', 'en'] as const) {
    const rows = heldOutSet().filter((r) => r.language === language);
    scores[language] = evaluate(rows, (r) => classifier.classify({ text: r.text, language }));
  }
  return scores;
}

/** Mean class accuracy over the languages: what "not worse" compares. */
export function meanClassAccuracy(scores: HeldOutScores): number {
  const values = Object.values(scores).map((s) => s.classAccuracy);
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** A new version replaces the current one when its mean class accuracy is not lower, or when forced. */
export function shouldPromote(
  candidate: HeldOutScores,
  current: HeldOutScores,
  force: boolean,
): boolean {
  return force || meanClassAccuracy(candidate) >= meanClassAccuracy(current);
}
