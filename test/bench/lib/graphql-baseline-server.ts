/**
 * The baselines of scenario 1, as a bare `node:http` server (no Express, no Apollo, no ORM),
 * started pinned to the server core like the hub:
 *
 * - `POST /trivial` answers the exact bytes the hub answers `{ __typename }` with
 *   (`BENCH_TRIVIAL_BODY`), after reading the request body;
 * - `POST /board` and `POST /nested` read the JSON body `{ "first": N }` and answer the same
 *   data as the initiative board and the nested account → contacts → feedback query, read by
 *   hand-written SQL (prepared statements, one per table, children fetched for the whole page at
 *   once) through better-sqlite3, the driver the hub uses, on the hub's own database file
 *   (`BENCH_SQLITE_PATH`, read-only), and serialised with `JSON.stringify`.
 *
 * Prints `baseline listening on <port>` when ready.
 */
import http from 'node:http';
import { openSqlite } from './hub.js';

const db = openSqlite(process.env.BENCH_SQLITE_PATH!, { readonly: true });
const trivial = Buffer.from(process.env.BENCH_TRIVIAL_BODY ?? '{"data":{"__typename":"Query"}}\n');

type Row = Record<string, any>;
const ids = (rows: Row[], key = 'id') => JSON.stringify([...new Set(rows.map((r) => r[key]))]);
function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const list = out.get(r[key]);
    if (list) list.push(r);
    else out.set(r[key], [r]);
  }
  return out;
}

const board = {
  page: db.prepare(
    'select id, code, title, status, process_group, owner_id from initiative order by code asc, id asc limit ?',
  ),
  count: db.prepare('select count(*) as n from initiative'),
  owners: db.prepare('select id, name from app_user where id in (select value from json_each(?))'),
  accounts: db.prepare(
    `select ia.initiative_id, a.id, a.name from initiative_account ia
       join client_account a on a.id = ia.client_account_id
      where ia.initiative_id in (select value from json_each(?)) order by a.name asc`,
  ),
  tasks: db.prepare(
    `select id, initiative_id, status, due_at from initiative_task
      where initiative_id in (select value from json_each(?)) order by created_at asc`,
  ),
  notifications: db.prepare(
    `select id, initiative_id, created_at, sent_at, status from (
       select id, initiative_id, created_at, sent_at, status,
              row_number() over (partition by initiative_id order by created_at desc, id desc) as n
         from client_notification where initiative_id in (select value from json_each(?)))
      where n = 1`,
  ),
  reviews: db.prepare(
    `select r.id, r.initiative_id, r.decision, c.id as council_id, c.name as council_name
       from council_review r join advisory_council c on c.id = r.council_id
      where r.initiative_id in (select value from json_each(?)) order by r.created_at desc`,
  ),
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function readBoard(first: number) {
  const page = board.page.all(first) as Row[];
  const pageIds = ids(page);
  const owners = new Map((board.owners.all(ids(page, 'owner_id')) as Row[]).map((u) => [u.id, u]));
  const accounts = groupBy(board.accounts.all(pageIds) as Row[], 'initiative_id');
  const tasks = groupBy(board.tasks.all(pageIds) as Row[], 'initiative_id');
  const notifications = groupBy(board.notifications.all(pageIds) as Row[], 'initiative_id');
  const reviews = groupBy(board.reviews.all(pageIds) as Row[], 'initiative_id');
  const now = Date.now();
  const open = (t: Row) => t.status === 'OPEN' || t.status === 'IN_PROGRESS';
  return {
    data: {
      initiatives: {
        totalCount: (board.count.get() as Row).n,
        nodes: page.map((i) => {
          const owner = owners.get(i.owner_id);
          const own = tasks.get(i.id) ?? [];
          return {
            id: i.id,
            code: i.code,
            title: i.title,
            status: i.status,
            processGroup: i.process_group,
            openTaskCount: own.filter(open).length,
            owner: owner ? { id: owner.id, name: owner.name } : null,
            affectedAccounts: (accounts.get(i.id) ?? []).map((a) => ({ id: a.id, name: a.name })),
            tasks: own.map((t) => ({
              id: t.id,
              overdue: open(t) && t.due_at !== null && t.due_at < now,
            })),
            notifications: (notifications.get(i.id) ?? []).map((n) => ({
              id: n.id,
              createdAt: iso(n.created_at),
              sentAt: iso(n.sent_at),
              status: n.status,
            })),
            councilReviews: (reviews.get(i.id) ?? []).map((r) => ({
              id: r.id,
              decision: r.decision,
              council: { id: r.council_id, name: r.council_name },
            })),
          };
        }),
      },
    },
  };
}

const nested = {
  page: db.prepare(
    'select id, name, segment_id from client_account order by name asc, id asc limit ?',
  ),
  segments: db.prepare('select id, name from segment where id in (select value from json_each(?))'),
  contacts: db.prepare(
    `select id, account_id, name from contact
      where account_id in (select value from json_each(?)) order by name asc`,
  ),
  feedback: db.prepare(
    `select id, contact_id, nps_score, touchpoint_id from (
       select id, contact_id, nps_score, touchpoint_id,
              row_number() over (partition by contact_id order by received_at desc, id desc) as n
         from feedback_item where contact_id in (select value from json_each(?))
     ) where n <= 3 order by contact_id, n`,
  ),
  touchpoints: db.prepare(
    `select t.id, t.name, p.name as process_class_name from touchpoint t
       join process_class p on p.id = t.process_class_id
      where t.id in (select value from json_each(?))`,
  ),
};

function readNested(first: number) {
  const page = nested.page.all(first) as Row[];
  const segments = new Map(
    (nested.segments.all(ids(page, 'segment_id')) as Row[]).map((s) => [s.id, s]),
  );
  const contactRows = nested.contacts.all(ids(page)) as Row[];
  const contacts = groupBy(contactRows, 'account_id');
  const feedbackRows = nested.feedback.all(ids(contactRows)) as Row[];
  const feedback = groupBy(feedbackRows, 'contact_id');
  const touchpoints = new Map(
    (
      nested.touchpoints.all(
        JSON.stringify([...new Set(feedbackRows.map((f) => f.touchpoint_id).filter(Boolean))]),
      ) as Row[]
    ).map((t) => [t.id, t]),
  );
  return {
    data: {
      clientAccounts: {
        nodes: page.map((a) => ({
          name: a.name,
          segment: { name: segments.get(a.segment_id)?.name },
          contacts: (contacts.get(a.id) ?? []).map((c) => ({
            name: c.name,
            recentFeedback: (feedback.get(c.id) ?? []).map((f) => {
              const t = f.touchpoint_id ? touchpoints.get(f.touchpoint_id) : undefined;
              return {
                npsScore: f.nps_score,
                touchpoint: t
                  ? { name: t.name, processClass: { name: t.process_class_name } }
                  : null,
              };
            }),
          })),
        })),
      },
    },
  };
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      if (req.url === '/trivial') {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': trivial.length,
        });
        res.end(trivial);
        return;
      }
      const { first } = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { first: number };
      const body =
        req.url === '/board'
          ? readBoard(first)
          : req.url === '/nested'
            ? readNested(first)
            : undefined;
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      const out = Buffer.from(JSON.stringify(body));
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': out.length,
      });
      res.end(out);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`baseline listening on ${typeof address === 'object' ? address?.port : address}`);
});
process.on('SIGTERM', () => {
  server.close();
  db.close();
  process.exit(0);
});
