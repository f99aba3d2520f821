/**
 * The load of scenario 7: `submitFeedback` over HTTP with an API token, closed-loop with a fixed
 * number of requests in flight, spread round-robin over the API processes, and the database
 * queries that read what became of every accepted item.
 */
import pg from 'pg';

const SUBMIT = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id status } } }`;

async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; body: { data?: T; errors?: unknown[] } }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as never };
}

/** Signs in as the admin and makes an API token with FEEDBACK_WRITE (the integrator's way in). */
export async function createApiToken(
  url: string,
  admin: { email: string; password: string },
): Promise<string> {
  const signIn = await graphql<{ signIn: { csrfToken: string } }>(
    url,
    `
      mutation ($input: SignInInput!) {
        signIn(input: $input) {
          csrfToken
        }
      }
    `,
    { input: admin },
    {},
  );
  if (!signIn.body.data) throw new Error(`sign-in failed: ${JSON.stringify(signIn.body.errors)}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const made = await graphql<{ createApiToken: { secret: string } }>(
    url,
    `
      mutation {
        createApiToken(input: { name: "scale-out bench", scopes: [FEEDBACK_WRITE, READ] }) {
          secret
        }
      }
    `,
    {},
    { cookie, 'x-csrf-token': signIn.body.data.signIn.csrfToken },
  );
  if (!made.body.data)
    throw new Error(`createApiToken failed: ${JSON.stringify(made.body.errors)}`);
  return made.body.data.createApiToken.secret;
}

/** Global ids of the seeded demo accounts (base64url of `ClientAccount:<uuid>`, as the API reads them). */
export async function demoAccountIds(databaseUrl: string, limit = 20): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      'select id from client_account order by id limit $1',
      [limit],
    );
    return rows.map((r) => Buffer.from(`ClientAccount:${r.id}`, 'utf8').toString('base64url'));
  } finally {
    await client.end();
  }
}

export interface LoadResult {
  /** Ids of the items the API answered for (accepted). */
  accepted: string[];
  /** Requests that failed (HTTP error, GraphQL error, connection error). */
  errors: number;
  firstError?: string;
  /** Wall time of the load, ms. */
  ms: number;
  /** HTTP round trip of each accepted request, ms. */
  latencies: number[];
}

/**
 * Closed loop: `concurrency` loops, each sending its next request when its previous one is
 * answered, for `durationMs`; loop i talks to API `i % urls.length`.
 */
export async function closedLoop(opts: {
  urls: string[];
  token: string;
  accountIds: string[];
  concurrency: number;
  durationMs: number;
  tag: string;
}): Promise<LoadResult> {
  const accepted: string[] = [];
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let n = 0;
  const started = performance.now();
  const until = started + opts.durationMs;
  const loop = async (i: number) => {
    const url = opts.urls[i % opts.urls.length]!;
    while (performance.now() < until) {
      const k = n++;
      const t = performance.now();
      try {
        const res = await graphql<{ submitFeedback: { feedbackItem: { id: string } } }>(
          url,
          SUBMIT,
          {
            input: {
              accountId: opts.accountIds[k % opts.accountIds.length],
              channel: 'COMPLAINT',
              npsScore: k % 11,
              text: `Scale-out bench ${opts.tag} #${k}: delivery arrived late again`,
              language: 'en',
            },
          },
          { authorization: `Bearer ${opts.token}` },
        );
        const id = res.body.data?.submitFeedback.feedbackItem.id;
        if (res.status !== 200 || !id)
          throw new Error(`${res.status} ${JSON.stringify(res.body.errors)}`);
        accepted.push(id);
        latencies.push(performance.now() - t);
      } catch (err) {
        errors++;
        firstError ??= String(err).slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => loop(i)));
  return { accepted, errors, firstError, ms: performance.now() - started, latencies };
}

/** Database uuids of GraphQL global ids (`ClientAccount:…`, `FeedbackItem:…`). */
export function uuidOf(globalId: string): string {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

export interface Outcome {
  received: number;
  acknowledged: number;
  /** acknowledgedAt − createdAt of each acknowledged item, ms. */
  ackMs: number[];
  /** min(createdAt) and max(acknowledgedAt), epoch ms. */
  firstCreated: number;
  lastAcknowledged: number;
}

/** What became of the items: status counts and accept → ACKNOWLEDGED times, from the database. */
export async function outcomeOf(db: pg.Client, ids: string[]): Promise<Outcome> {
  const { rows } = await db.query<{
    status: string;
    created: string;
    acked: string | null;
  }>(
    `select status,
            extract(epoch from created_at) * 1000 as created,
            extract(epoch from acknowledged_at) * 1000 as acked
       from feedback_item where id = any($1::uuid[])`,
    [ids],
  );
  const ackMs: number[] = [];
  let received = 0;
  let lastAcknowledged = 0;
  let firstCreated = Infinity;
  for (const r of rows) {
    if (r.status === 'RECEIVED') received++;
    firstCreated = Math.min(firstCreated, Number(r.created));
    if (r.acked !== null) {
      ackMs.push(Number(r.acked) - Number(r.created));
      lastAcknowledged = Math.max(lastAcknowledged, Number(r.acked));
    }
  }
  return { received, acknowledged: ackMs.length, ackMs, firstCreated, lastAcknowledged };
}

/** Waits until none of `ids` is RECEIVED (or `timeoutMs` passes); returns the outcome then. */
export async function drained(db: pg.Client, ids: string[], timeoutMs: number): Promise<Outcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ n: string }>(
      `select count(*) as n from feedback_item where id = any($1::uuid[]) and acknowledged_at is null`,
      [ids],
    );
    if (Number(rows[0]!.n) === 0 || Date.now() > deadline) return outcomeOf(db, ids);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Per item: acknowledgement outbox rows and `acknowledgeFeedback` audit events (each must be one). */
export async function acknowledgementCounts(
  db: pg.Client,
  ids: string[],
): Promise<{ notifications: Map<string, number>; audits: Map<string, number> }> {
  const notifications = new Map<string, number>();
  const audits = new Map<string, number>();
  const n = await db.query<{ id: string; n: string }>(
    `select feedback_item_id as id, count(*) as n from client_notification
      where kind = 'FEEDBACK_ACKNOWLEDGEMENT' and feedback_item_id = any($1::uuid[]) group by 1`,
    [ids],
  );
  for (const r of n.rows) notifications.set(r.id, Number(r.n));
  const a = await db.query<{ id: string; n: string }>(
    `select entity_id as id, count(*) as n from audit_event
      where action = 'acknowledgeFeedback' and entity_id = any($1::text[]) group by 1`,
    [ids],
  );
  for (const r of a.rows) audits.set(r.id, Number(r.n));
  return { notifications, audits };
}
