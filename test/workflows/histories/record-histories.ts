/**
 * `npm run histories:record` — runs the initiative workflow through its scenarios on the
 * time-skipping test server and writes each run's event history to
 * `test/workflows/histories/<name>.<version>.json`. Commit the files: `replay.test.ts`
 * replays every committed history against today's workflow code, so a change to workflow
 * logic that is not guarded by `patched()` fails the suite. Record again only to add
 * histories of a new version (a new file name); never overwrite committed ones.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { initORM, migrateUp } from '../../../server/src/db/orm.js';
import { fromGlobalId } from '../../../server/src/graphql/relay.js';
import { initiativeWorkflowId } from '../../../workflows/contracts/initiative.contract.js';
import { loadDemoScenario } from '../../fixtures/demo-scenario.js';
import { createTimeSkippingEnv } from '../../helpers/temporal-env.js';
import { quietTemporalLogs, startWorkflowHarness, workflowBundle } from '../../helpers/workflow-harness.js';

const version = process.argv[2] ?? 'v1';
const DAY = 86_400_000;
const dir = path.join(import.meta.dirname);

quietTemporalLogs();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-histories-'));
const orm = await initORM({ sqlitePath: path.join(tmp, 'hub.sqlite') });
await migrateUp(orm);
const demo = await loadDemoScenario(orm);
const env = await createTimeSkippingEnv();
const bundle = await workflowBundle();
const whole = await startWorkflowHarness(env, orm, bundle);
// A small history limit makes the second scenario continue as new, so that path is recorded too.
const short = await startWorkflowHarness(env, orm, bundle, { historyLimit: 60 });
let h = whole;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await h.api.execute(query, variables);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data as any;
}
const dueIn = async (days: number) => new Date((await env.currentTimeMs()) + days * DAY).toISOString();
const create = async (title: string, clientVisible: boolean) =>
  (
    await gql(`mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`, {
      input: {
        title,
        problem: 'Invoices arrive days after the goods.',
        clientVisible,
        ownerId: demo.owner,
        affectedAccountIds: demo.accounts,
        feedbackIds: [demo.feedback.ru, demo.feedback.en],
      },
    })
  ).createInitiative.id as string;
const task = async (id: string, title: string, dept: string, days: number) =>
  (
    await gql(`mutation ($input: CreateInitiativeTaskInput!) { createInitiativeTask(input: $input) { id } }`, {
      input: { initiativeId: id, title, departmentId: dept, dueAt: await dueIn(days) },
    })
  ).createInitiativeTask.id as string;
const move = (id: string, to: string) =>
  gql(`mutation ($id: ID!, $to: ProcessGroup!) { moveInitiative(id: $id, processGroup: $to) { councilReviews { id revision decision } } }`, { id, to });
const decide = (review: string, decision: string, comments?: string) =>
  gql(`mutation ($id: ID!, $d: CouncilDecision!, $c: String, $m: ID!) { decideCouncilReview(id: $id, input: { decision: $d, comments: $c, decidedByMemberId: $m }) { id } }`, {
    id: review,
    d: decision,
    c: comments,
    m: demo.member,
  });

async function save(name: string, initiativeGid: string, run: 'first' | 'last' = 'last'): Promise<void> {
  const workflowId = initiativeWorkflowId(fromGlobalId(initiativeGid, 'Initiative'));
  const firstRunId = (await env.client.workflow.getHandle(workflowId).describe()).raw.workflowExecutionInfo
    ?.firstRunId;
  const handle = env.client.workflow.getHandle(workflowId, run === 'first' ? (firstRunId ?? undefined) : undefined);
  const file = path.join(dir, `${name}.${version}.json`);
  if (fs.existsSync(file)) throw new Error(`${file} exists: committed histories are never overwritten.`);
  fs.writeFileSync(file, historyToJSON(await handle.fetchHistory()));
  console.log(`recorded ${file}`);
}

try {
  // 1. The whole loop: tasks done, rejected and reassigned, overdue and escalated; the council
  //    asks for changes (revision 2), then approves; closed.
  const a = await create('Invoices sent with the delivery', true);
  await move(a, 'IMPLEMENT');
  const t1 = await task(a, 'Print the invoice with the waybill', demo.departments.LOGISTICS, 10);
  const t2 = await task(a, 'Invoice from the shipment', demo.departments.ACCOUNTING, 10);
  const t3 = await task(a, 'Check invoice data', demo.departments.QUALITY, 3);
  await gql(`mutation ($id: ID!) { completeTask(id: $id, outcomeNote: "Done") { id } }`, { id: t1 });
  await gql(`mutation ($id: ID!) { rejectTask(id: $id, note: "Not ours") { id } }`, { id: t2 });
  await gql(`mutation ($id: ID!, $d: ID!) { reassignTask(id: $id, input: { departmentId: $d }) { id } }`, {
    id: t2,
    d: demo.departments.PROCUREMENT,
  });
  await gql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: t2 });
  await env.sleep(7 * DAY);
  await gql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: t3 });
  const first = (await move(a, 'MONITOR')).moveInitiative.councilReviews[0].id;
  await decide(first, 'CHANGES_REQUESTED', 'Include the smaller sites');
  const t4 = await task(a, 'Send the PDF to the smaller sites', demo.departments.ACCOUNTING, 5);
  await gql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: t4 });
  const second = (await move(a, 'MONITOR')).moveInitiative.councilReviews.find((r: any) => r.revision === 2).id;
  await decide(second, 'APPROVED');
  await gql(`mutation ($id: ID!) { closeInitiative(id: $id) { id } }`, { id: a });
  await save('initiative-full-loop', a);

  h = short;
  // 2. An internal initiative held, resumed, with enough commands to continue as new, then cancelled.
  const b = await create('Faster credit decisions', false);
  await gql(`mutation ($id: ID!) { holdInitiative(id: $id, reason: "Budget freeze") { id } }`, { id: b });
  await gql(`mutation ($id: ID!) { resumeInitiative(id: $id) { id } }`, { id: b });
  await move(b, 'IMPLEMENT');
  for (let i = 0; i < 8; i++) await task(b, `Check step ${i + 1}`, demo.departments.ACCOUNTING, 20);
  await gql(`mutation ($id: ID!) { cancelInitiative(id: $id, reason: "Superseded by the ERP project") { id } }`, { id: b });
  await save('initiative-continued-as-new', b, 'first');
  await save('initiative-hold-cancel', b);
} finally {
  await whole.stop();
  await short.stop();
  await env.teardown();
  await orm.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
