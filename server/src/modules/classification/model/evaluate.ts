import type { ComplaintClass, Sentiment } from '../../feedback/feedback.enums.js';
import type { LabelledText } from '../corpus/corpus.js';
import { CLASS_LABELS, NO_CLASS } from './complaint-model.js';

/** What a classifier said about one text, for scoring. */
export interface Verdict {
  complaintClass: ComplaintClass | null;
  sentiment: Sentiment;
}

/** Scores on one language's held-out rows. */
export interface Evaluation {
  rows: number;
  classAccuracy: number;
  /** Mean of per-class F1 over the five labels (four classes and "none"). */
  classMacroF1: number;
  sentimentAccuracy: number;
  /** confusion[true][predicted], labels in `CLASS_LABELS` order. */
  confusion: number[][];
}

const labelOf = (c: ComplaintClass | null) => c ?? NO_CLASS;

export function evaluate(
  rows: readonly LabelledText[],
  classify: (row: LabelledText) => Verdict,
): Evaluation {
  const k = CLASS_LABELS.length;
  const confusion = CLASS_LABELS.map(() => Array<number>(k).fill(0));
  let classRight = 0;
  let sentimentRight = 0;
  for (const row of rows) {
    const v = classify(row);
    const t = CLASS_LABELS.indexOf(labelOf(row.complaintClass));
    const p = CLASS_LABELS.indexOf(labelOf(v.complaintClass));
    confusion[t]![p]! += 1;
    if (t === p) classRight++;
    if (v.sentiment === row.sentiment) sentimentRight++;
  }
  const f1s = CLASS_LABELS.map((_, c) => {
    const tp = confusion[c]![c]!;
    const predicted = confusion.reduce((s, r) => s + r[c]!, 0);
    const actual = confusion[c]!.reduce((s, x) => s + x, 0);
    return tp === 0 ? 0 : (2 * tp) / (predicted + actual);
  });
  const n = Math.max(rows.length, 1);
  return {
    rows: rows.length,
    classAccuracy: classRight / n,
    classMacroF1: f1s.reduce((a, b) => a + b, 0) / k,
    sentimentAccuracy: sentimentRight / n,
    confusion,
  };
}
