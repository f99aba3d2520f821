import type { Em } from '../../server/src/db/orm.js';
import { paretoOf } from '../../server/src/modules/analyse/pareto.query.js';
import { satisfactionByAccount } from '../../server/src/modules/analytics/effect/effect.query.js';
import { effectWindows } from '../../server/src/modules/analytics/effect/effect.window.js';
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
];
