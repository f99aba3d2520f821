import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { freePort } from '../../server/src/db/throwaway-postgres.js';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface HubProcess {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** Resolves when the start-up banner (printed once Temporal and the worker run) appears. */
  ready: Promise<void>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export interface HubPorts {
  port: number;
  temporalPort: number;
  temporalUiPort: number;
}

function withoutTestEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NODE_ENV;
  delete copy.VITEST;
  return copy;
}

export async function allocateHubPorts(): Promise<HubPorts> {
  return {
    port: await freePort(),
    temporalPort: await freePort(),
    temporalUiPort: await freePort(),
  };
}

/** Starts the hub the way `npm start` does (same entry point), as its own process. */
export function startHubProcess(
  env: Record<string, string>,
  ports: HubPorts,
  readyTimeoutMs = 120_000,
  /** Run in a process group of its own, as a terminal runs a foreground job. */
  ownProcessGroup = false,
): HubProcess {
  // One process, as `npm start` runs it (`node --import tsx`), so a signal reaches the hub itself.
  const node = path.join(root, 'node_modules', '.bin', 'node');
  let log = '';
  const proc = spawn(
    node,
    ['--import', 'tsx', path.join(root, 'server', 'src', 'cli', 'start.ts')],
    {
      cwd: root,
      env: {
        // A user's environment: vitest's NODE_ENV=test would change library behaviour (Apollo's signals).
        ...withoutTestEnv(process.env),
        PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
        PORT: String(ports.port),
        TEMPORAL_DEV_PORT: String(ports.temporalPort),
        TEMPORAL_UI_PORT: String(ports.temporalUiPort),
        CX_RECONCILE_INTERVAL_MS: '500',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: ownProcessGroup,
    },
  );
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hub not ready in ${readyTimeoutMs} ms:\n${log}`)),
      readyTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('CX Ops Hub is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before it was ready:\n${log}`));
    });
  });
  ready.catch(() => undefined);
  return {
    url: `http://127.0.0.1:${ports.port}`,
    proc,
    output: () => log,
    ready,
    kill: async (signal) => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** A browser's session: the cookies sign-in set and the CSRF token to send back. */
export interface HttpSession {
  cookie: string;
  csrfToken: string;
}

export async function graphqlOverHttp<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  session?: HttpSession,
): Promise<{
  status: number;
  headers: Headers;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] };
}> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as never };
}

/** Signs in over HTTP as a browser would, keeping the cookies it is given. */
export async function signInOverHttp(
  url: string,
  email: string,
  password: string,
): Promise<HttpSession> {
  const { status, headers, body } = await graphqlOverHttp(
    url,
    `mutation ($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
    { input: { email, password } },
  );
  if (!body.data?.signIn) {
    throw new Error(`sign-in as ${email} failed (${status}): ${JSON.stringify(body.errors)}`);
  }
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: body.data.signIn.csrfToken as string };
}

/** The admin the e2e hubs are started with (CX_ADMIN_EMAIL / CX_ADMIN_PASSWORD). */
export const E2E_ADMIN = { email: 'e2e.admin@hub.example', password: 'e2e-admin-password-1' };
export const e2eAdminEnv = {
  CX_ADMIN_EMAIL: E2E_ADMIN.email,
  CX_ADMIN_PASSWORD: E2E_ADMIN.password,
};

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A fresh database on the test run's throwaway PostgreSQL, for a hub on the production shape. */
export async function freshPostgresDatabase(prefix = 'e2e'): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}
