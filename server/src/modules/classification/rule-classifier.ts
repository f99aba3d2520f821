import { ComplaintClass, Sentiment } from '../feedback/feedback.enums.js';
import {
  AREA_STEMS,
  DETERIORATION_CUES,
  NEGATIONS,
  NEGATIVE_STEMS,
  POSITIVE_STEMS,
  WORSENING_STEMS,
} from './classification.rules.js';
import type {
  ClassifierInput,
  FeedbackClassification,
  FeedbackClassifier,
} from './feedback-classifier.js';

/** Lower case, `ё` as `е`, "don't" split so its negation is a word of its own. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/n't\b/g, " n't")
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w.length > 0);
}

/** Where in `tokens` the stem or phrase matches (each word of a phrase matched as a stem). */
function matchesAt(tokens: readonly string[], cue: string): number[] {
  const parts = cue.split(' ');
  const at: number[] = [];
  for (let i = 0; i + parts.length <= tokens.length; i++) {
    if (parts.every((part, k) => tokens[i + k]!.startsWith(part))) at.push(i);
  }
  return at;
}

function count(tokens: readonly string[], cues: readonly string[]): number {
  return cues.reduce((n, cue) => n + matchesAt(tokens, cue).length, 0);
}

const negated = (tokens: readonly string[], i: number) =>
  [tokens[i - 1], tokens[i - 2]].some((w) => w !== undefined && NEGATIONS.includes(w));

/** A negation turns a word round: "not good", "не вовремя" are negative, "no problems" positive. */
function sentimentOf(tokens: readonly string[]): Sentiment {
  let negative = 0;
  let positive = 0;
  for (const [cues, sign] of [
    [POSITIVE_STEMS, 1],
    [NEGATIVE_STEMS, -1],
  ] as const) {
    for (const cue of cues) {
      for (const i of matchesAt(tokens, cue)) {
        if (sign > 0 !== negated(tokens, i)) positive++;
        else negative++;
      }
    }
  }
  if (negative > positive) return Sentiment.NEGATIVE;
  if (positive > negative) return Sentiment.POSITIVE;
  return Sentiment.NEUTRAL;
}

/** The area with most cues; ties go to the earlier area (delivery, quality, service). */
function areaOf(tokens: readonly string[]): ComplaintClass | null {
  let best: ComplaintClass | null = null;
  let bestCount = 0;
  for (const [area, stems] of Object.entries(AREA_STEMS)) {
    const n = count(tokens, stems);
    if (n > bestCount) {
      best = area as ComplaintClass;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The rule-based classifier (RU and EN word lists). "Worse", "хуже", "ухудшилось" are a
 * deterioration by themselves; "again", "опять", "no longer" only in a negative text: "we
 * will order again" is no regression.
 */
export const ruleClassifier: FeedbackClassifier = {
  method: 'rules-v1',
  classify({ text }: ClassifierInput): FeedbackClassification {
    const tokens = words(text);
    const worsening = count(tokens, WORSENING_STEMS) > 0;
    const sentiment = worsening ? Sentiment.NEGATIVE : sentimentOf(tokens);
    const deterioration =
      worsening || (sentiment === Sentiment.NEGATIVE && count(tokens, DETERIORATION_CUES) > 0);
    const area = areaOf(tokens);
    return {
      complaintClass: deterioration ? ComplaintClass.DETERIORATION : area,
      sentiment,
      deterioration,
      method: 'rules-v1',
    };
  },
};
