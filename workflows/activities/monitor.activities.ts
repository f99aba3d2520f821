import { loadConfig } from '../../server/src/config.js';
import { fixedClock } from '../../server/src/domain/context.js';
import { MonitorService } from '../../server/src/modules/monitor/monitor.service.js';
import { MONITOR_WORKFLOW_ID, type MonitorRunResult } from '../contracts/monitor.contract.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

/** Activities of the monitor workflow, over their dependencies. */
export function createMonitorActivities(deps: ActivityDeps) {
  const contextFor = activityContexts({ ...deps, config: deps.config ?? loadConfig({}) });
  return {
    /**
     * Recomputes the period figures as of `at` and raises the alerts the rules find, each
     * once (dedupe keys), with an inbox entry for the account's owner: a retry adds nothing.
     */
    async runMonitor({ at }: { at: string }): Promise<MonitorRunResult> {
      const ctx = contextFor(`workflow:${MONITOR_WORKFLOW_ID}`, fixedClock(new Date(at)));
      const result = await ctx.service(MonitorService).run();
      deps.log.info('monitor ran', { figures: result.figures, raised: result.raised });
      return result;
    },
  };
}

export type MonitorActivities = ReturnType<typeof createMonitorActivities>;
