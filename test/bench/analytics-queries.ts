import type { Em } from '../../server/src/db/orm.js';
import { paretoOf } from '../../server/src/modules/analyse/pareto.query.js';
import { satisfactionByAccount } from '../../server/src/modules/analytics/effect/effect.query.js';
import { effectWindows } from '../../server/src/modules/analytics/effect/effect.window.js';
import {
  accountFinance,
  shareCells,
} from '../../server/src/modules/analytics/finance/finance.query.js';
import { SatisfactionMetric } from '../../server/src/modules/analytics/finance/finance.enums.js';
import { loadPanel } from '../../server/src/modules/analytics/forecast/panel.query.js';
import { ScaleAlignmentService } from '../../server/src/modules/analytics/index/alignment.service.js';
import {
  factorScores,
  measuredSatisfaction,
} from '../../server/src/modules/analytics/index/index.queries.js';
import { DomainContext, fixedClock } from '../../server/src/domain/context.js';
import { testDomainDeps } from '../helpers/domain.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';

/** One analytics query measured at scale, and the plain aggregate over the same rows it is set against. */
export interface AnalyticsQuery {
  name: string;
  /** Runs the query as the hub does; returns how many result rows it produced. */
  run(em: Em, now: Date): Promise<number>;
  baseline(em: Em, now: Date): Promise<unknown>;
}

const YEAR_MS = 365 * 86_400_000;

/** The window the queries read: the twelve months before "now". */
function lastYear(now: Date): { period: string; from: Date; to: Date } {
  return { period: 'last 12 months', from: new Date(now.getTime() - YEAR_MS), to: now };
}

/** One aggregate over the same feedback rows: the floor any query over them stands on. */
async function feedbackAggregate(em: Em, now: Date): Promise<unknown> {
  const { from, to } = lastYear(now);
  return em.execute(
    `select count(*) as n, avg(csi_score) as csi, sum(case when nps_score >= 9 then 1 else 0 end) as p
       from feedback_item where received_at >= ? and received_at < ?`,
    [from, to],
  );
}

/** `YYYY-MM` of the month `offset` months from the month of `now` (UTC). */
function month(now: Date, offset: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}

/** The twelve complete months before "now". */
const window12 = (now: Date) => ({ from: month(now, -12), to: month(now, -1) });

/** One aggregate over the same observations the index reads. */
async function observationAggregate(em: Em, now: Date): Promise<unknown> {
  return em.execute(
    `select count(*) as n, avg(value) as v from metric_observation where period >= ? and period <= ?`,
    [month(now, -6), month(now, -1)],
  );
}

export const ANALYTICS_QUERIES: AnalyticsQuery[] = [
  {
    name: 'Pareto of complaint causes (12 months)',
    run: async (em, now) => (await paretoOf(em, lastYear(now), 0.8)).causes.length,
    baseline: feedbackAggregate,
  },
  {
    // What the monitor's initiative-effect step reads: per account of the affected accounts'
    // segments, NPS and CSI before and after the start, for every monitored initiative.
    name: 'Initiative effect: NPS/CSI per account before/after (monitored initiatives)',
    run: async (em, now) => {
      const monitored = await em.find(Initiative, {
        processGroup: { $in: [ProcessGroup.MONITOR, ProcessGroup.CORRECT] },
        startedAt: { $ne: null },
      });
      let rows = 0;
      for (const initiative of monitored) {
        const w = effectWindows(initiative.startedAt!, now, 6);
        if (w.hasAfter) rows += (await satisfactionByAccount(em, initiative.id, w)).nps.length;
      }
      return rows;
    },
    baseline: feedbackAggregate,
  },
  {
    // Scale alignment: per contact, sums over the history and the window, in one statement.
    name: 'Scale alignment: NPS per respondent vs own history (3 months, 12 of history)',
    run: async (em, now) => {
      const ctx = new DomainContext(
        testDomainDeps(),
        em,
        { actor: 'workflow:period-monitor' },
        fixedClock(now),
      );
      const result = await ctx
        .service(ScaleAlignmentService)
        .compare({ metric: 'NPS', periodFrom: month(now, -3), periodTo: month(now, -1) });
      return result.accounts.length;
    },
    baseline: feedbackAggregate,
  },
  {
    // The index's inputs: direction-aware percent rank per metric and month, averaged per
    // factor, and the measured NPS/CSI per account and month (6 months, as the monitor step).
    name: 'Satisfaction index: factor scores + measured NPS/CSI (6 months)',
    run: async (em, now) =>
      (await factorScores(em, month(now, -6), month(now, -1))).length +
      (await measuredSatisfaction(em, month(now, -6), month(now, -1))).length,
    baseline: observationAggregate,
  },
  {
    name: 'Finance linkage: per-account CSI and figures (12 months)',
    run: async (em, now) =>
      (await accountFinance(em, window12(now), SatisfactionMetric.CSI, 5, 3)).length,
    baseline: feedbackAggregate,
  },
  {
    name: 'Computable vs trigger share per month × segment × stage (12 months)',
    run: async (em, now) => (await shareCells(em, window12(now))).length,
    baseline: observationAggregate,
  },
  {
    name: 'Forecast panel: 14 signals per account × month (12 months)',
    run: async (em, now) => (await loadPanel(em, month(now, -12), month(now, -1))).length,
    baseline: feedbackAggregate,
  },
];
