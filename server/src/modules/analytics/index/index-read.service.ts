import type { FilterQuery } from '@mikro-orm/core';
import { paginate, type Page, type PageArgs } from '../../../db/paginate.js';
import type { DomainContext } from '../../../domain/context.js';
import { ClientAccount } from '../../client/client-account.entity.js';
import { sql } from '../../maturity/maturity.evidence.js';
import { MetricDefinition } from '../../metric/metric-definition.entity.js';
import { readNumber } from '../../monitor/monitor.window.js';
import { ValueFactor } from '../../value/value-factor.entity.js';
import type { ValueTier } from '../../value/value.enums.js';
import { WeightSet } from '../../value/weight-set.entity.js';
import { IndexCalibration } from './index-calibration.entity.js';
import { indexError } from './index.errors.js';
import { checkSpan } from './index.periods.js';
import { metricDetail, segmentWeights } from './index.queries.js';
import { SatisfactionIndex } from './satisfaction-index.entity.js';

export interface IndexListQuery {
  period?: string | null;
  segmentId?: string | null;
  weightSetId?: string | null;
}

export type IndexOrderField = 'value' | 'predictedNps' | 'period';

export interface SegmentTrendPoint {
  segmentId: string;
  period: string;
  accounts: number;
  index: number | null;
  predictedNps: number | null;
  measuredNps: number | null;
}

export interface DrillMetric {
  metric: MetricDefinition;
  value: number;
  normalised: number;
}

export interface DrillFactor {
  factor: ValueFactor;
  weight: number;
  score: number | null;
  /** Index points this factor adds: w·f / Σ w(measured) × 100; null when unmeasured. */
  contribution: number | null;
  metrics: DrillMetric[];
}

export interface DrillDown {
  row: SatisfactionIndex;
  blocks: { tier: ValueTier; score: number | null; weight: number; factors: DrillFactor[] }[];
}

/** What GraphQL reads of the index: lists, segment trends, one account's drill-down, rounds. */
export class IndexReadService {
  constructor(private readonly ctx: DomainContext) {}

  private async weightSet(id: string | null | undefined): Promise<WeightSet> {
    const set = id
      ? await this.ctx.em.findOne(WeightSet, { id })
      : await this.ctx.em.findOne(WeightSet, { isCurrent: true });
    if (!set) {
      throw id
        ? indexError('WEIGHT_SET_NOT_FOUND', 'No weight set has this id.', 'weightSetId')
        : indexError('NO_CURRENT_WEIGHT_SET', 'No weight set is current.');
    }
    return set;
  }

  async list(
    q: IndexListQuery,
    order: { field: IndexOrderField; direction: 'asc' | 'desc' } | undefined,
    args: PageArgs,
  ): Promise<Page<SatisfactionIndex>> {
    const set = await this.weightSet(q.weightSetId);
    const where: FilterQuery<SatisfactionIndex> = { weightSet: set };
    if (q.period) {
      checkSpan(q.period, q.period, this.ctx.clock.now());
      where.period = q.period;
    }
    if (q.segmentId) where.segment = q.segmentId;
    const orderBy = order ? { [order.field]: order.direction } : { period: 'desc' as const };
    return paginate(this.ctx.em, SatisfactionIndex, where, args, orderBy);
  }

  /** Per segment and month: mean index and predicted NPS, NPS measured over all answers. */
  async trend(q: {
    periodFrom: string;
    periodTo: string;
    segmentId?: string | null;
    weightSetId?: string | null;
  }): Promise<SegmentTrendPoint[]> {
    checkSpan(q.periodFrom, q.periodTo, this.ctx.clock.now());
    const set = await this.weightSet(q.weightSetId);
    const segment = q.segmentId ? sql` and s.segment_id = ${q.segmentId}` : sql``;
    const stmt = sql`select s.segment_id as "segmentId", s.period, count(*) as accounts,
        avg(s.value) as idx, avg(s.predicted_nps) as predicted,
        case when sum(s.nps_responses) > 0
          then sum(coalesce(s.measured_nps, 0) * s.nps_responses) / sum(s.nps_responses) end as measured
      from satisfaction_index s
      where s.weight_set_id = ${set.id} and s.period >= ${q.periodFrom} and s.period <= ${q.periodTo}${segment}
      group by s.segment_id, s.period order by s.period, s.segment_id`;
    const rows = await this.ctx.em.execute<Record<string, unknown>[]>(stmt.text, [...stmt.params]);
    return rows.map((r) => ({
      segmentId: String(r.segmentId),
      period: String(r.period),
      accounts: readNumber(r.accounts) ?? 0,
      index: readNumber(r.idx),
      predictedNps: readNumber(r.predicted),
      measuredNps: readNumber(r.measured),
    }));
  }

  /** Index → block → factor → metric (→ process class → department) of one account. */
  async drillDown(accountId: string, period: string | null | undefined): Promise<DrillDown | null> {
    const em = this.ctx.em;
    const account = await em.findOne(ClientAccount, { id: accountId });
    if (!account) throw indexError('ACCOUNT_NOT_FOUND', 'No account has this id.', 'accountId');
    if (period) checkSpan(period, period, this.ctx.clock.now());
    const set = await this.weightSet(null);
    const [row] = await em.find(
      SatisfactionIndex,
      { account: accountId, weightSet: set, ...(period ? { period } : {}) },
      { orderBy: { period: 'desc' }, limit: 1 },
    );
    if (!row) return null;
    const [weights, metrics, factors] = await Promise.all([
      segmentWeights(em, set.id),
      metricDetail(em, accountId, row.period),
      em.find(ValueFactor, {}, { orderBy: { sortOrder: 'asc' } }),
    ]);
    const weightOf = new Map(
      weights.filter((w) => w.segmentId === account.segment.id).map((w) => [w.factorId, w.weight]),
    );
    const definitions = new Map(
      (
        await em.find(
          MetricDefinition,
          { id: { $in: metrics.map((m) => m.metricId) } },
          { populate: ['processClass.owningDepartment'] },
        )
      ).map((m) => [m.id, m]),
    );
    const drill: DrillFactor[] = factors
      .filter((f) => (weightOf.get(f.id) ?? 0) > 0)
      .map((f) => {
        const own = metrics.filter((m) => m.factorId === f.id);
        const score = own.length ? own.reduce((s, m) => s + m.normalised, 0) / own.length : null;
        return {
          factor: f,
          weight: weightOf.get(f.id)!,
          score,
          contribution: null,
          metrics: own.map((m) => ({
            metric: definitions.get(m.metricId)!,
            value: m.value,
            normalised: m.normalised,
          })),
        };
      });
    const measuredWeight = drill.reduce((s, d) => s + (d.score === null ? 0 : d.weight), 0);
    for (const d of drill) {
      if (d.score !== null && measuredWeight > 0) {
        d.contribution = (100 * d.weight * d.score) / measuredWeight;
      }
    }
    const tiers = [...new Set(factors.map((f) => f.tier))];
    return {
      row,
      blocks: tiers.map((tier) => {
        const inTier = drill.filter((d) => d.factor.tier === tier);
        const measured = inTier.filter((d) => d.score !== null);
        const w = measured.reduce((s, d) => s + d.weight, 0);
        return {
          tier,
          weight: inTier.reduce((s, d) => s + d.weight, 0),
          score: w > 0 ? (100 * measured.reduce((s, d) => s + d.weight * d.score!, 0)) / w : null,
          factors: inTier,
        };
      }),
    };
  }

  /** The rounds that made these weight sets, in round order. */
  async calibrationsOf(weightSetIds: readonly string[]): Promise<IndexCalibration[]> {
    if (weightSetIds.length === 0) return [];
    return this.ctx.em.find(
      IndexCalibration,
      { weightSet: { $in: [...weightSetIds] } },
      { orderBy: { round: 'asc', segment: 'asc' } },
    );
  }

  /** The calibration rounds and scale fits, newest first (optionally of one weight set). */
  async calibrations(weightSetId: string | null | undefined): Promise<IndexCalibration[]> {
    return this.ctx.em.find(IndexCalibration, weightSetId ? { weightSet: weightSetId } : {}, {
      orderBy: { createdAt: 'desc', round: 'desc' },
      limit: 200,
    });
  }
}
