/**
 * `npm run bench [-- --only intake,writes] [--quick]`
 *
 * Runs every benchmark scenario, one after another, each in a process of its own (so one
 * scenario's heap, caches and servers never weigh on the next), and writes
 * `test/bench/results/bench.{json,md}` with the machine's description. Timed figures are ratios
 * against a baseline measured side by side; counts are gates, and a failed gate makes the run
 * exit 1 (after the results are written). `--quick` runs each scenario small, to try the
 * harness; its figures are not the ones to quote.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { markdownOf, RESULTS_DIR, type ScenarioResult } from './lib/report.js';
import { describeMachine } from './lib/machine.js';
import { SCENARIOS } from './scenarios/index.js';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const only = args.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((k) => !SCENARIOS.some((s) => s.key === k)) ?? [];
if (unknown.length) {
  console.error(
    `Unknown scenario ${unknown.join(', ')}; there are ${SCENARIOS.map((s) => s.key).join(', ')}.`,
  );
  process.exit(1);
}

const root = path.resolve(import.meta.dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-bench-'));
const results: ScenarioResult[] = [];
const failed: string[] = [];
for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.key))) {
  const out = path.join(tmp, `${scenario.key}.json`);
  console.log(`\n=== ${scenario.title} (${scenario.file})`);
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'scenarios', scenario.file),
      '--out',
      out,
      ...(args.quick ? ['--quick'] : []),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (run.status !== 0 || !fs.existsSync(out)) {
    failed.push(`${scenario.key} (exit ${run.status ?? run.signal})`);
    continue;
  }
  results.push(JSON.parse(fs.readFileSync(out, 'utf8')) as ScenarioResult);
}
fs.rmSync(tmp, { recursive: true, force: true });

// Scenario 6 is read off scenarios 1 and 2: the peak memory of each server and worker they ran,
// round by round (figures named "memory: …"), must stay flat (no identity-map growth).
const memory = results.flatMap((s) =>
  s.figures
    .filter((f) => f.name.startsWith('memory'))
    .map((f) => ({ ...f, name: `${s.title.replace(/^\d+\. /, '')}: ${f.name}` })),
);
if (memory.length) {
  const at = results.findIndex((s) => s.key === 'workflows');
  results.splice(at < 0 ? results.length : at + 1, 0, {
    key: 'memory',
    title: '6. Memory',
    setup:
      'Peak resident memory of each server and worker process under scenarios 1 and 2, the last measured round against the first.',
    figures: memory,
    gates: [],
    notes: [],
    seconds: 0,
  });
}

const report = {
  at: new Date().toISOString(),
  machine: describeMachine(),
  quick: args.quick,
  scenarios: results,
};
const name = args.quick ? 'bench-quick' : only ? 'bench-partial' : 'bench';
fs.mkdirSync(RESULTS_DIR, { recursive: true });
fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(path.join(RESULTS_DIR, `${name}.md`), markdownOf(report));
console.log(`\nWrote ${path.relative(root, path.join(RESULTS_DIR, `${name}.{json,md}`))}`);

const gates = results.flatMap((s) =>
  s.gates.filter((g) => !g.passed).map((g) => `${s.key}: ${g.name}`),
);
if (failed.length) console.error(`Scenarios that did not finish: ${failed.join(', ')}`);
if (gates.length) console.error(`Failed gates:\n  ${gates.join('\n  ')}`);
process.exitCode = failed.length || gates.length ? 1 : 0;
