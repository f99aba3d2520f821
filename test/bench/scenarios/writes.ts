/**
 * Scenario 3, writes: a bulk import of 10,000 metric observations through the API
 * (`importMetricObservations`, one call: the API takes up to 10,000 rows a call) ÷ the same
 * rows written by prepared inserts in one transaction through the raw driver the hub uses
 * (better-sqlite3; node-postgres on a throwaway PostgreSQL) into the same database, the account and metric keys resolved
 * by one select each as the import has to. Alternating rounds after a warm-up; after every
 * round (untimed) the rows written are deleted, so each round starts from the same table state.
 * Gate: rows written = 10,000 in every round, on both sides.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startThrowawayPostgres } from '../../../server/src/db/throwaway-postgres.js';
import { createApiToken, graphqlRequest, openSqlite, startHub } from '../lib/hub.js';
import { describeMachine, LOAD_CORE, pinSelf, SERVER_CORE } from '../lib/machine.js';
import { writeScenario, type Gate } from '../lib/report.js';
import { abRounds, timed } from '../lib/stats.js';

const started = Date.now();
const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = args.quick;
const ROWS = quick ? 2_000 : 10_000;
const ROUNDS = 5;
const DIALECTS = ['sqlite', 'postgresql'] as const;
const ACCOUNTS = 100;
const PREFIX = 'bench-writes-';

interface Row {
  externalId: string;
  metricCode: string;
  accountExternalId: string;
  period: string;
  value: number;
  sampleSize: number;
  source: string;
}

/** Months from 1900-01 on: far before any demo figure, so no natural key is taken. */
function period(i: number): string {
  return `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The raw driver on the hub's database: the baseline's writes and the untimed count/clean-up. */
interface RawDb {
  first<T>(sql: string, params: unknown[]): Promise<T[]>;
  /** Resolves the keys with one select each and inserts the rows in one transaction. */
  insertAll(rows: Row[]): Promise<void>;
  countAndClean(): Promise<number>;
  close(): Promise<void>;
}

const INSERT_COLUMNS =
  'id, external_id, metric_id, account_id, period, value, sample_size, source, created_at, updated_at';

/** One row's values in INSERT_COLUMNS order, for either driver's prepared insert. */
function insertValues(
  r: Row,
  metric: string,
  ids: Map<string, string>,
  now: number | Date,
): unknown[] {
  return [
    randomUUID(),
    r.externalId,
    metric,
    ids.get(r.accountExternalId),
    r.period,
    r.value,
    r.sampleSize,
    r.source,
    now,
    now,
  ];
}

function sqliteRaw(file: string): RawDb {
  const db = openSqlite(file);
  const insert = db.prepare(
    `insert into metric_observation (${INSERT_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const metricId = db.prepare('select id from metric_definition where code = ?');
  const accountIds = db.prepare(
    'select id, external_id from client_account where external_id in (select value from json_each(?))',
  );
  return {
    first: async <T>(sql: string, params: unknown[]) => db.prepare(sql).all(...params) as T[],
    insertAll: async (rows) => {
      const metric = (metricId.get(rows[0]!.metricCode) as { id: string }).id;
      const ids = new Map(
        (
          accountIds.all(JSON.stringify([...new Set(rows.map((r) => r.accountExternalId))])) as {
            id: string;
            external_id: string;
          }[]
        ).map((a) => [a.external_id, a.id]),
      );
      const now = Date.now();
      db.transaction(() => {
        for (const r of rows) insert.run(...insertValues(r, metric, ids, now));
      })();
    },
    countAndClean: async () => {
      const n = (
        db
          .prepare('select count(*) as n from metric_observation where external_id like ?')
          .get(`${PREFIX}%`) as { n: number }
      ).n;
      db.prepare('delete from metric_observation where external_id like ?').run(`${PREFIX}%`);
      db.pragma('wal_checkpoint(truncate)');
      return n;
    },
    close: async () => db.close(),
  };
}

async function postgresRaw(url: string): Promise<RawDb> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    first: async <T>(sql: string, params: unknown[]) =>
      (await client.query(sql, params)).rows as T[],
    insertAll: async (rows) => {
      const metric = (
        await client.query({
          name: 'bench-metric',
          text: 'select id from metric_definition where code = $1',
          values: [rows[0]!.metricCode],
        })
      ).rows[0].id as string;
      const ids = new Map(
        (
          await client.query({
            name: 'bench-accounts',
            text: 'select id, external_id from client_account where external_id = any($1)',
            values: [[...new Set(rows.map((r) => r.accountExternalId))]],
          })
        ).rows.map((a: { id: string; external_id: string }) => [a.external_id, a.id]),
      );
      const now = new Date();
      await client.query('begin');
      // One statement at a time, as node-postgres runs them on one connection.
      for (const r of rows)
        await client.query({
          name: 'bench-insert',
          text: `insert into metric_observation (${INSERT_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          values: insertValues(r, metric, ids, now),
        });
      await client.query('commit');
    },
    countAndClean: async () => {
      const n = Number(
        (
          await client.query(
            'select count(*) as n from metric_observation where external_id like $1',
            [`${PREFIX}%`],
          )
        ).rows[0].n,
      );
      await client.query('delete from metric_observation where external_id like $1', [
        `${PREFIX}%`,
      ]);
      return n;
    },
    close: () => client.end(),
  };
}

const MUTATION = `mutation ($rows: [MetricObservationRow!]!) {
  importMetricObservations(rows: $rows) { accepted refused }
}`;

async function measure(dialect: 'sqlite' | 'postgresql') {
  const pgServer = dialect === 'postgresql' ? await startThrowawayPostgres() : undefined;
  const hub = await startHub({
    env: { CX_RUN_WORKER: 'false', ...(pgServer ? { DATABASE_URL: pgServer.adminUrl } : {}) },
  }).catch((error: unknown) => {
    pgServer?.stop();
    throw error;
  });
  let raw: RawDb | undefined;
  try {
    raw = pgServer
      ? await postgresRaw(pgServer.adminUrl)
      : sqliteRaw(path.join(hub.dataDir, 'hub.sqlite'));
    const db = raw;
    const token = await createApiToken(hub.url, ['FIGURES_WRITE']);
    const [{ code: metricCode }] = (await db.first<{ code: string }>(
      'select code from metric_definition order by code limit 1',
      [],
    )) as [{ code: string }];
    const accounts = (
      await db.first<{ external_id: string }>(
        `select external_id from client_account where external_id is not null order by external_id limit ${ACCOUNTS}`,
        [],
      )
    ).map((a) => a.external_id);
    let round = 0;
    const rowsOf = (tag: string): Row[] =>
      Array.from({ length: ROWS }, (_, i) => ({
        externalId: `${PREFIX}${tag}-${i}`,
        metricCode,
        accountExternalId: accounts[i % accounts.length]!,
        period: period(Math.floor(i / accounts.length)),
        value: (i % 97) / 10,
        sampleSize: i % 50,
        source: 'bench',
      }));
    const written: { side: string; rows: number }[] = [];
    const viaApi = async () => {
      const rows = rowsOf(`api-${round++}`);
      const [ms, res] = await timed(() =>
        graphqlRequest(hub.url, MUTATION, { rows }, { authorization: `Bearer ${token}` }),
      );
      if (res.errors?.length) throw new Error(JSON.stringify(res.errors).slice(0, 1000));
      written.push({ side: 'api', rows: await db.countAndClean() });
      return ms;
    };
    const viaDriver = async () => {
      const rows = rowsOf(`sql-${round++}`);
      const [ms] = await timed(() => db.insertAll(rows));
      written.push({ side: 'driver', rows: await db.countAndClean() });
      return ms;
    };
    console.log(`writes on ${dialect}…`);
    const ab = await abRounds(viaApi, viaDriver, { rounds: ROUNDS, warmup: 1 });
    return { dialect, ab, written };
  } finally {
    await raw?.close();
    await hub.stop();
    pgServer?.stop();
  }
}

const pinnedLoad = pinSelf(LOAD_CORE);
const measured = [];
for (const dialect of DIALECTS) measured.push(await measure(dialect));

{
  const gates: Gate[] = measured.flatMap(({ dialect, written }) =>
    ['api', 'driver'].map((side) => {
      const counts = written.filter((w) => w.side === side).map((w) => w.rows);
      return {
        name: `${dialect}: rows written per round, ${side === 'api' ? 'importMetricObservations' : 'raw driver'}`,
        expected: `${ROWS} in each of ${ROUNDS + 1} rounds`,
        actual: counts.join(', '),
        passed: counts.length === ROUNDS + 1 && counts.every((n) => n === ROWS),
      };
    }),
  );
  const p99 = (xs: number[]) => Math.max(...xs);
  const driverName = { sqlite: 'better-sqlite3', postgresql: 'node-postgres (pg)' };

  writeScenario(args.out, {
    key: 'writes',
    title: '3. Writes: bulk import',
    setup: [
      `${ROWS.toLocaleString('en-US')} new metric observations (one metric, ${ACCOUNTS} accounts × ${Math.ceil(ROWS / ACCOUNTS)} months) per round in one importMetricObservations call over HTTP with a FIGURES_WRITE API token, against prepared inserts of the same rows in one transaction through the raw driver on the hub's own database (${DIALECTS.join(' and ')}; PostgreSQL is a throwaway cluster as the tests start it).`,
      'Hub on the embedded defaults otherwise (NODE_ENV=production, rate limits off, CX_RUN_WORKER=false), demo company seeded.',
      `${ROUNDS} measured A/B rounds after 1 warm-up per database; the rows are deleted (untimed) after each round.`,
      pinnedLoad
        ? `Hub pinned to core ${SERVER_CORE}; this process (HTTP client and raw driver) to core ${LOAD_CORE}; PostgreSQL not pinned.`
        : 'Not pinned.',
      describeMachine(),
      quick ? `Quick mode: ${ROWS} rows, figures not to quote.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    figures: measured.flatMap(({ dialect, ab }) => [
      {
        name: `${dialect}: bulk import of ${ROWS.toLocaleString('en-US')} observations (importMetricObservations)`,
        value: ab.aMedian,
        p99: p99(ab.a),
        unit: 'ms',
        baseline: {
          name: `prepared inserts in one transaction (${driverName[dialect]})`,
          value: ab.bMedian,
          p99: p99(ab.b),
        },
        ratio: ab.ratio,
        target: { text: '≤ 3×', met: ab.ratio.median <= 3 },
      },
      {
        name: `${dialect}: import throughput through the API`,
        value: ROWS / (ab.aMedian / 1000),
        unit: 'rows/s',
        baseline: { name: 'raw driver', value: ROWS / (ab.bMedian / 1000) },
      },
    ]),
    gates,
    notes: [
      ...measured.map(
        ({ dialect, ab }) =>
          `${dialect}: API rounds (ms): ${ab.a.map((x) => x.toFixed(0)).join(', ')}; driver rounds (ms): ${ab.b.map((x) => x.toFixed(0)).join(', ')}. The "p99" column is the slowest measured round.`,
      ),
      'The API side includes HTTP, JSON parsing of the request, GraphQL validation and input coercion of every row, the per-row rules (keys, periods, duplicates), reading the existing records by key, ORM unit-of-work inserts and one audit event; the driver side only resolves the two keys and inserts.',
      'On PostgreSQL the raw baseline pays one client–server round trip per row (a prepared single-row insert), so it is much slower than on SQLite while the import sends multi-row inserts of ~300 rows; the ratio there mostly compares round trips.',
      'Where the time goes (SQLite, measured in-process while this benchmark was written, 2,000 rows a call: 205–220 ms and 15 SQL statements a call, i.e. the rows are read by key in 3 statements and inserted in multi-row inserts of ~300): the ORM unit of work (entity create, change-set computation, commit) is most of it, then GraphQL input coercion of every row; the insert statements themselves are a small part. No small, safe fix was found: closing the gap to ≤ 3× means bypassing the unit of work for new rows (a native multi-row insert), which changes how the import writes.',
    ],
    seconds: (Date.now() - started) / 1000,
  });
}
