/**
 * `npx tsx test/workflows/histories/record-pareto-history.ts [version]` — runs the month's Pareto
 * workflow once over a small hand-built company on the time-skipping test server and writes its
 * history to `pareto-analysis.<version>.json`, for `replay.test.ts`. Never overwrite a committed file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { initORM, migrateUp } from '../../../server/src/db/orm.js';
import { initiativeWorkflowId } from '../../../workflows/contracts/initiative.contract.js';
import { PARETO_ANALYSIS_WORKFLOW, paretoWorkflowId, type ParetoAnalysisResult } from '../../../workflows/contracts/pareto.contract.js';
import { buildParetoWorld, WORLD_PERIOD } from '../../fixtures/pareto-world.js';
import { createTimeSkippingEnv } from '../../helpers/temporal-env.js';
import { quietTemporalLogs, startWorkflowHarness, workflowBundle } from '../../helpers/workflow-harness.js';

const version = process.argv[2] ?? 'v1';
const file = path.join(import.meta.dirname, `pareto-analysis.${version}.json`);
if (fs.existsSync(file)) throw new Error(`${file} exists: committed histories are never overwritten.`);

quietTemporalLogs();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-histories-'));
const orm = await initORM({ sqlitePath: path.join(tmp, 'hub.sqlite') });
await migrateUp(orm);
await buildParetoWorld(orm, 'history');
const env = await createTimeSkippingEnv();
const h = await startWorkflowHarness(env, orm, await workflowBundle());
try {
  const workflowId = paretoWorkflowId(WORLD_PERIOD);
  const result = (await env.client.workflow.execute(PARETO_ANALYSIS_WORKFLOW, {
    taskQueue: h.taskQueue,
    workflowId,
    args: [{ period: WORLD_PERIOD }],
  })) as ParetoAnalysisResult;
  fs.writeFileSync(file, historyToJSON(await env.client.workflow.getHandle(workflowId).fetchHistory()));
  console.log(`recorded ${file} (${result.proposedIds.length} proposals)`);
  for (const id of result.proposedIds)
    await env.client.workflow.getHandle(initiativeWorkflowId(id)).terminate('recorded').catch(() => undefined);
} finally {
  await h.stop();
  await env.teardown();
  await orm.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
