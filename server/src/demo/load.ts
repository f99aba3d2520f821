import type { EntityClass } from '@mikro-orm/core';
import type { Em, Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';
import { AdvisoryCouncil } from '../modules/client/advisory-council.entity.js';
import { ClientAccount } from '../modules/client/client-account.entity.js';
import { Contact } from '../modules/client/contact.entity.js';
import { CouncilMember } from '../modules/client/council-member.entity.js';
import { Segment } from '../modules/client/segment.entity.js';
import { TransactionalFigures } from '../modules/client/transactional-figures.entity.js';
import { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import { Analysis } from '../modules/initiative/analysis.entity.js';
import { MaturityAssessment } from '../modules/maturity/maturity-assessment.entity.js';
import { MetricObservation } from '../modules/metric/metric-observation.entity.js';
import { ClientNotification } from '../modules/notification/client-notification.entity.js';
import { User } from '../modules/organisation/user.entity.js';
import { SpecialRequirement } from '../modules/requirement/special-requirement.entity.js';
import { Questionnaire } from '../modules/survey/questionnaire.entity.js';
import { SurveyCampaign } from '../modules/survey/survey-campaign.entity.js';
import { ImportanceWeight } from '../modules/value/importance-weight.entity.js';
import { WeightSet } from '../modules/value/weight-set.entity.js';
import { countDataset, type DemoCounts, type DemoDataset, type PivotRow } from './dataset.js';
import { generateDemo } from './generate.js';
import { countPlayed, playInitiatives, type PlayedCounts } from './play-initiatives.js';
import { loadReferenceIds, seedReferenceData } from './reference-data.js';

export interface DemoLoadOptions {
  seed: number;
  scale: number;
  log?: Pick<Logger, 'info'>;
  /** "Today" of the dataset (tests pin it); defaults to now. */
  now?: Date;
}

export interface DemoLoadResult {
  /** Rows bulk-inserted per part, initiatives, and what their lives wrote through the services. */
  counts: DemoCounts & PlayedCounts;
  /** Rows written, all tables together (audit rows aside). */
  rows: number;
  generateMs: number;
  /** Bulk inserts and the initiatives' lives together. */
  writeMs: number;
  /** Of which the initiatives' lives. */
  playMs: number;
  durationMs: number;
}

/**
 * Loads the demo company when the database has no client accounts yet; returns null (and
 * writes nothing) otherwise, so it is safe on every start. Reference data is ensured first.
 */
export async function loadDemoIfEmpty(
  orm: Orm,
  options: DemoLoadOptions,
): Promise<DemoLoadResult | null> {
  const accounts = await orm.em.fork().count(ClientAccount, {});
  if (accounts > 0) return null;
  return loadDemo(orm, options);
}

/**
 * Generates and writes one demo generation. When the database already holds data, codes,
 * e-mails, external ids and names get a `-s<seed>` suffix so both generations coexist.
 */
export async function loadDemo(orm: Orm, options: DemoLoadOptions): Promise<DemoLoadResult> {
  const started = Date.now();
  const em = orm.em.fork();
  await em.transactional((tx) => seedReferenceData(tx));
  const refs = await loadReferenceIds(em);
  const nonEmpty = (await em.count(ClientAccount, {})) > 0;
  const tag = nonEmpty ? `-s${options.seed}` : '';
  if (nonEmpty && (await em.count(Segment, { code: { $like: `%${tag}` } })) > 0) {
    throw new Error(
      `A demo generation with seed ${options.seed} is already loaded; choose another seed.`,
    );
  }
  const data = generateDemo({
    seed: options.seed,
    scale: options.scale,
    now: options.now,
    tag,
    refs,
    weightSetVersion:
      ((await em.find(WeightSet, {}, { orderBy: { version: 'desc' }, limit: 1 }))[0]?.version ??
        0) + 1,
  });
  const generated = Date.now();
  options.log?.info(`Demo dataset generated (${data.feedback.length} feedback items); writing…`);
  let playStarted = 0;
  const played = await em.transactional(async (tx) => {
    await writeDataset(tx, data);
    playStarted = Date.now();
    // Initiatives live through the lifecycle services, on top of the company written above.
    const ids = await playInitiatives(tx, data.initiatives);
    return countPlayed(tx, ids);
  });
  const counts = { ...countDataset(data), ...played };
  const done = Date.now();
  return {
    counts,
    rows: Object.values(counts).reduce((s, n) => s + n, 0),
    generateMs: generated - started,
    writeMs: done - generated,
    playMs: done - playStarted,
    durationMs: done - started,
  };
}

/** Parameters per statement stay well under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 5_000;

async function insertChunked<E extends object>(
  em: Em,
  entity: EntityClass<E>,
  rows: object[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < rows.length; i += size) {
    await em.insertMany(entity, rows.slice(i, i + size) as never[]);
  }
}

async function insertPivot(
  em: Em,
  table: string,
  owner: string,
  target: string,
  rows: PivotRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    if (chunk.length === 0) continue;
    const values = chunk.map(() => '(?, ?)').join(', ');
    await em.execute(
      `insert into ${table} (${owner}, ${target}) values ${values}`,
      chunk.flatMap((r) => [r.ownerId, r.targetId]),
    );
  }
}

/** Bulk inserts in foreign-key order: no unit of work, no identity map. */
async function writeDataset(em: Em, d: DemoDataset): Promise<void> {
  await insertChunked(em, User, d.users);
  await insertChunked(em, Segment, d.segments);
  await insertChunked(em, ClientAccount, d.accounts);
  await insertChunked(em, Contact, d.contacts);
  await insertChunked(em, AdvisoryCouncil, d.councils);
  await insertPivot(
    em,
    'advisory_council_account',
    'advisory_council_id',
    'client_account_id',
    d.councilAccounts,
  );
  await insertChunked(em, CouncilMember, d.councilMembers);
  await insertChunked(em, WeightSet, d.weightSets);
  await insertChunked(em, ImportanceWeight, d.importanceWeights);
  await insertChunked(em, TransactionalFigures, d.figures);
  await insertChunked(em, Questionnaire, d.questionnaires);
  await insertChunked(em, SurveyCampaign, d.campaigns);
  await insertChunked(em, FeedbackItem, d.feedback);
  await insertChunked(em, ClientNotification, d.acknowledgements);
  await insertChunked(em, MetricObservation, d.observations);
  await insertChunked(em, SpecialRequirement, d.requirements);
  await insertChunked(em, Analysis, d.analyses);
  await insertChunked(em, MaturityAssessment, d.maturity);
}
