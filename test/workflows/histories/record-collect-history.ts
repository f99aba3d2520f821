/**
 * `npx tsx test/workflows/histories/record-collect-history.ts <version>` — runs the collect
 * workflow once for an unhappy feedback item (acknowledged, classified, a case opened and its
 * clock started) on the time-skipping test server and writes its history to
 * `collect-feedback.<version>.json`, for `replay.test.ts`. Never overwrite a committed file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { initORM, migrateUp } from '../../../server/src/db/orm.js';
import { TemporalCollectStarter } from '../../../server/src/temporal/temporal-collect-starter.js';
import { caseWorkflowId } from '../../../workflows/contracts/case.contract.js';
import {
  collectWorkflowId,
  type CollectFeedbackResult,
} from '../../../workflows/contracts/collect.contract.js';
import { createTimeSkippingEnv } from '../../helpers/temporal-env.js';
import {
  quietTemporalLogs,
  startWorkflowHarness,
  workflowBundle,
} from '../../helpers/workflow-harness.js';
import { createFeedbackFixture } from '../feedback-fixture.js';

const version = process.argv[2];
if (!version) throw new Error('Name the version: record-collect-history.ts v3');
const file = path.join(import.meta.dirname, `collect-feedback.${version}.json`);
if (fs.existsSync(file)) throw new Error(`${file} exists: committed histories are never overwritten.`);

quietTemporalLogs();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-histories-'));
const orm = await initORM({ sqlitePath: path.join(tmp, 'hub.sqlite') });
await migrateUp(orm);
const { feedbackId } = await createFeedbackFixture(orm, { locale: 'ru' });
const env = await createTimeSkippingEnv();
const h = await startWorkflowHarness(env, orm, await workflowBundle());
try {
  await new TemporalCollectStarter(env.client, { taskQueue: h.taskQueue }).startCollect(feedbackId);
  const handle = env.client.workflow.getHandle(collectWorkflowId(feedbackId));
  const result = (await handle.result()) as CollectFeedbackResult;
  if (!result.intake?.caseOpened) throw new Error('expected the run to open a case');
  fs.writeFileSync(file, historyToJSON(await handle.fetchHistory()));
  console.log(`recorded ${file}`, JSON.stringify(result));
  await env.client.workflow
    .getHandle(caseWorkflowId(result.intake.caseId!))
    .terminate('recorded')
    .catch(() => undefined);
} finally {
  await h.stop();
  await env.teardown();
  await orm.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
