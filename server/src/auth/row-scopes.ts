import type { Dictionary, EntityManager, FilterDef } from '@mikro-orm/core';
import { UserRole } from '../modules/organisation/organisation.enums.js';
import {
  councilRows,
  departmentRows,
  NOTHING,
  type Condition,
  type Self,
} from './row-scope-conditions.js';
import type { Viewer } from './viewer.js';

/** The ORM filter that keeps every query inside the viewer's rows (registered in `db/orm.ts`). */
export const ROW_SCOPE_FILTER = 'rowScope';

/**
 * Which rows a viewer may see, as the filter's parameters. An EntityManager without them
 * (activities, the reconciler, the demo loader, the CLI) sees everything; every request's
 * `DomainContext` sets them from its viewer.
 */
export type RowScope =
  | { kind: 'everything' }
  | { kind: 'office' }
  | { kind: 'nothing' }
  | { kind: 'council'; councilIds: string[]; userId: string | null }
  | { kind: 'department'; departmentId: string | null; userId: string | null };

export function rowScopeOf(viewer: Viewer): RowScope {
  switch (viewer.kind) {
    case 'system':
      return { kind: 'everything' };
    case 'token':
      // A token reads like a CX manager; which operations it may call is the policy's business.
      return { kind: 'office' };
    case 'user':
      return userScope(viewer);
    default:
      return { kind: 'nothing' };
  }
}

function userScope(viewer: Viewer): RowScope {
  const userId = viewer.userId ?? null;
  switch (viewer.role) {
    case UserRole.CX_ADMIN:
      return { kind: 'everything' };
    case UserRole.CX_MANAGER:
      return { kind: 'office' };
    case UserRole.COUNCIL_MEMBER:
      return { kind: 'council', councilIds: viewer.councilIds ?? [], userId };
    case UserRole.DEPARTMENT_MEMBER:
      return { kind: 'department', departmentId: viewer.departmentId ?? null, userId };
    default:
      return { kind: 'nothing' };
  }
}

/**
 * What the CX office (managers and API tokens) may not see: the audit trail is the CX
 * admins'. An entity missing from `rowScopes` is hidden from every restricted viewer.
 */
type OfficeAccess = 'all' | 'none';

interface EntityScope {
  office: OfficeAccess;
}

/**
 * Every persisted entity and whether the CX office sees it; what council and department
 * members see is in `row-scope-conditions.ts` (an entity absent there is hidden from them).
 * A unit test fails when an entity is missing here, so a new table is born hidden.
 */
export const rowScopes: Record<string, EntityScope> = {
  Department: { office: 'all' },
  User: { office: 'all' },
  Segment: { office: 'all' },
  ClientAccount: { office: 'all' },
  Contact: { office: 'all' },
  TransactionalFigures: { office: 'all' },
  AdvisoryCouncil: { office: 'all' },
  CouncilMember: { office: 'all' },
  ProcessClass: { office: 'all' },
  Touchpoint: { office: 'all' },
  ValueFactor: { office: 'all' },
  WeightSet: { office: 'all' },
  ImportanceWeight: { office: 'all' },
  MetricDefinition: { office: 'all' },
  MetricObservation: { office: 'all' },
  Questionnaire: { office: 'all' },
  SurveyCampaign: { office: 'all' },
  FeedbackItem: { office: 'all' },
  SpecialRequirement: { office: 'all' },
  Analysis: { office: 'all' },
  Initiative: { office: 'all' },
  InitiativeTarget: { office: 'all' },
  InitiativeTask: { office: 'all' },
  CouncilReview: { office: 'all' },
  InitiativeRevision: { office: 'all' },
  ClientNotification: { office: 'all' },
  NotificationTemplate: { office: 'all' },
  MailOptOut: { office: 'all' },
  InboxEntry: { office: 'all' },
  MaturityAssessment: { office: 'all' },
  AuditEvent: { office: 'none' },
  CommandReceipt: { office: 'all' },
  // Sign-in secrets and sessions: CX admins only (and the identity services, unscoped).
  UserCredential: { office: 'none' },
  Session: { office: 'none' },
  ApiToken: { office: 'none' },
  // The monitor: the CX office's; council and department members see none (owners are told
  // through their inbox).
  Alert: { office: 'all' },
  PeriodFigure: { office: 'all' },
  PeriodMetricFigure: { office: 'all' },
  // Analytics read models (finance linkage, computable/trigger share): the CX office's.
  FinanceLinkage: { office: 'all' },
  ComputableShare: { office: 'all' },
  // Surveys dispatched: the CX office's; council and department members see none of it.
  SurveyTriggerEvent: { office: 'all' },
  SurveyInvitation: { office: 'all' },
  FeedbackCase: { office: 'all' },
  // Initiative effects compare an initiative's accounts with other clients of their segments:
  // the CX office's; council and department members see none of it.
  InitiativeEffect: { office: 'all' },
  // Forecasts (the analytics engine): the CX office's.
  AccountForecast: { office: 'all' },
  // The classifier's versions and the labels staff corrected: the CX office's.
  ClassifierModel: { office: 'all' },
  ClassificationCorrection: { office: 'all' },
  ClassifierReview: { office: 'all' },
  // The satisfaction index and its calibrations: the CX office's analytics.
  SatisfactionIndex: { office: 'all' },
  IndexCalibration: { office: 'all' },
  // Formbricks responses that could not be mapped: the CX office resolves them.
  InboundEvent: { office: 'all' },
  // Outbound webhooks: the operations are CX admins' and WEBHOOKS tokens' (operation-rules.ts);
  // council and department members see none.
  WebhookSubscription: { office: 'all' },
  WebhookDelivery: { office: 'all' },
};

const EVERYTHING = (): Condition => ({});

/**
 * The condition that keeps `entity` rows inside `scope`; `{}` when the scope hides nothing.
 * `self` names the queried table in raw fragments (its alias in selects).
 */
export function rowScopeCondition(
  scope: RowScope | undefined,
  entity: string,
  self: Self = 'aliased',
): Condition {
  switch (scope?.kind) {
    case undefined:
    case 'everything':
      return EVERYTHING();
    case 'office':
      return rowScopes[entity]?.office === 'all' ? EVERYTHING() : NOTHING();
    case 'council':
      return councilRows[entity]?.(scope, self) ?? NOTHING();
    case 'department':
      return departmentRows[entity]?.(scope, self) ?? NOTHING();
    default:
      return NOTHING();
  }
}

/**
 * Whether `scope` hides any row of `entity` (raw fragments are symbol keys, hence `ownKeys`):
 * code that bypasses the filter with raw SQL must not serve such a scope.
 */
export function hidesRows(scope: RowScope | undefined, entity: string): boolean {
  return Reflect.ownKeys(rowScopeCondition(scope, entity)).length > 0;
}

/**
 * The global filter: on by default, reading its parameters from the EntityManager (forks and
 * transactions copy them). No parameters means an unrestricted context.
 */
export const rowScopeFilter: FilterDef = {
  name: ROW_SCOPE_FILTER,
  default: true,
  args: false,
  cond: (args: Dictionary | undefined, type, em: EntityManager, _options, entityName = '') =>
    rowScopeCondition(
      args as RowScope | undefined,
      entityName,
      type === 'read'
        ? 'aliased'
        : { table: em.getMetadata().getByClassName(entityName).tableName },
    ),
};
