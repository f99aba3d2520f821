import type { DomainContext } from '../../../domain/context.js';
import { ClientAccount } from '../../client/client-account.entity.js';
import { Segment } from '../../client/segment.entity.js';
import type { JourneyStage } from '../../journey/journey.enums.js';
import { shiftMonth } from '../../maturity/maturity.evidence.js';
import { accountTrends, isDivergent, type DivergenceFigures } from '../../monitor/divergence.js';
import { completeMonths, monthOf } from '../../monitor/monitor.window.js';
import { ComputableShare } from './computable-share.entity.js';
import { FinanceLinkage } from './finance-linkage.entity.js';
import type { FinanceRules } from './finance.rules.js';
import { SatisfactionMetric, type FinanceMeasure } from './finance.enums.js';
import { financeError } from './finance.errors.js';
import { financeLinkage, type LinkageFigures } from './finance.linkage.js';
import { accountFinance, shareCells, type MonthWindow, type ShareCell } from './finance.query.js';
import { shareSeries, type ShareSeries } from './finance.share.js';
import type { Regression } from './finance.stats.js';

/** The longest window a query may ask for. */
export const MAX_WINDOW_MONTHS = 36;
/** The earliest month a window may start in. */
export const FIRST_MONTH = '1970-01';

/** One row of the linkage as stored and served (a snapshot row or one computed on request). */
export interface LinkageRow extends Pick<
  Regression,
  | 'n'
  | 'r'
  | 'rLow'
  | 'rHigh'
  | 'slope'
  | 'slopeSe'
  | 'slopeLow'
  | 'slopeHigh'
  | 't'
  | 'pValue'
  | 'intercept'
  | 'interceptSe'
  | 'rSquared'
  | 'standardisedSlope'
> {
  periodFrom: string;
  periodTo: string;
  satisfactionMetric: SatisfactionMetric;
  /** Null: pooled within segments. */
  segmentId: string | null;
  measure: FinanceMeasure;
  meanSatisfaction: number;
  meanMeasure: number;
  reliability: number | null;
  correctedSlope: number | null;
  correctedSlopeLow: number | null;
  correctedSlopeHigh: number | null;
  computedAt: Date;
}

export interface LinkageReport {
  periodFrom: string;
  periodTo: string;
  satisfactionMetric: SatisfactionMetric;
  /** When the figures were computed: the monitor's run, or now for a window asked for. */
  computedAt: Date;
  fromSnapshot: boolean;
  rows: LinkageRow[];
  /** Accounts whose satisfaction rises while payment behaviour does not (the monitor's rule). */
  divergent: DivergenceFigures[];
}

export interface LinkageQuery {
  periodFrom?: string | null;
  periodTo?: string | null;
  satisfactionMetric?: SatisfactionMetric | null;
  segmentId?: string | null;
}

export interface ShareQuery {
  periodFrom?: string | null;
  periodTo?: string | null;
  segmentId?: string | null;
  stages?: JourneyStage[] | null;
}

const POOLED = 'POOLED';

/**
 * Satisfaction ↔ finance (the regression of gross margin rate, days paid late and share of
 * wallet on each account's mean satisfaction, per segment and pooled within segments) and the
 * computable vs trigger share of metric observations. The monitor keeps a snapshot of the
 * default window (`recompute`); queries read it, or compute for an explicit window.
 */
export class FinanceService {
  constructor(private readonly ctx: DomainContext) {}

  private get rules(): FinanceRules {
    return this.ctx.deps.config.finance;
  }

  private defaultWindow(): MonthWindow {
    return completeMonths(this.ctx.clock.now(), this.rules.windowMonths);
  }

  /** The monitor's step: replaces the linkage snapshot and the share rows of the window. */
  async recompute(): Promise<number> {
    const at = this.ctx.clock.now();
    const window = this.defaultWindow();
    const linkage: LinkageRow[] = [];
    for (const metric of Object.values(SatisfactionMetric))
      linkage.push(...(await this.compute(window, metric, at)));
    const cells = await shareCells(this.ctx.em, window);
    await this.ctx.em.transactional(async (em) => {
      await em.nativeDelete(FinanceLinkage, {});
      await em.nativeDelete(ComputableShare, {
        period: { $gte: window.from, $lte: window.to },
      });
      // Native inserts: the rows replace ones this context may hold from a run before.
      if (linkage.length > 0) await em.insertMany(FinanceLinkage, linkage.map(toEntity));
      if (cells.length > 0)
        await em.insertMany(
          ComputableShare,
          cells.map((c) => shareEntity(c, at)),
        );
    });
    return linkage.length + cells.length;
  }

  /** The linkage of the snapshot, or of the window asked for; optionally one segment's rows. */
  async linkage(q: LinkageQuery): Promise<LinkageReport> {
    const metric = q.satisfactionMetric ?? SatisfactionMetric.CSI;
    const explicit = this.windowOf(q.periodFrom, q.periodTo);
    if (q.segmentId) await this.assertSegment(q.segmentId);
    const keep = (row: LinkageRow) => !q.segmentId || row.segmentId === q.segmentId;
    let report: Omit<LinkageReport, 'divergent'> | null = null;
    if (!explicit) {
      const stored = await this.ctx.em.find(
        FinanceLinkage,
        { satisfactionMetric: metric },
        { orderBy: { id: 'asc' } },
      );
      const first = stored[0];
      if (first) {
        report = {
          periodFrom: first.periodFrom,
          periodTo: first.periodTo,
          satisfactionMetric: metric,
          computedAt: first.computedAt,
          fromSnapshot: true,
          rows: stored.map(fromEntity).filter(keep),
        };
      }
    }
    if (!report) {
      const at = this.ctx.clock.now();
      const window = explicit ?? this.defaultWindow();
      report = {
        periodFrom: window.from,
        periodTo: window.to,
        satisfactionMetric: metric,
        computedAt: at,
        fromSnapshot: false,
        rows: (await this.compute(window, metric, at)).filter(keep),
      };
    }
    return {
      ...report,
      divergent: await this.divergent(
        { from: report.periodFrom, to: report.periodTo },
        q.segmentId,
      ),
    };
  }

  /** The computable/trigger share series: the read model by default, computed for a window. */
  async shares(q: ShareQuery): Promise<ShareSeries[]> {
    const explicit = this.windowOf(q.periodFrom, q.periodTo);
    if (q.segmentId) await this.assertSegment(q.segmentId);
    let cells: ShareCell[];
    if (explicit) cells = await shareCells(this.ctx.em, explicit);
    else {
      const window = this.defaultWindow();
      const stored = await this.ctx.em.find(
        ComputableShare,
        { period: { $gte: window.from, $lte: window.to } },
        { orderBy: { id: 'asc' } },
      );
      cells =
        stored.length > 0
          ? stored.map((s) => ({
              period: s.period,
              segmentId: s.segment.id,
              stage: s.stage ?? null,
              computableObservations: s.computableObservations,
              triggerObservations: s.triggerObservations,
              computableMetrics: s.computableMetrics,
              triggerMetrics: s.triggerMetrics,
            }))
          : await shareCells(this.ctx.em, window);
    }
    const stages = q.stages && q.stages.length > 0 ? new Set<string>(q.stages) : null;
    return shareSeries(
      cells.filter(
        (c) =>
          (!q.segmentId || c.segmentId === q.segmentId) &&
          (!stages || (c.stage !== null && stages.has(c.stage))),
      ),
    );
  }

  private async compute(window: MonthWindow, metric: SatisfactionMetric, at: Date) {
    const { minScores, minMonths } = this.rules;
    const accounts = await accountFinance(this.ctx.em, window, metric, minScores, minMonths);
    return financeLinkage(accounts).map((f) => toRow(f, window, metric, at));
  }

  /** Divergent accounts of the window (the monitor's rule, its configured thresholds). */
  private async divergent(window: MonthWindow, segmentId?: string | null) {
    const rules = this.ctx.deps.config.monitorRules;
    const found = (await accountTrends(this.ctx.em, window.from, window.to)).filter((t) =>
      isDivergent(t, rules),
    );
    if (!segmentId || found.length === 0) return found;
    const inSegment = await this.ctx.em.find(
      ClientAccount,
      { id: { $in: found.map((t) => t.accountId) }, segment: segmentId },
      { fields: ['id'] },
    );
    const ids = new Set(inSegment.map((a) => a.id));
    return found.filter((t) => ids.has(t.accountId));
  }

  /** A window asked for: both months or neither, complete months, at most 36 of them. */
  private windowOf(from?: string | null, to?: string | null): MonthWindow | null {
    if (!from && !to) return null;
    if (!from || !to) {
      throw financeError(
        'INVALID_WINDOW',
        'Give both periodFrom and periodTo, or neither for the latest snapshot.',
        from ? 'periodTo' : 'periodFrom',
      );
    }
    if (from < FIRST_MONTH) {
      throw financeError(
        'INVALID_WINDOW',
        `The window may start in ${FIRST_MONTH} at the earliest.`,
        'periodFrom',
      );
    }
    if (from > to) {
      throw financeError(
        'INVALID_WINDOW',
        `The window starts (${from}) after it ends (${to}).`,
        'periodTo',
      );
    }
    const current = monthOf(this.ctx.clock.now());
    if (to >= current) {
      throw financeError(
        'INVALID_WINDOW',
        `The window must end with a complete month, before ${current}.`,
        'periodTo',
      );
    }
    if (shiftMonth(from, MAX_WINDOW_MONTHS - 1) < to) {
      throw financeError(
        'INVALID_WINDOW',
        `The window may span at most ${MAX_WINDOW_MONTHS} months.`,
        'periodFrom',
      );
    }
    return { from, to };
  }

  private async assertSegment(id: string): Promise<void> {
    if (!(await this.ctx.em.count(Segment, { id }))) {
      throw financeError('SEGMENT_NOT_FOUND', 'No segment has this id.', 'segmentId');
    }
  }
}

function toRow(
  f: LinkageFigures,
  w: MonthWindow,
  metric: SatisfactionMetric,
  at: Date,
): LinkageRow {
  const g = f.regression;
  return {
    periodFrom: w.from,
    periodTo: w.to,
    satisfactionMetric: metric,
    segmentId: f.segmentId,
    measure: f.measure,
    n: g.n,
    r: g.r,
    rLow: g.rLow,
    rHigh: g.rHigh,
    slope: g.slope,
    slopeSe: g.slopeSe,
    slopeLow: g.slopeLow,
    slopeHigh: g.slopeHigh,
    t: g.t,
    pValue: g.pValue,
    intercept: g.intercept,
    interceptSe: g.interceptSe,
    rSquared: g.rSquared,
    standardisedSlope: g.standardisedSlope,
    meanSatisfaction: g.meanX,
    meanMeasure: g.meanY,
    reliability: f.corrected?.reliability ?? null,
    correctedSlope: f.corrected?.slope ?? null,
    correctedSlopeLow: f.corrected?.slopeLow ?? null,
    correctedSlopeHigh: f.corrected?.slopeHigh ?? null,
    computedAt: at,
  };
}

function toEntity(row: LinkageRow) {
  const { segmentId, ...rest } = row;
  return {
    ...rest,
    id: `${row.satisfactionMetric}:${segmentId ?? POOLED}:${row.measure}`,
    segment: segmentId,
  };
}

function fromEntity(e: FinanceLinkage): LinkageRow {
  return {
    periodFrom: e.periodFrom,
    periodTo: e.periodTo,
    satisfactionMetric: e.satisfactionMetric,
    segmentId: e.segment?.id ?? null,
    measure: e.measure,
    n: e.n,
    r: Number(e.r),
    rLow: Number(e.rLow),
    rHigh: Number(e.rHigh),
    slope: Number(e.slope),
    slopeSe: Number(e.slopeSe),
    slopeLow: Number(e.slopeLow),
    slopeHigh: Number(e.slopeHigh),
    t: numberOrNull(e.t),
    pValue: Number(e.pValue),
    intercept: numberOrNull(e.intercept),
    interceptSe: numberOrNull(e.interceptSe),
    rSquared: Number(e.rSquared),
    standardisedSlope: Number(e.standardisedSlope),
    meanSatisfaction: Number(e.meanSatisfaction),
    meanMeasure: Number(e.meanMeasure),
    reliability: numberOrNull(e.reliability),
    correctedSlope: numberOrNull(e.correctedSlope),
    correctedSlopeLow: numberOrNull(e.correctedSlopeLow),
    correctedSlopeHigh: numberOrNull(e.correctedSlopeHigh),
    computedAt: e.computedAt,
  };
}

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function shareEntity(c: ShareCell, at: Date) {
  return {
    id: `${c.period}:${c.segmentId}:${c.stage ?? 'NONE'}`,
    period: c.period,
    segment: c.segmentId,
    stage: (c.stage as JourneyStage | null) ?? null,
    computableObservations: c.computableObservations,
    triggerObservations: c.triggerObservations,
    computableMetrics: c.computableMetrics,
    triggerMetrics: c.triggerMetrics,
    computedAt: at,
  };
}
