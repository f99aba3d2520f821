import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHttpServer, type HubHttpServer } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import type { Orm } from '../../server/src/db/orm.js';
import { ensureBootstrapAdmin } from '../../server/src/modules/identity/bootstrap-admin.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import type { CollectStarter } from '../../server/src/temporal/collect-starter.js';
import { RecordingCollectStarter, silentLogger } from './graphql.js';

export interface HttpHub {
  baseUrl: string;
  http: HubHttpServer;
  /** POSTs a GraphQL request as JSON and answers the response with its parsed body. */
  graphql(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ response: Response; body: { data?: unknown; errors?: GraphErrorBody[] } }>;
  /**
   * Signs in over HTTP as a CX admin made for this hub, and answers the headers a browser then
   * sends (session cookie and CSRF token): who may call every operation.
   */
  adminHeaders(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export interface GraphErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * The hub's HTTP app (`createHttpServer`, as `npm start` mounts it) on a free port over
 * `orm`, configured from `env` as the process environment would configure it.
 */
export async function startHttpHub(
  orm: Orm,
  env: NodeJS.ProcessEnv = {},
  /** Ports to use instead of the recording ones, e.g. a collect starter over real Temporal. */
  overrides: { collect?: CollectStarter } = {},
): Promise<HttpHub> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-http-'));
  const http = await createHttpServer({
    orm,
    config: loadConfig({ CX_DATA_DIR: dir, ...env }),
    collect: new RecordingCollectStarter(),
    initiatives: unreachableInitiativeWorkflows,
    log: silentLogger,
    ...overrides,
  });
  const baseUrl = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  const graphql: HttpHub['graphql'] = async (body, headers = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { response, body: JSON.parse(text) as { errors?: GraphErrorBody[] } };
  };
  return {
    baseUrl,
    http,
    graphql,
    async adminHeaders() {
      const admin = { email: `admin-${path.basename(dir)}@hub.test`, password: 'http hub admin 1' };
      await ensureBootstrapAdmin(orm, admin);
      const { response, body } = await graphql({
        query: `mutation ($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
        variables: { input: admin },
      });
      const signedIn = (body.data as { signIn?: { csrfToken: string } } | undefined)?.signIn;
      if (!signedIn) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { cookie, 'x-csrf-token': signedIn.csrfToken };
    },
    async close() {
      await http.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
