import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allocateHubPorts,
  eventually,
  freshPostgresDatabase,
  graphqlOverHttp,
  signInOverHttp,
  startHubProcess,
  type HttpSession,
  type HubProcess,
} from '../helpers/hub-process.js';

const SUBMIT = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id status } } }`;
const READ = `query($id: ID!) { feedbackItem(id: $id) { status acknowledgedAt acknowledgement { kind status subject recipient } } }`;

const variants: { name: string; env: () => Promise<Record<string, string>>; database: RegExp }[] = [
  {
    name: 'on the embedded defaults (SQLite)',
    env: async () => ({}),
    database: /Database: +\/.*hub\.sqlite/,
  },
  {
    name: 'with DATABASE_URL (PostgreSQL)',
    env: async () => ({ DATABASE_URL: await freshPostgresDatabase() }),
    database: /Database: +PostgreSQL \(DATABASE_URL\)/,
  },
];

describe.each(variants)('the hub started as a user starts it, $name', ({ env, database }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-e2e-'));
  let hub: HubProcess;
  let admin: HttpSession;
  /** The banner's demo sign-ins: role label, e-mail, password. */
  const signIns = () =>
    [
      ...hub
        .output()
        .matchAll(
          /^ {4}(CX admin|CX manager|Department member|Council member) +(\S+@\S+) +(\S+)$/gm,
        ),
    ].map(([, role, email, password]) => ({ role: role!, email: email!, password: password! }));

  beforeAll(async () => {
    hub = startHubProcess(
      { CX_DATA_DIR: dataDir, ...(await env()) },
      await allocateHubPorts(),
      180_000,
    );
    await hub.ready;
    const first = signIns().find((s) => s.role === 'CX admin');
    if (!first) throw new Error(`no demo admin in the banner:\n${hub.output()}`);
    admin = await signInOverHttp(hub.url, first.email, first.password);
  }, 200_000);

  afterAll(async () => {
    await hub?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the app, GraphQL and Temporal UI addresses', () => {
    expect(hub.output()).toMatch(/App: +http:\/\/127\.0\.0\.1:\d+\//);
    expect(hub.output()).toMatch(/GraphQL: +http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(hub.output()).toMatch(/Temporal UI: +http:\/\/127\.0\.0\.1:\d+/);
    expect(hub.output()).toMatch(database);
  });

  it('prints a demo sign-in for every role, and each signs in as that role', async () => {
    const printed = signIns();
    expect(printed.map((s) => s.role)).toEqual([
      'CX admin',
      'CX manager',
      'Department member',
      'Council member',
    ]);
    const roles = [];
    for (const { email, password } of printed) {
      const session = await signInOverHttp(hub.url, email, password);
      const { body } = await graphqlOverHttp(hub.url, '{ me { kind role } }', {}, session);
      roles.push(body.data.me.role);
    }
    expect(roles).toEqual(['CX_ADMIN', 'CX_MANAGER', 'DEPARTMENT_MEMBER', 'COUNCIL_MEMBER']);
  });

  it('serves the web page at / and answers GraphQL', async () => {
    const page = await fetch(`${hub.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const { status, body } = await graphqlOverHttp(
      hub.url,
      '{ feedbackItems(first: 1) { totalCount } }',
      {},
      admin,
    );
    expect(status).toBe(200);
    expect(body.data.feedbackItems.totalCount).toBeGreaterThan(1000);
  });

  it('acknowledges feedback submitted over HTTP', async () => {
    const sample = await graphqlOverHttp(
      hub.url,
      '{ feedbackItems(first: 1) { nodes { account { id } } } }',
      {},
      admin,
    );
    const accountId = sample.body.data.feedbackItems.nodes[0].account.id as string;
    const accepted = await graphqlOverHttp(
      hub.url,
      SUBMIT,
      {
        input: {
          accountId,
          channel: 'FEEDBACK_BUTTON',
          npsScore: 3,
          text: 'Документы к поставке снова пришли с ошибками',
          language: 'ru',
          contact: {
            name: 'Ирина Смирнова',
            email: 'irina@example.ru',
            respondentClass: 'OPERATOR',
            locale: 'ru',
          },
        },
      },
      admin,
    );
    expect(accepted.body.errors).toBeUndefined();
    const id = accepted.body.data.submitFeedback.feedbackItem.id as string;
    const item = await eventually(
      async () => {
        const { body } = await graphqlOverHttp(hub.url, READ, { id }, admin);
        return body.data.feedbackItem.status === 'ACKNOWLEDGED'
          ? body.data.feedbackItem
          : undefined;
      },
      10_000,
      50,
    );
    expect(item.acknowledgement).toMatchObject({
      kind: 'FEEDBACK_ACKNOWLEDGEMENT',
      status: 'PENDING',
      recipient: 'irina@example.ru',
    });
  });

  it('answers a 10 MB text with a typed error, not a crash', async () => {
    const { status, body } = await graphqlOverHttp(
      hub.url,
      SUBMIT,
      { input: { accountId: 'x', channel: 'SURVEY', text: 'x'.repeat(10 * 1024 * 1024) } },
      admin,
    );
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors?.[0]?.message).toMatch(/too large/);
  });
});
