import type { Em } from '../../db/orm.js';
import { ComplaintClass, Sentiment } from '../feedback/feedback.enums.js';
import { list, raw, sql } from '../maturity/maturity.evidence.js';
import type { TrainingText } from './model/complaint-model.js';

/** A staff label with the item's current text. */
export interface CorrectedText {
  correctionId: string;
  feedbackItemId: string;
  text: string;
  field: 'complaintClass' | 'sentiment';
  /** The class (null: names no problem) or the sentiment staff set. */
  label: string | null;
}

/**
 * The latest staff label per item and field, with the item's text as it is now (a window
 * function picks the latest, in the database). Items whose text was erased have no text and
 * are left out. `only` restricts to given correction ids (rebuilding a stored version).
 */
export async function correctedTexts(
  em: Em,
  only: readonly string[] | null = null,
): Promise<CorrectedText[]> {
  if (only !== null && only.length === 0) return [];
  const out: CorrectedText[] = [];
  for (const [field, flag, after] of [
    ['complaintClass', 'class_corrected', 'class_after'],
    ['sentiment', 'sentiment_corrected', 'sentiment_after'],
  ] as const) {
    const restrict = only ? sql` and c.id in (${list(only)})` : raw('');
    const q = sql`select c.id as correction_id, c.feedback_item_id, f.text, c.label
      from (select id, feedback_item_id, ${raw(after)} as label,
              row_number() over (partition by feedback_item_id order by corrected_at desc, id desc) as rn
            from classification_correction where ${raw(flag)}) c
      join feedback_item f on f.id = c.feedback_item_id
      where c.rn = 1 and f.text is not null and trim(f.text) <> ''${restrict}
      order by c.id`;
    const rows = await em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
    for (const r of rows) {
      out.push({
        correctionId: String(r.correction_id),
        feedbackItemId: String(r.feedback_item_id),
        text: String(r.text),
        field,
        label: r.label == null ? null : String(r.label),
      });
    }
  }
  return out;
}

const CLASSES = new Set<string>(Object.values(ComplaintClass));
const SENTIMENTS = new Set<string>(Object.values(Sentiment));

/** Corrections as training texts: each labels only the field staff set. */
export function asTrainingTexts(rows: readonly CorrectedText[]): TrainingText[] {
  return rows.flatMap((r): TrainingText[] => {
    if (r.field === 'complaintClass') {
      if (r.label !== null && !CLASSES.has(r.label)) return [];
      return [{ text: r.text, complaintClass: r.label as ComplaintClass | null }];
    }
    return r.label && SENTIMENTS.has(r.label)
      ? [{ text: r.text, sentiment: r.label as Sentiment }]
      : [];
  });
}

/**
 * How many corrections point at an item whose text is gone: when this grows, a cached model
 * that read those texts is rebuilt without them.
 */
export async function correctionsOfErasedTexts(em: Em): Promise<number> {
  const [row] = await em.execute<Record<string, unknown>[]>(
    `select count(*) as n from classification_correction c
      join feedback_item f on f.id = c.feedback_item_id
      where f.text is null or trim(f.text) = ''`,
    [],
  );
  return Number(row?.n ?? 0);
}
