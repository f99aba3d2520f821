import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initORM, migrateUp } from '../../server/src/db/orm.js';
import { createAccount } from '../fixtures/factories.js';
import { freePort } from '../../server/src/db/throwaway-postgres.js';
import {
  allocateHubPorts,
  eventually,
  E2E_ADMIN,
  e2eAdminEnv,
  graphqlOverHttp,
  signInOverHttp,
  startHubProcess,
  type HttpSession,
  type HubPorts,
  type HubProcess,
} from '../helpers/hub-process.js';

const SUBMIT = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id status } } }`;
const STATUS = `query($id: ID!) { feedbackItem(id: $id) { status } }`;

/** Sessions live in the database, so one sign-in serves every hub started on it. */
let session: HttpSession | undefined;
const signedIn = async (url: string) =>
  (session ??= await signInOverHttp(url, E2E_ADMIN.email, E2E_ADMIN.password));

async function submit(url: string, accountId: string, text: string): Promise<string> {
  const { body } = await graphqlOverHttp(
    url,
    SUBMIT,
    { input: { accountId, channel: 'COMPLAINT', text } },
    await signedIn(url),
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.submitFeedback.feedbackItem.status).toBe('RECEIVED');
  return body.data.submitFeedback.feedbackItem.id as string;
}

async function statusOf(url: string, id: string): Promise<string> {
  const { body } = await graphqlOverHttp(url, STATUS, { id }, await signedIn(url));
  return body.data.feedbackItem.status as string;
}

describe('killing the hub between accepting feedback and acknowledging it loses nothing', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-crash-'));
  const env = { CX_DATA_DIR: dataDir, CX_SEED_DEMO: 'false', ...e2eAdminEnv };
  let ports: HubPorts;
  let accountId: string;
  const running: HubProcess[] = [];
  const start = (extra: Record<string, string> = {}) => {
    const hub = startHubProcess({ ...env, ...extra }, ports);
    running.push(hub);
    return hub;
  };
  const healthy = (hub: HubProcess) =>
    eventually(
      async () => ((await fetch(`${hub.url}/healthz`)).ok ? true : undefined),
      120_000,
      200,
    );

  beforeAll(async () => {
    ports = await allocateHubPorts();
    const orm = await initORM({ sqlitePath: path.join(dataDir, 'hub.sqlite') });
    await migrateUp(orm);
    accountId = (await createAccount(orm)).accountGid;
    await orm.close();
  });

  afterAll(async () => {
    // The last hub is stopped cleanly, which also stops the embedded Temporal server it adopted.
    for (const hub of running) await hub.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when Temporal was unreachable at accept time, the restarted hub starts and acknowledges it', async () => {
    const closedPort = await freePort();
    const first = start({ TEMPORAL_ADDRESS: `127.0.0.1:${closedPort}` });
    await healthy(first);
    const id = await submit(first.url, accountId, 'Accepted while Temporal is down');
    expect(await first.kill('SIGKILL')).toBeNull();

    const second = start();
    await second.ready;
    await eventually(
      async () => ((await statusOf(second.url, id)) === 'ACKNOWLEDGED' ? true : undefined),
      30_000,
      100,
    );
    expect(await second.kill('SIGKILL')).toBeNull();
    // Two hub starts and up to 30 s of waiting: the default 30 s test limit is too tight for that
    // on a busy machine (a limit, not an assertion on speed).
  }, 120_000);

  it('when the workflow was started but no worker ran, the restarted hub acknowledges it', async () => {
    const noWorker = start({ CX_RUN_WORKER: 'false' });
    await noWorker.ready;
    const id = await submit(noWorker.url, accountId, 'Accepted, then the hub died');
    expect(await statusOf(noWorker.url, id)).toBe('RECEIVED');
    expect(await noWorker.kill('SIGKILL')).toBeNull();

    const restarted = start();
    await restarted.ready;
    await eventually(
      async () => ((await statusOf(restarted.url, id)) === 'ACKNOWLEDGED' ? true : undefined),
      30_000,
      100,
    );
  }, 120_000);
});
