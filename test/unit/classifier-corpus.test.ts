import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  heldOutSet,
  trainingCorpus,
  type LabelledText,
} from '../../server/src/modules/classification/corpus/corpus.js';
import { ComplaintClass } from '../../server/src/modules/feedback/feedback.enums.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Case, ё, punctuation and spacing do not make two sentences different. */
const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The demo generator's sentence templates, read from its source, `{placeholders}` as wildcards. */
function demoTemplates(): RegExp[] {
  const source = fs.readFileSync(path.join(root, 'server/src/demo/feedback-texts.ts'), 'utf8');
  return [...source.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)]
    .map((m) => m[1]!)
    .filter((s) => s.split(/\s+/).length >= 3)
    .map((s) => {
      const parts = s
        .split(/\{\w+\}/)
        .map((p) => normalise(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(`^${parts.join('.*')}$`);
    });
}

const MINIMUM = { perLanguage: 200, neg: 20, mix: 15, off: 15, typo: 10, short: 5, long: 2 };
const byLanguage = (rows: LabelledText[], l: string) => rows.filter((r) => r.language === l);
const tagged = (rows: LabelledText[], tag: string) => rows.filter((r) => r.tags.includes(tag));

describe('the hand-written corpora', () => {
  const train = trainingCorpus();
  const heldOut = heldOutSet();

  it('keep every held-out sentence out of the training corpus', () => {
    const seen = new Set(train.map((r) => normalise(r.text)));
    expect(heldOut.filter((r) => seen.has(normalise(r.text))).map((r) => r.text)).toEqual([]);
    // …and no sentence twice within the held-out set.
    expect(new Set(heldOut.map((r) => normalise(r.text))).size).toBe(heldOut.length);
  });

  it('contain no sentence the demo generator produces', () => {
    const templates = demoTemplates();
    expect(templates.length).toBeGreaterThan(40);
    // The check can fail: a demo sentence is caught.
    expect(templates.some((t) => t.test(normalise('Поставка опять задержалась на неделю.')))).toBe(
      true,
    );
    const produced = [...heldOut, ...train].filter((r) =>
      templates.some((t) => t.test(normalise(r.text))),
    );
    expect(produced.map((r) => r.text)).toEqual([]);
  });

  it.each(['ru', 'en'])('hold ≥ 200 %s held-out rows with every class, and the hard cases', (l) => {
    const rows = byLanguage(heldOut, l);
    expect(rows.length).toBeGreaterThanOrEqual(MINIMUM.perLanguage);
    for (const c of [...Object.values(ComplaintClass), null]) {
      expect(rows.filter((r) => r.complaintClass === c).length).toBeGreaterThanOrEqual(20);
      expect(byLanguage(train, l).filter((r) => r.complaintClass === c).length).toBeGreaterThan(20);
    }
    expect(tagged(rows, 'neg').length).toBeGreaterThanOrEqual(MINIMUM.neg);
    expect(tagged(rows, 'mix').length).toBeGreaterThanOrEqual(MINIMUM.mix);
    expect(tagged(rows, 'off').length).toBeGreaterThanOrEqual(MINIMUM.off);
    expect(tagged(rows, 'typo').length).toBeGreaterThanOrEqual(MINIMUM.typo);
    // Negations on both sides: complaints phrased with "not" and praise phrased as "no problems".
    expect(tagged(rows, 'neg').filter((r) => r.complaintClass === null).length).toBeGreaterThan(5);
    expect(tagged(rows, 'neg').filter((r) => r.complaintClass !== null).length).toBeGreaterThan(5);
    const words = (r: LabelledText) => r.text.split(/\s+/).length;
    expect(rows.filter((r) => words(r) <= 2).length).toBeGreaterThanOrEqual(MINIMUM.short);
    expect(rows.filter((r) => words(r) >= 25).length).toBeGreaterThanOrEqual(MINIMUM.long);
  });

  it('label off-topic rows as naming no problem', () => {
    expect(tagged(heldOut, 'off').every((r) => r.complaintClass === null)).toBe(true);
  });
});
