import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { parseGlobalId } from '../../server/src/graphql/relay.js';
import { CouncilMember } from '../../server/src/modules/client/council-member.entity.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { createCouncil, createUser } from '../fixtures/initiative-factories.js';
import { createAccount } from '../fixtures/factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { signInOverHttp } from '../helpers/hub-process.js';
import { startHttpHub, type HttpHub } from '../helpers/http-hub.js';

const CHANGED = `subscription ($filter: InitiativeChangedFilter) {
  initiativeChanged(filter: $filter) { id title status } }`;
const CREATE = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;

interface Browser {
  cookie: string;
  csrfToken: string;
}

/** A graphql-ws client over `ws`, sending the handshake headers a browser would. */
function connect(
  hub: HttpHub,
  headers: Record<string, string>,
  connectionParams: Record<string, unknown> = {},
): { client: Client; closed: Promise<{ code: number; reason: string }> } {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `${hub.baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers });
      }
    },
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // A refusal is what some tests expect; they read it from `closed`.
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return { client, closed };
}

/** Collects the titles a subscription pushes, with a way to wait for the n-th. */
function subscribe(client: Client, variables: Record<string, unknown> = {}, query = CHANGED) {
  const titles: string[] = [];
  const errors: unknown[] = [];
  let waiting: (() => void) | undefined;
  const stop = client.subscribe<{ initiativeChanged: { title: string } }>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) titles.push(result.data.initiativeChanged.title);
        waiting?.();
      },
      error: (error) => {
        errors.push(error);
        waiting?.();
      },
      complete: () => undefined,
    },
  );
  const received = async (count: number) => {
    while (titles.length < count && errors.length === 0) {
      await new Promise<void>((resolve) => (waiting = resolve));
    }
    return titles.slice();
  };
  return { titles, errors, received, stop };
}

describeEachDatabase('live updates over WebSocket', (getOrm) => {
  let hub: HttpHub;
  let admin: Record<string, string>;
  let council: Browser;
  let acmeGid: string;
  let betaGid: string;
  const clients: Client[] = [];

  const asAdmin = async (query: string, variables: Record<string, unknown>) => {
    const { body } = await hub.graphql({ query, variables }, admin);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as Record<string, { id: string }>;
  };
  const browser = (session: Browser, origin = hub.baseUrl) => {
    const socket = connect(
      hub,
      { cookie: session.cookie, origin },
      { csrfToken: session.csrfToken },
    );
    clients.push(socket.client);
    return socket;
  };

  beforeAll(async () => {
    const orm = getOrm();
    hub = await startHttpHub(orm, {
      CX_LIVE_POLL_MS: '25',
      CX_LIVE_MAX_SUBSCRIPTIONS: '2',
      CX_LIVE_MAX_MESSAGE_BYTES: '4096',
    });
    admin = await hub.adminHeaders();
    const acme = await createAccount(orm, { name: 'Acme Live' });
    const beta = await createAccount(orm, { name: 'Beta Live' });
    const seat = await createCouncil(orm, [acme.account], acme.contacts.slice(0, 1));
    const member = await createUser(orm, null, 'Clara Council', { role: UserRole.COUNCIL_MEMBER });
    await orm.em
      .fork()
      .nativeUpdate(CouncilMember, { council: seat.council.id }, { user: member.user.id });
    const password = 'council live password 1';
    await asAdmin(
      `mutation ($id: ID!, $p: String!) { setUserPassword(userId: $id, password: $p) { id } }`,
      {
        id: member.gid,
        p: password,
      },
    );
    council = await signInOverHttp(hub.baseUrl, member.user.email, password);
    acmeGid = acme.accountGid;
    betaGid = beta.accountGid;
  });
  /** Another request changes the world: creating an initiative is its first change. */
  const create = async (title: string, account: string) =>
    (
      await asAdmin(CREATE, {
        input: {
          title,
          problem: 'Slow deliveries',
          affectedAccountIds: [account],
          clientVisible: true,
        },
      })
    ).createInitiative!.id;
  afterAll(async () => {
    await Promise.all(clients.map(async (c) => c.dispose()));
    await hub?.close();
  });

  it('pushes an initiative to a signed-in CX user when another request changes it', async () => {
    const cookie = admin.cookie!;
    const { client } = browser({ cookie, csrfToken: admin['x-csrf-token']! });
    expect(hub.http.live.polling).toBe(false);
    const live = subscribe(client, { filter: { statuses: ['PROPOSED'] } });
    // The subscription is live once the poller has a listener; changes from then on arrive.
    await expect.poll(() => hub.http.live.subscribers).toBeGreaterThan(0);
    await create('Fresh for the office', betaGid);
    expect(await live.received(1)).toEqual(['Fresh for the office']);
    expect(live.errors).toEqual([]);
    live.stop();
    await expect.poll(() => hub.http.live.subscribers).toBe(0);
    // The poller runs only while someone subscribes.
    expect(hub.http.live.polling).toBe(false);
  });

  it('never pushes a council member an initiative outside its councils, and pushes one inside', async () => {
    const { client } = browser(council);
    const live = subscribe(client);
    await expect.poll(() => hub.http.live.subscribers).toBeGreaterThan(0);
    // The outside change comes first: were it pushed, it would be the first title received.
    await create('Outside, secret', betaGid);
    await create('Inside, for the council', acmeGid);
    expect(await live.received(1)).toEqual(['Inside, for the council']);
    expect(live.errors).toEqual([]);
    live.stop();
    await expect.poll(() => hub.http.live.subscribers).toBe(0);
  });

  it('pushes a change a workflow activity recorded in another process (the audit trail is the source)', async () => {
    const { client } = browser({ cookie: admin.cookie!, csrfToken: admin['x-csrf-token']! });
    const live = subscribe(client);
    await expect.poll(() => hub.http.live.subscribers).toBe(1);
    const id = await create('Moved by a worker', betaGid);
    expect(await live.received(1)).toEqual(['Moved by a worker']);
    // A worker writes the row through its own connection; nothing in this process announces it.
    const em = getOrm().em.fork();
    em.create(AuditEvent, {
      actor: 'workflow:initiative-1',
      action: 'moveInitiative',
      entityType: 'Initiative',
      entityId: parseGlobalId(id)!.id,
    });
    await em.flush();
    expect(await live.received(2)).toEqual(['Moved by a worker', 'Moved by a worker']);
    live.stop();
    await expect.poll(() => hub.http.live.subscribers).toBe(0);
  });

  it('pushes a new inbox entry to its recipient the moment it is written, not on its next change', async () => {
    const me = (await asAdmin(`{ me { userId } }`, {})) as unknown as { me: { userId: string } };
    const { client } = browser({ cookie: admin.cookie!, csrfToken: admin['x-csrf-token']! });
    const kinds: string[] = [];
    const errors: unknown[] = [];
    const stop = client.subscribe<{ inboxChanged: { kind: string; subject: string } }>(
      { query: `subscription { inboxChanged { id kind subject } }` },
      {
        next: (result) => {
          if (result.errors) errors.push(...result.errors);
          if (result.data) kinds.push(result.data.inboxChanged.kind);
        },
        error: (error) => errors.push(error),
        complete: () => undefined,
      },
    );
    await expect.poll(() => hub.http.live.subscribers).toBe(1);
    // Owning a new initiative writes an OWNER_ASSIGNED entry to the owner, and nothing changes it after.
    await asAdmin(CREATE, {
      input: { title: 'Owned live', problem: 'Slow deliveries', ownerId: me.me.userId },
    });
    await expect.poll(() => kinds).toEqual(['OWNER_ASSIGNED']);
    expect(errors).toEqual([]);
    stop();
    await expect.poll(() => hub.http.live.subscribers).toBe(0);
  });

  it('refuses, with the policy’s code, a subscription an API token’s scopes do not cover', async () => {
    const { createApiToken } = (await asAdmin(
      `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
      { input: { name: 'Feedback form', scopes: ['FEEDBACK_WRITE'] } },
    )) as unknown as { createApiToken: { secret: string } };
    const socket = connect(hub, {}, { authorization: `Bearer ${createApiToken.secret}` });
    clients.push(socket.client);
    const live = subscribe(socket.client);
    await live.received(1);
    expect(live.errors).toMatchObject([
      { extensions: { code: 'FORBIDDEN', reason: 'SCOPE_MISSING' } },
    ]);
  });

  it('holds at most CX_LIVE_MAX_SUBSCRIPTIONS subscriptions on one connection', async () => {
    const { client } = browser({ cookie: admin.cookie!, csrfToken: admin['x-csrf-token']! });
    const first = subscribe(client);
    const second = subscribe(client);
    await expect.poll(() => hub.http.live.subscribers).toBe(2);
    const third = subscribe(client);
    await third.received(1);
    expect(third.errors).toMatchObject([[{ extensions: { code: 'SUBSCRIPTION_LIMIT' } }]]);
    first.stop();
    second.stop();
    await expect.poll(() => hub.http.live.subscribers).toBe(0);
  });

  it('runs only subscriptions over the socket: queries and mutations go over HTTP', async () => {
    const { client } = browser({ cookie: admin.cookie!, csrfToken: admin['x-csrf-token']! });
    const query = subscribe(client, {}, '{ me { kind } }');
    await query.received(1);
    expect(query.errors).toMatchObject([[{ extensions: { code: 'BAD_USER_INPUT' } }]]);
  });

  it('closes a connection that sends a message over CX_LIVE_MAX_MESSAGE_BYTES', async () => {
    const { client, closed } = browser({
      cookie: admin.cookie!,
      csrfToken: admin['x-csrf-token']!,
    });
    subscribe(client, { filter: { ids: Array.from({ length: 100 }, () => 'x'.repeat(60)) } });
    expect((await closed).code).toBe(1009);
  });

  it('refuses a connection without a session, with a typed close reason', async () => {
    const { closed } = connect(hub, { origin: hub.baseUrl });
    expect(await closed).toEqual({ code: 4401, reason: 'SIGN_IN_REQUIRED' });
  });

  it('refuses a session cookie without its CSRF token', async () => {
    const { closed } = connect(hub, { cookie: council.cookie, origin: hub.baseUrl });
    expect(await closed).toEqual({ code: 4401, reason: 'CSRF_TOKEN_INVALID' });
  });

  it('refuses a session cookie sent from a foreign origin (cross-site WebSocket hijacking)', async () => {
    const { closed } = browser(council, 'https://evil.example');
    expect(await closed).toEqual({ code: 4403, reason: 'ORIGIN_NOT_ALLOWED' });
  });

  it('refuses an API token that does not work', async () => {
    const { closed } = connect(hub, {}, { authorization: 'Bearer cx_not_a_token' });
    expect(await closed).toEqual({ code: 4401, reason: 'TOKEN_INVALID' });
  });
});
