import { readFileSync } from 'node:fs';
import { ComplaintClass, Sentiment } from '../../feedback/feedback.enums.js';

/** One hand-written, labelled sentence. */
export interface LabelledText {
  text: string;
  language: 'ru' | 'en';
  /** Null: the text names no problem (praise, neutral, off-topic). */
  complaintClass: ComplaintClass | null;
  sentiment: Sentiment;
  /** `neg` negation, `mix` mixed-language, `off` off-topic, `typo` misspelt. */
  tags: string[];
}

const CLASSES: Record<string, ComplaintClass | null> = {
  DEL: ComplaintClass.DELIVERY_DISCIPLINE,
  QUA: ComplaintClass.QUALITY,
  SER: ComplaintClass.SERVICE,
  DET: ComplaintClass.DETERIORATION,
  NONE: null,
};
const SENTIMENTS: Record<string, Sentiment> = {
  NEG: Sentiment.NEGATIVE,
  NEU: Sentiment.NEUTRAL,
  POS: Sentiment.POSITIVE,
};

/** Parses `class⇥sentiment⇥tags⇥text` lines; `#` starts a comment line. */
export function parseCorpus(tsv: string, language: 'ru' | 'en', source: string): LabelledText[] {
  return tsv
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== '' && !line.startsWith('#'))
    .map(([line, n]) => {
      const [cls, sentiment, tags, text, ...rest] = line.split('\t');
      const complaintClass = cls === undefined ? undefined : CLASSES[cls];
      const s = sentiment === undefined ? undefined : SENTIMENTS[sentiment];
      if (complaintClass === undefined || !s || !tags || !text || rest.length > 0) {
        throw new Error(`${source}:${n}: expected class, sentiment, tags and text`);
      }
      return {
        text,
        language,
        complaintClass,
        sentiment: s,
        tags: tags === '-' ? [] : tags.split(','),
      };
    });
}

function load(set: 'train' | 'heldout'): LabelledText[] {
  return (['ru', 'en'] as const).flatMap((language) => {
    const file = `${set}.${language}.tsv`;
    return parseCorpus(readFileSync(new URL(file, import.meta.url), 'utf8'), language, file);
  });
}

let cache: { train: LabelledText[]; heldout: LabelledText[] } | null = null;

/** The training corpus (both languages); the held-out set is never trained on. */
export function trainingCorpus(): LabelledText[] {
  cache ??= { train: load('train'), heldout: load('heldout') };
  return cache.train;
}

/** The held-out evaluation set (both languages), written apart from the training corpus. */
export function heldOutSet(): LabelledText[] {
  cache ??= { train: load('train'), heldout: load('heldout') };
  return cache.heldout;
}
