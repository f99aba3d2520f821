import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Raw SQL and query builders do not pass through the row-scope filter. Each file that uses them
 * is listed with why no restricted viewer reaches it; a new one fails here until it is reviewed.
 */
const reviewed: Record<string, string> = {
  'server/src/app.ts': 'health check: `select 1`',
  'server/src/db/orm.ts': 'SQLite pragmas at start-up',
  'server/src/demo/load.ts': 'the demo loader (no viewer, no request)',
  'server/src/demo/restamp.ts': 'the demo loader (no viewer, no request)',
  'server/src/demo/demo-sign-ins.ts': 'start-up (no viewer, no request)',
  'server/src/modules/privacy/audit-erasure.ts': 'eraseContact: CX admins only',
  'server/src/modules/privacy/erasure-needles.ts': 'eraseContact: CX admins only',
  'server/src/modules/privacy/free-text.sweep.ts': 'eraseContact: CX admins only',
  'server/src/graphql/loaders.ts':
    'batch loaders take the filtered path when the scope hides rows of the entity',
  'server/src/modules/initiative/council-agenda.ts': 'built in activities (system)',
  'server/src/modules/initiative/council-request.service.ts': 'runs in activities (system)',
  'server/src/modules/initiative/initiative.links.ts': 'runs in activities (system)',
  'server/src/modules/initiative/initiative.service.ts':
    'next initiative code: createInitiative is for the CX office and INITIATIVES_WRITE tokens',
  'server/src/modules/analyse/pareto.query.ts':
    'runParetoAnalysis (CX office only) and the Pareto workflow (system)',
  'server/src/modules/analyse/pareto.proposals.ts':
    'runParetoAnalysis (CX office only) and the Pareto workflow (system)',
  'server/src/modules/analyse/pareto.service.ts':
    'runParetoAnalysis (CX office only) and the Pareto workflow (system)',
  'server/src/modules/survey/survey-response.service.ts':
    'surveyResponseRates: the CX office and READ tokens only',
  'server/src/modules/maturity/maturity.evidence.ts':
    'maturity queries and recompute: the CX office and READ tokens only',
  'server/src/modules/monitor/period-figures.ts': "the monitor workflow's activity (system)",
  'server/src/modules/analytics/index/index.queries.ts':
    "the satisfaction index: the monitor's analytics step (system) and CX office calibration",
  'server/src/modules/analytics/index/index-read.service.ts':
    'satisfactionIndexTrend: the CX office and READ tokens only',
  'server/src/modules/analytics/index/alignment.service.ts':
    'scale-aligned scores: aggregate figures for the CX office only',
  'server/src/modules/monitor/divergence.ts': "the monitor workflow's activity (system)",
  'server/src/modules/analytics/effect/effect.query.ts':
    'effects are computed in the initiative activity and the monitor activity (system); readers get the stored rows',
  'server/src/modules/analytics/finance/finance.query.ts':
    "the monitor's analytics step (system), and financeLinkage / computableShare: the CX office and READ tokens only",
  'server/src/modules/analytics/forecast/panel.query.ts':
    "the monitor's forecast step (system), and forecastEvaluation: the CX office and READ tokens only",
  'server/src/modules/analytics/forecast/margin-at-risk.ts':
    'marginAtRisk: the CX office and READ tokens only',
  'server/src/modules/classification/corrections.query.ts':
    'retrainClassifier (CX office only) and intake classification in activities (system)',
  'server/src/modules/classification/classifier-review.step.ts':
    "the monitor workflow's activity (system)",
  'server/src/modules/monitor/coverage.ts':
    'the monitor activity (system), and respondentCoverage: the CX office and READ tokens only',
};

// `execute` on an EntityManager or connection; the initiative workflows' `execute` is a Temporal call.
const RAW = /(?<!initiatives|target)\.execute\s*[<(]|getConnection\(\)|createQueryBuilder|\.qb\(/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return relative.endsWith('db/migrations') ? [] : sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

it('uses raw SQL only where no restricted viewer is served', () => {
  const found = [...sources('server/src'), ...sources('workflows')]
    .filter((file) => RAW.test(fs.readFileSync(path.join(root, file), 'utf8')))
    .sort();
  expect(found).toEqual(Object.keys(reviewed).sort());
});
