/**
 * Analytics at scale (issue 9, item 11): the Pareto, index and finance queries over 1,000,000
 * feedback items on PostgreSQL and 100,000 on SQLite, each set against one plain SQL aggregate
 * over the same rows, run side by side (alternating rounds after a warm-up; the median ratio is
 * what counts on a noisy machine). The company is the demo's, replicated in SQL to the size.
 *
 *   npm run bench:analytics -- [--pg-items 1000000] [--sqlite-items 100000] [--rounds 5]
 *
 * Writes `test/bench/results/analytics-scale.{json,md}`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initORM, migrateUp, type Orm } from '../../server/src/db/orm.js';
import { startThrowawayPostgres } from '../../server/src/db/throwaway-postgres.js';
import { loadDemo } from '../../server/src/demo/load.js';
import { recomputePeriodFigures } from '../../server/src/modules/monitor/period-figures.js';
import { replicateCompany, type Dialect } from './replicate-company.js';
import { ANALYTICS_QUERIES, type AnalyticsQuery } from './analytics-queries.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const { values: args } = parseArgs({
  options: {
    'pg-items': { type: 'string', default: '1000000' },
    'sqlite-items': { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
  },
});
const ROUNDS = Math.max(1, Number(args.rounds));

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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const out = await f();
  return [Number(process.hrtime.bigint() - t) / 1e6, out];
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

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

const results = [
  ...(await runDialect('postgresql', Number(args['pg-items']))),
  ...(await runDialect('sqlite', Number(args['sqlite-items']))),
];
const dirOut = path.join('test', 'bench', 'results');
fs.mkdirSync(dirOut, { recursive: true });
const at = new Date().toISOString();
fs.writeFileSync(
  path.join(dirOut, 'analytics-scale.json'),
  `${JSON.stringify({ at, machine: machine(), rounds: ROUNDS, results }, null, 2)}\n`,
);
const md = [
  `# Analytics at scale`,
  '',
  `Run ${at} on ${machine()}; ${ROUNDS} alternating rounds after a warm-up.`,
  '',
  '| database | feedback items | query | median ms | baseline median ms | ratio (median, min–max) |',
  '|---|---:|---|---:|---:|---|',
  ...results.map(
    (r) =>
      `| ${r.dialect} | ${r.items.toLocaleString('en')} | ${r.query} | ${r.medianMs.toFixed(0)} | ${r.baselineMedianMs.toFixed(0)} | ${r.medianRatio.toFixed(2)} (${r.minRatio.toFixed(2)}–${r.maxRatio.toFixed(2)}) |`,
  ),
  '',
];
fs.writeFileSync(path.join(dirOut, 'analytics-scale.md'), md.join('\n'));
