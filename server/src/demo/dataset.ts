import type { RequiredEntityData } from '@mikro-orm/core';
import type { AdvisoryCouncil } from '../modules/client/advisory-council.entity.js';
import type { ClientAccount } from '../modules/client/client-account.entity.js';
import type { Contact } from '../modules/client/contact.entity.js';
import type { CouncilMember } from '../modules/client/council-member.entity.js';
import type { Segment } from '../modules/client/segment.entity.js';
import type { TransactionalFigures } from '../modules/client/transactional-figures.entity.js';
import type { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import type { Analysis } from '../modules/initiative/analysis.entity.js';
import type { MaturityAssessment } from '../modules/maturity/maturity-assessment.entity.js';
import type { MetricObservation } from '../modules/metric/metric-observation.entity.js';
import type { ClientNotification } from '../modules/notification/client-notification.entity.js';
import type { User } from '../modules/organisation/user.entity.js';
import type { SpecialRequirement } from '../modules/requirement/special-requirement.entity.js';
import type { Questionnaire } from '../modules/survey/questionnaire.entity.js';
import type { SurveyCampaign } from '../modules/survey/survey-campaign.entity.js';
import type { ImportanceWeight } from '../modules/value/importance-weight.entity.js';
import type { WeightSet } from '../modules/value/weight-set.entity.js';
import type { InitiativePlan } from './plan-initiatives.js';
import type { ReferenceIds } from './reference-data.js';

/**
 * A row ready for `em.insertMany`: every column given explicitly (insertMany skips
 * `onCreate` defaults), relations as ids. Ids are made by the generator, so rows can
 * point at each other without a round-trip.
 */
export type Row<E extends object> = RequiredEntityData<E> & { id: string };
/** A row of an m:n pivot table. */
export interface PivotRow {
  ownerId: string;
  targetId: string;
}

/**
 * The whole demo company, table by table, in an order that satisfies foreign keys; the
 * initiatives are plans, played through the lifecycle services when the company is loaded.
 */
export interface DemoDataset {
  users: Row<User>[];
  segments: Row<Segment>[];
  accounts: Row<ClientAccount>[];
  contacts: Row<Contact>[];
  councils: Row<AdvisoryCouncil>[];
  councilAccounts: PivotRow[];
  councilMembers: Row<CouncilMember>[];
  weightSets: Row<WeightSet>[];
  importanceWeights: Row<ImportanceWeight>[];
  figures: Row<TransactionalFigures>[];
  questionnaires: Row<Questionnaire>[];
  campaigns: Row<SurveyCampaign>[];
  feedback: Row<FeedbackItem>[];
  /** The collect workflow's acknowledgement of each feedback item, in the outbox. */
  acknowledgements: Row<ClientNotification>[];
  observations: Row<MetricObservation>[];
  requirements: Row<SpecialRequirement>[];
  analyses: Row<Analysis>[];
  initiatives: InitiativePlan[];
  maturity: Row<MaturityAssessment>[];
}

export interface DemoOptions {
  seed: number;
  /** Multiplies accounts, contacts, feedback and everything per account. */
  scale: number;
  /** The "today" of the dataset; the 12 months end before this month. Defaults to now. */
  now?: Date;
  /** Appended to codes, e-mails, external ids and names so a second generation can coexist. */
  tag?: string;
  weightSetVersion?: number;
  /** Ids of the reference rows; without them rows point at `ref:<code>` placeholders. */
  refs?: ReferenceIds;
}

export type DemoCounts = { [K in keyof DemoDataset]: number };

export function countDataset(data: DemoDataset): DemoCounts {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, (v as unknown[]).length]),
  ) as DemoCounts;
}
