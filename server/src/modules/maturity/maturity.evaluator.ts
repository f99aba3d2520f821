import type { Em } from '../../db/orm.js';
import { analyseGroup } from './criteria/analyse.criteria.js';
import { collectGroup } from './criteria/collect.criteria.js';
import { correctGroup } from './criteria/correct.criteria.js';
import { implementGroup } from './criteria/implement.criteria.js';
import { monitorGroup } from './criteria/monitor.criteria.js';
import { summarise, type GroupMaturity, type MaturityGroup } from './maturity.criteria.js';
import { evidenceWindow } from './maturity.evidence.js';
import type { MaturityThresholds } from './maturity.thresholds.js';

/** The five process groups in the order of the closed loop. */
const GROUPS: readonly MaturityGroup[] = [
  collectGroup,
  analyseGroup,
  implementGroup,
  monitorGroup,
  correctGroup,
];

/**
 * Computes each process group's maturity level from the hub's own data as of `now`: one
 * aggregate SQL statement per group, so the cost does not grow with the data.
 */
export async function evaluateMaturity(
  em: Em,
  now: Date,
  thresholds: MaturityThresholds,
): Promise<GroupMaturity[]> {
  const window = evidenceWindow(now, thresholds);
  const results: GroupMaturity[] = [];
  // Sequential on purpose: one EntityManager, possibly one SQLite connection.
  for (const group of GROUPS) {
    results.push(summarise(group.processGroup, await group.evaluate(em, window, thresholds)));
  }
  return results;
}
