import type { DomainContext } from '../../../domain/context.js';
import { completeMonths } from '../../monitor/monitor.window.js';
import { ValueFactor } from '../../value/value-factor.entity.js';
import { ValueTier } from '../../value/value.enums.js';
import { WeightSet } from '../../value/weight-set.entity.js';
import { IndexCalibration } from './index-calibration.entity.js';
import { arrange, cellKey, measuredNps, type SegmentData } from './index.dataset.js';
import { indexError } from './index.errors.js';
import { fitError, linearFit, weightedIndex } from './index.math.js';
import { factorScores, measuredSatisfaction, segmentWeights } from './index.queries.js';
import { SatisfactionIndex } from './satisfaction-index.entity.js';

/** Account-months with a measured NPS needed to fit a weight set's line index → NPS. */
const MIN_SCALE_POINTS = 3;

/** Months the monitor's step keeps current. */
export const INDEX_RECENT_MONTHS = 6;

const TIER_COLUMN: Record<ValueTier, string> = {
  TABLE_STAKES: 'tableStakes',
  FUNCTIONAL: 'functional',
  EASE_OF_DOING_BUSINESS: 'easeOfDoingBusiness',
  INDIVIDUAL: 'individual',
  INSPIRATIONAL: 'inspirational',
};

export interface IndexValue {
  index: number | null;
  coverage: number;
  blocks: Record<ValueTier, number | null>;
}

/** The index and block scores of one row of factor scores (see `index.math.ts`). */
export function indexOf(
  seg: SegmentData,
  scores: readonly (number | null)[],
  tierOf: ReadonlyMap<string, ValueTier>,
): IndexValue {
  const all = new Map(seg.factors.map((f, k) => [f, scores[k] ?? null]));
  const weights = new Map(seg.factors.map((f, k) => [f, seg.weights[k]!]));
  const { index, coverage } = weightedIndex(all, weights);
  const blocks = Object.fromEntries(
    Object.values(ValueTier).map((tier) => {
      const inTier = new Map([...weights].filter(([f]) => tierOf.get(f) === tier));
      return [tier, weightedIndex(all, inTier).index];
    }),
  ) as Record<ValueTier, number | null>;
  return { index, coverage, blocks };
}

/** The satisfaction index read model: recomputed by the monitor, read by GraphQL and others. */
export class SatisfactionIndexService {
  constructor(private readonly ctx: DomainContext) {}

  async tiers(): Promise<Map<string, ValueTier>> {
    const factors = await this.ctx.em.find(ValueFactor, {}, { fields: ['id', 'tier'] });
    return new Map(factors.map((f) => [f.id, f.tier]));
  }

  /**
   * Recomputes the index of the recent complete months under the current weight set: per
   * account and month, blocks and predicted NPS (via the set's calibration per segment, or a
   * line fitted on these months for a set never calibrated). Idempotent. Answers rows written.
   */
  async recompute(months = INDEX_RECENT_MONTHS): Promise<number> {
    const em = this.ctx.em;
    const set = await em.findOne(WeightSet, { isCurrent: true });
    if (!set) return 0;
    const { from, to } = completeMonths(this.ctx.clock.now(), months);
    const [scores, weights, measured, tierOf] = await Promise.all([
      factorScores(em, from, to),
      segmentWeights(em, set.id),
      measuredSatisfaction(em, from, to),
      this.tiers(),
    ]);
    const nps = measuredNps(measured, 1);
    const responses = new Map(
      measured.map((m) => [cellKey(m.accountId, m.period), m.npsResponses]),
    );
    const scales = new Map(
      (await em.find(IndexCalibration, { weightSet: set })).map((c) => [c.segment.id, c]),
    );
    const computedAt = this.ctx.clock.now();
    const rows: Partial<SatisfactionIndex>[] = [];
    for (const seg of arrange(scores, weights).values()) {
      const values = seg.rows.map((r) => ({ r, v: indexOf(seg, r.scores, tierOf) }));
      const known = scales.get(seg.segmentId);
      let scale = known ? { intercept: Number(known.intercept), slope: Number(known.slope) } : null;
      const fitted = values.filter(
        ({ r, v }) => v.index !== null && nps.has(cellKey(r.accountId, r.period)),
      );
      // A line needs a few points: without them the index stands without a predicted NPS, and
      // a later run (with more answers) fits it.
      if (!scale && fitted.length >= MIN_SCALE_POINTS) {
        const x = fitted.map(({ v }) => v.index! / 100);
        const y = fitted.map(({ r }) => nps.get(cellKey(r.accountId, r.period))!);
        const { a, b } = linearFit(x, y);
        const error = fitError(
          x.map((v) => a + b * v),
          y,
        );
        scale = { intercept: a, slope: b };
        em.create(IndexCalibration, {
          weightSet: set,
          segment: seg.segmentId,
          previousWeightSet: null,
          round: 0,
          trainFrom: from,
          trainTo: to,
          samples: error.n,
          rmseBefore: error.rmse,
          maeBefore: error.mae,
          rmseAfter: error.rmse,
          maeAfter: error.mae,
          intercept: a,
          slope: b,
        });
      }
      for (const { r, v } of values) {
        const k = cellKey(r.accountId, r.period);
        const row: Partial<SatisfactionIndex> = {
          id: `${set.id}:${r.accountId}:${r.period}`,
          period: r.period,
          value: v.index,
          coverage: v.coverage,
          predictedNps:
            v.index === null || !scale ? null : scale.intercept + (scale.slope * v.index) / 100,
          measuredNps: nps.get(k) ?? null,
          npsResponses: responses.get(k) ?? 0,
          computedAt,
        };
        for (const tier of Object.values(ValueTier)) {
          Object.assign(row, { [TIER_COLUMN[tier]]: v.blocks[tier] });
        }
        rows.push({ ...row, weightSet: set, account: r.accountId, segment: r.segmentId } as never);
      }
    }
    await em.transactional(async (tx) => {
      await tx.nativeDelete(SatisfactionIndex, {
        weightSet: set,
        period: { $gte: from, $lte: to },
      });
      for (const row of rows) tx.create(SatisfactionIndex, row as never);
    });
    return rows.length;
  }

  /** The latest index row of each account under the current weight set (for margin at risk). */
  async latestIndex(accountIds: readonly string[]): Promise<Map<string, SatisfactionIndex>> {
    if (accountIds.length === 0) return new Map();
    const rows = await this.ctx.em.find(
      SatisfactionIndex,
      { account: { $in: [...accountIds] }, weightSet: { isCurrent: true } },
      { orderBy: { period: 'desc' } },
    );
    const out = new Map<string, SatisfactionIndex>();
    for (const r of rows) if (!out.has(r.account.id)) out.set(r.account.id, r);
    return out;
  }

  async currentSet(): Promise<WeightSet> {
    const set = await this.ctx.em.findOne(WeightSet, { isCurrent: true });
    if (!set) throw indexError('NO_CURRENT_WEIGHT_SET', 'No weight set is current.');
    return set;
  }
}
