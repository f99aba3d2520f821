/**
 * Scenario 4, analytics at scale: the Pareto, index, finance and other analytics queries over
 * 1,000,000 feedback items on PostgreSQL and 100,000 on SQLite, each set against one plain SQL
 * aggregate over the same rows, run side by side (alternating rounds after a warm-up; the
 * median ratio is what counts on a noisy machine). The company is the demo's, replicated in SQL
 * to the size. Run by `npm run bench` (or `npm run bench -- --only analytics`); `--quick` uses
 * 100,000 and 20,000 items.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initORM, migrateUp, type Orm } from '../../../server/src/db/orm.js';
import { startThrowawayPostgres } from '../../../server/src/db/throwaway-postgres.js';
import { loadDemo } from '../../../server/src/demo/load.js';
import { recomputePeriodFigures } from '../../../server/src/modules/monitor/period-figures.js';
import { replicateCompany, type Dialect } from '../replicate-company.js';
import { ANALYTICS_QUERIES, type AnalyticsQuery } from '../analytics-queries.js';
import { writeScenario, type Figure } from '../lib/report.js';
import { median, timed } from '../lib/stats.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'pg-items': { type: 'string' },
    'sqlite-items': { type: 'string' },
    rounds: { type: 'string', default: '5' },
  },
});
const ROUNDS = Math.max(args.quick ? 2 : 5, Number(args.rounds));
const PG_ITEMS = Number(args['pg-items'] ?? (args.quick ? 100_000 : 1_000_000));
const SQLITE_ITEMS = Number(args['sqlite-items'] ?? (args.quick ? 20_000 : 100_000));

interface Measured {
  dialect: Dialect;
  items: number;
  query: string;
  medianMs: number;
  baselineMedianMs: number;
  /** Median over rounds of (query ÷ baseline) measured in the same round. */
  medianRatio: number;
  minRatio: number;
  maxRatio: number;
  rows: number;
}

async function measure(orm: Orm, dialect: Dialect, items: number, q: AnalyticsQuery) {
  const em = () => orm.em.fork();
  await q.run(em(), NOW); // warm-up
  await q.baseline(em(), NOW);
  const runs: number[] = [];
  const bases: number[] = [];
  const ratios: number[] = [];
  let rows = 0;
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first so neither profits from the other's cache every round.
    const first = r % 2 === 0;
    const [a, n] = first ? await timed(() => q.run(em(), NOW)) : [0, 0];
    const [b] = await timed(() => q.baseline(em(), NOW));
    const [a2, n2] = first ? [a, n] : await timed(() => q.run(em(), NOW));
    runs.push(a2);
    bases.push(b);
    ratios.push(a2 / b);
    rows = n2;
  }
  return {
    dialect,
    items,
    query: q.name,
    medianMs: median(runs),
    baselineMedianMs: median(bases),
    medianRatio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    rows,
  } satisfies Measured;
}

async function runDialect(dialect: Dialect, target: number): Promise<Measured[]> {
  const pg = dialect === 'postgresql' ? await startThrowawayPostgres() : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-bench-'));
  const orm =
    dialect === 'postgresql'
      ? await initORM({ databaseUrl: pg!.adminUrl, poolMax: 4 })
      : await initORM({ sqlitePath: path.join(dir, 'bench.sqlite') });
  try {
    await migrateUp(orm);
    await loadDemo(orm, { seed: 1, scale: 1, now: NOW });
    const em = orm.em.fork();
    const [base] = await em.execute<{ n: number | string }[]>(
      'select count(*) as n from feedback_item',
    );
    const copies = Math.max(1, Math.round(target / Number(base!.n)));
    const [ms, items] = await timed(() => replicateCompany(em, dialect, copies));
    await em.execute('analyze');
    // The monitor's period figures (the forecast panel reads them), as its first run would.
    const [pfMs, pfRows] = await timed(() =>
      recomputePeriodFigures(orm.em.fork(), '2025-06', '2026-06', NOW),
    );
    console.log(`  period figures: ${pfRows} rows in ${(pfMs / 1000).toFixed(1)} s`);
    console.log(
      `${dialect}: ${items} feedback items (${copies} copies, ${(ms / 1000).toFixed(1)} s)`,
    );
    const out: Measured[] = [];
    for (const q of ANALYTICS_QUERIES) {
      const m = await measure(orm, dialect, items, q);
      console.log(
        `  ${q.name}: ${m.medianMs.toFixed(0)} ms (baseline ${m.baselineMedianMs.toFixed(0)} ms, ratio ${m.medianRatio.toFixed(2)} [${m.minRatio.toFixed(2)}–${m.maxRatio.toFixed(2)}])`,
      );
      out.push(m);
    }
    return out;
  } finally {
    await orm.close(true);
    pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const began = Date.now();
const results = [
  ...(await runDialect('postgresql', PG_ITEMS)),
  ...(await runDialect('sqlite', SQLITE_ITEMS)),
];
const PARETO = ANALYTICS_QUERIES[0]!.name;
const figures: Figure[] = results.map((r) => {
  const paretoOnPg = r.dialect === 'postgresql' && r.query === PARETO;
  return {
    name: `${r.dialect}, ${r.items.toLocaleString('en-US')} items: ${r.query}`,
    value: r.medianMs,
    unit: 'ms',
    baseline: { name: 'one SQL aggregate over the same rows', value: r.baselineMedianMs },
    ratio: { median: r.medianRatio, min: r.minRatio, max: r.maxRatio, rounds: ROUNDS },
    ...(paretoOnPg && r.items >= 1_000_000
      ? { target: { text: 'Pareto over 1M items < 2 s', met: r.medianMs < 2000 } }
      : {}),
  };
});
writeScenario(args.out, {
  key: 'analytics',
  title: '4. Analytics at scale',
  setup: `The demo company replicated in SQL to ${PG_ITEMS.toLocaleString('en-US')} feedback items on PostgreSQL and ${SQLITE_ITEMS.toLocaleString('en-US')} on SQLite; each query as the hub runs it (its service's SQL) against one plain SQL aggregate over the same rows and window (test/bench/analytics-queries.ts); ${ROUNDS} alternating rounds after a warm-up.`,
  figures,
  gates: results.map((r) => ({
    name: `${r.dialect}: ${r.query} returns rows`,
    expected: '> 0',
    actual: String(r.rows),
    passed: r.rows > 0,
  })),
  notes: [
    'The ratio says how much more than reading the rows once each query costs: the index, forecast and computable/trigger panels join and group several tables per account and month, which the single aggregate does not.',
  ],
  seconds: (Date.now() - began) / 1000,
});
