import { fakerEN, fakerRU } from '@faker-js/faker';
import { type GenContext, DAY_MS, periodOf } from './context.js';
import type { DemoDataset, DemoOptions } from './dataset.js';
import {
  generateAccounts,
  generateContacts,
  generateCouncils,
  generateSegments,
  generateUsers,
} from './generate-company.js';
import { generateFeedback } from './generate-feedback.js';
import { generateFigures, generateObservations } from './generate-finance.js';
import { generateSurveys } from './generate-surveys.js';
import { generateWeights } from './generate-weights.js';
import { generateAcknowledgements } from './generate-acknowledgements.js';
import { generateAnalyses, generateMaturity, generateRequirements } from './generate-work.js';
import { planInitiatives } from './plan-initiatives.js';
import type { AccountKind } from './model.js';
import { Random } from './random.js';

export { PLANTED_RELATION } from './model.js';

/** The first steps of every generation: its context, users, segments and accounts. */
function generateCompany(options: DemoOptions) {
  const scale = options.scale;
  if (!(scale > 0)) throw new Error(`scale must be a positive number, got ${scale}`);
  const rng = new Random(options.seed);
  // faker draws names and phone numbers; seeding it keeps them deterministic too.
  fakerRU.seed(options.seed);
  fakerEN.seed(options.seed + 1);
  const now = options.now ?? new Date();
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const firstMonth = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - 12, 1));
  const periods = Array.from({ length: 12 }, (_, i) =>
    periodOf(new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + i, 1))),
  );
  const refs = options.refs;
  const ctx: GenContext = {
    rng,
    scale,
    tag: options.tag ?? '',
    anchor,
    periods,
    windowStart: firstMonth,
    ref: (kind, code) => {
      if (!refs) return `ref:${kind}:${code}`;
      const id = refs[kind].get(code);
      if (!id)
        throw new Error(`reference data is missing ${kind} ${code}: run seedReferenceData first`);
      return id;
    },
    users: { cx: [], sales: [], byDepartment: new Map() },
    accounts: [],
    segmentIds: new Map(),
  };

  // Each part draws from its own stream, so changing one part keeps the others stable.
  const part = (label: string) => (ctx.rng = rng.fork(label));
  part('users');
  const users = generateUsers(ctx);
  const segments = generateSegments(ctx);
  part('accounts');
  generateAccounts(ctx);
  return { ctx, rng, part, users, segments };
}

/**
 * The kind each generated account was planted as (normal, deteriorating, divergent), by
 * external id: the truth the monitoring rules are measured against. Same options, same answer.
 */
export function plantedAccountKinds(options: DemoOptions): Map<string, AccountKind> {
  const { ctx } = generateCompany(options);
  return new Map(ctx.accounts.map((a) => [String(a.row.externalId), a.kind]));
}

/**
 * Builds a believable B2B company: 4 segments, 300×scale accounts, 1,000×scale contacts,
 * 12 months of figures and observations, 20,000×scale feedback items with their
 * acknowledgements, surveys, analyses, initiative plans and maturity assessments. Pure: writes
 * nothing (the plans are played through the services by the loader). The same seed (and `now`)
 * gives the same business content; only the generated uuids differ.
 */
export function generateDemo(options: DemoOptions): DemoDataset {
  const { ctx, part, users, segments } = generateCompany(options);
  part('contacts');
  const contacts = generateContacts(ctx);
  const councils = generateCouncils(ctx);
  part('weights');
  const weights = generateWeights(ctx, options.weightSetVersion ?? 1);
  part('figures');
  const figures = generateFigures(ctx);
  const surveys = generateSurveys(ctx);
  part('feedback');
  const feedback = generateFeedback(ctx, surveys);
  part('observations');
  const observations = generateObservations(ctx, feedback.rows, figures);
  part('work');
  const requirements = generateRequirements(ctx);
  const analyses = generateAnalyses(ctx, feedback);
  const initiatives = planInitiatives(ctx, feedback, analyses, councils.councilMembers);
  const maturity = generateMaturity(ctx);

  return {
    users,
    segments,
    accounts: ctx.accounts.map((a) => a.row),
    contacts,
    ...councils,
    ...weights,
    figures,
    questionnaires: surveys.questionnaires,
    campaigns: surveys.campaigns,
    feedback: feedback.rows,
    // Every item is past RECEIVED (the plans moved some to IN_ANALYSIS): each was acknowledged.
    acknowledgements: generateAcknowledgements(feedback.rows, contacts),
    observations,
    requirements,
    analyses,
    initiatives,
    maturity,
  };
}

/** Days covered by the feedback: the 12 months plus the current month so far. */
export function demoWindowDays(data: DemoDataset): number {
  const times = data.feedback.map((f) => (f.receivedAt as Date).getTime());
  return (Math.max(...times) - Math.min(...times)) / DAY_MS;
}
