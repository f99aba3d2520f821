/**
 * Scenario 3, writes: a bulk import of 10,000 metric observations through the API
 * (`importMetricObservations`, one call: the API takes up to 10,000 rows a call) ÷ the same
 * rows written by prepared inserts in one transaction through the raw driver (better-sqlite3,
 * the driver the hub uses) into the same database file, the account and metric keys resolved
 * by one select each as the import has to. Alternating rounds after a warm-up; after every
 * round (untimed) the rows written are deleted, so each round starts from the same table state.
 * Gate: rows written = 10,000 in every round, on both sides.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
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

const pinnedLoad = pinSelf(LOAD_CORE);
const hub = await startHub({ env: { CX_RUN_WORKER: 'false' } });
const db = openSqlite(path.join(hub.dataDir, 'hub.sqlite'));

try {
  const token = await createApiToken(hub.url, ['FIGURES_WRITE']);
  const metricCode = (
    db.prepare('select code from metric_definition order by code limit 1').get() as {
      code: string;
    }
  ).code;
  const accounts = (
    db
      .prepare(
        'select external_id from client_account where external_id is not null order by external_id limit ?',
      )
      .all(ACCOUNTS) as { external_id: string }[]
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
  const countAndClean = () => {
    const n = (
      db
        .prepare('select count(*) as n from metric_observation where external_id like ?')
        .get(`${PREFIX}%`) as { n: number }
    ).n;
    db.prepare('delete from metric_observation where external_id like ?').run(`${PREFIX}%`);
    db.pragma('wal_checkpoint(truncate)');
    return n;
  };

  const MUTATION = `mutation ($rows: [MetricObservationRow!]!) {
    importMetricObservations(rows: $rows) { accepted refused }
  }`;
  const written: { side: string; rows: number }[] = [];
  const viaApi = async () => {
    const rows = rowsOf(`api-${round++}`);
    const [ms, res] = await timed(() =>
      graphqlRequest(hub.url, MUTATION, { rows }, { authorization: `Bearer ${token}` }),
    );
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors).slice(0, 1000));
    written.push({ side: 'api', rows: countAndClean() });
    return ms;
  };

  const insert = db.prepare(
    `insert into metric_observation
       (id, external_id, metric_id, account_id, period, value, sample_size, source, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const metricId = db.prepare('select id from metric_definition where code = ?');
  const accountIds = db.prepare(
    'select id, external_id from client_account where external_id in (select value from json_each(?))',
  );
  const viaDriver = async () => {
    const rows = rowsOf(`sql-${round++}`);
    const [ms] = await timed(async () => {
      const metric = (metricId.get(metricCode) as { id: string }).id;
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
        for (const r of rows)
          insert.run(
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
          );
      })();
    });
    written.push({ side: 'driver', rows: countAndClean() });
    return ms;
  };

  console.log('writes…');
  const ab = await abRounds(viaApi, viaDriver, { rounds: ROUNDS, warmup: 1 });

  const gates: Gate[] = ['api', 'driver'].map((side) => {
    const counts = written.filter((w) => w.side === side).map((w) => w.rows);
    return {
      name: `rows written per round, ${side === 'api' ? 'importMetricObservations' : 'raw driver'}`,
      expected: `${ROWS} in each of ${ROUNDS + 1} rounds`,
      actual: counts.join(', '),
      passed: counts.length === ROUNDS + 1 && counts.every((n) => n === ROWS),
    };
  });
  const p99 = (xs: number[]) => Math.max(...xs);

  writeScenario(args.out, {
    key: 'writes',
    title: '3. Writes: bulk import',
    setup: [
      `${ROWS.toLocaleString('en-US')} new metric observations (one metric, ${ACCOUNTS} accounts × ${Math.ceil(ROWS / ACCOUNTS)} months) per round in one importMetricObservations call over HTTP with a FIGURES_WRITE API token, against prepared inserts of the same rows in one transaction through better-sqlite3 on the hub's SQLite file (PostgreSQL not measured).`,
      'Hub on the embedded defaults (NODE_ENV=production, rate limits off, CX_RUN_WORKER=false), demo company seeded.',
      `${ROUNDS} measured A/B rounds after 1 warm-up; the rows are deleted (untimed) after each round.`,
      pinnedLoad
        ? `Hub pinned to core ${SERVER_CORE}; this process (HTTP client and raw driver) to core ${LOAD_CORE}.`
        : 'Not pinned.',
      describeMachine(),
      quick ? `Quick mode: ${ROWS} rows, figures not to quote.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    figures: [
      {
        name: `bulk import of ${ROWS.toLocaleString('en-US')} observations (importMetricObservations)`,
        value: ab.aMedian,
        p99: p99(ab.a),
        unit: 'ms',
        baseline: {
          name: 'prepared inserts in one transaction (better-sqlite3)',
          value: ab.bMedian,
          p99: p99(ab.b),
        },
        ratio: ab.ratio,
        target: { text: '≤ 3×', met: ab.ratio.median <= 3 },
      },
      {
        name: 'import throughput through the API',
        value: ROWS / (ab.aMedian / 1000),
        unit: 'rows/s',
        baseline: { name: 'raw driver', value: ROWS / (ab.bMedian / 1000) },
      },
    ],
    gates,
    notes: [
      `API rounds (ms): ${ab.a.map((x) => x.toFixed(0)).join(', ')}; driver rounds (ms): ${ab.b.map((x) => x.toFixed(0)).join(', ')}. The "p99" column is the slowest measured round.`,
      'The API side includes HTTP, JSON parsing of the request, GraphQL validation and input coercion of every row, the per-row rules (keys, periods, duplicates), reading the existing records by key, ORM unit-of-work inserts and one audit event; the driver side only resolves the two keys and inserts.',
      'Where the time goes (measured in-process while this benchmark was written, 2,000 rows a call: 205–220 ms and 15 SQL statements a call, i.e. the rows are read by key in 3 statements and inserted in multi-row inserts of ~300): the ORM unit of work (entity create, change-set computation, commit) is most of it, then GraphQL input coercion of every row; the insert statements themselves are a small part. No small, safe fix was found: closing the gap to ≤ 3× means bypassing the unit of work for new rows (a native multi-row insert), which changes how the import writes.',
    ],
    seconds: (Date.now() - started) / 1000,
  });
} finally {
  db.close();
  await hub.stop();
}
