import {
  DEFAULT_FINANCE_RULES,
  type FinanceRules,
} from './modules/analytics/finance/finance.rules.js';
import path from 'node:path';
import type { InitiativeTimings } from '../../workflows/contracts/initiative.contract.js';
import type { MaturityTimings } from '../../workflows/contracts/maturity.contract.js';
import type { MonitorTimings } from '../../workflows/contracts/monitor.contract.js';
import { DEFAULT_MONITOR_RULES, type MonitorRules } from './modules/monitor/monitor.rules.js';
import {
  loadMaturityThresholds,
  type MaturityThresholds,
} from './modules/maturity/maturity.thresholds.js';
import { loadCaseSettings, type CaseSettings } from './modules/case/case.settings.js';
import {
  loadFormbricksSettings,
  type FormbricksSettings,
} from './modules/inbound/formbricks.settings.js';
import { loadWebhookSettings, type WebhookSettings } from './modules/webhook/webhook.settings.js';
import { loadMailSettings, type MailSettings } from './modules/notification/mail.settings.js';

/** Everything the hub reads from its environment, parsed once at start-up. */
export interface HubConfig {
  /** Directory for the embedded SQLite database, the embedded Temporal store and caches. */
  dataDir: string;
  /** PostgreSQL connection string; when unset the hub uses SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Path of the SQLite file (only used without `databaseUrl`). */
  sqlitePath: string;
  port: number;
  host: string;
  /** `host:port` of a Temporal frontend; when unset an embedded dev server is started. */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  temporalTaskQueue: string;
  /** Explicit path of the `temporal` CLI binary used for the embedded dev server. */
  temporalCliPath: string | undefined;
  temporalDevPort: number;
  temporalUiPort: number;
  /** A workflow bundle prebuilt with `writeWorkflowBundle` (skips bundling at worker start). */
  workflowBundlePath: string | undefined;
  /** Run the Temporal worker inside the API process (default) or only in `npm run worker`. */
  runWorker: boolean;
  /** Load the demo dataset into an empty database on start. */
  seedDemo: boolean;
  /** How often the reconciler looks for accepted feedback whose workflow never started. */
  reconcileIntervalMs: number;
  /** Largest accepted HTTP request body. */
  maxBodyBytes: number;
  /** Serve the built web client from this directory at `/`. */
  webDistDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** When initiative workflows remind and escalate (CX_TASK_REMINDER_HOURS and the like). */
  initiativeTimings: InitiativeTimings;
  /** How often the maturity workflow recomputes, and how long it lets changes settle. */
  maturityTimings: MaturityTimings;
  /** Thresholds of the computed maturity criteria (CX_MATURITY_THRESHOLDS, JSON). */
  maturityThresholds: MaturityThresholds;
  /** The scheduled Pareto analysis: where the cut lies, and when root-cause tasks are due. */
  pareto: ParetoConfig;
  /** How often the monitor workflow recomputes period figures and checks its rules. */
  monitorTimings: MonitorTimings;
  /** Thresholds of the monitoring rules (divergence, coverage gaps, silent key contacts). */
  monitorRules: MonitorRules;
  /** The finance linkage: its default window and who enters the regression. */
  finance: FinanceRules;
  /** Sign-in and sessions. */
  auth: AuthConfig;
  /** What a GraphQL document may ask for, and what the schema tells about itself. */
  graphql: GraphQLHardening;
  /** Requests per window: per signed-in user or API token, and per client address when anonymous. */
  rateLimit: RateLimitConfig;
  /** HTTP transport security. */
  http: HttpHardening;
  /** Live updates over WebSocket (CX_LIVE_*). */
  live: LiveConfig;
  /** Surveys dispatched: no contact is invited more than once per this many days (CX_SURVEY_FATIGUE_DAYS). */
  surveyFatigueDays: number;
  /** Cases for unhappy feedback: thresholds and response SLAs (CX_CASE_*). */
  cases: CaseSettings;
  /** Initiative effect against a control group (CX_EFFECT_*). */
  initiativeEffect: InitiativeEffectConfig;
  /** Forecasts and margin at risk: where the danger zone starts (CX_DANGER_*). */
  forecast: ForecastConfig;
  /** Inbound Formbricks webhooks: the signing secret and how answers map (CX_FORMBRICKS_*). */
  formbricks: FormbricksSettings;
  /** Outbound webhooks: address policy, retries and pausing (CX_WEBHOOK_*). */
  webhooks: WebhookSettings;
  /** E-mail delivery of the outbox: the SMTP server, the sender, retries (CX_SMTP_*, CX_MAIL_*). */
  mail: MailSettings;
}

export interface LiveConfig {
  /** How often the audit trail is read for new changes while anyone subscribes (CX_LIVE_POLL_MS). */
  pollMs: number;
  /** Subscriptions one WebSocket connection may hold at once (CX_LIVE_MAX_SUBSCRIPTIONS). */
  maxSubscriptions: number;
  /** The largest WebSocket message the hub accepts, in bytes (CX_LIVE_MAX_MESSAGE_BYTES). */
  maxMessageBytes: number;
}

export interface InitiativeEffectConfig {
  /** Complete months before the implementation started that form the "before" window (CX_EFFECT_BEFORE_MONTHS). */
  beforeMonths: number;
  /** The monitor keeps recomputing a CLOSED initiative's effect for this many days after closing (CX_EFFECT_CLOSED_DAYS). */
  closedRecomputeDays: number;
}

export interface ForecastConfig {
  /** An account whose predicted NPS (−100…100) is below this is in danger (CX_DANGER_NPS). */
  dangerNps: number;
  /** An account whose 3-month churn risk is at least this is in danger (CX_DANGER_CHURN_RISK). */
  dangerChurnRisk: number;
}

/** An NPS value, −100…100. */
function npsValue(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < -100 || value > 100) {
    throw new Error(`${name} must be an NPS between -100 and 100, got "${raw}"`);
  }
  return value;
}

export interface ParetoConfig {
  /** Causes are proposed until together they make up this share of dissatisfaction (CX_PARETO_CUT). */
  cutShare: number;
  /** A root-cause task is due this many days after the analysis (CX_ROOT_CAUSE_TASK_DAYS). */
  rootCauseTaskDays: number;
}

/** A share strictly between 0 and 1. */
function share(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new Error(`${name} must be a share between 0 and 1 (e.g. 0.8), got "${raw}"`);
  }
  return value;
}

export interface AuthConfig {
  /** A session ends this long after sign-in, whatever happens. */
  sessionMs: number;
  /** … and earlier, after this long without a request. */
  sessionIdleMs: number;
  /** Mark the session cookie `Secure` (serve the hub over HTTPS, e.g. behind a proxy). */
  secureCookies: boolean;
  /** Wrong passwords in a row before an account is locked … */
  maxFailedSignIns: number;
  /** … for this long. */
  lockMs: number;
  /** Sign-in attempts allowed from one address per 15 minutes (any accounts). */
  signInsPerAddress: number;
  /** A CX admin ensured at start (e.g. the first one of a new installation), when both are set. */
  bootstrapAdmin: { email: string; password: string } | undefined;
}

export interface GraphQLHardening {
  /** `__schema`/`__type` queries answered (off by default in production). */
  introspection: boolean;
  /** "Did you mean …?" in error messages (off by default in production). */
  fieldSuggestions: boolean;
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

export interface RateLimitConfig {
  /** Requests a signed-in user or an API token may make per window; 0 turns the limit off. */
  points: number;
  /** Requests one client address may make per window without signing in; 0 turns it off. */
  anonymousPoints: number;
  windowSeconds: number;
}

export interface HttpHardening {
  /** `Strict-Transport-Security` max-age; 0 (the default) sends none, for hubs not behind HTTPS. */
  hstsMaxAgeSeconds: number;
  /** Express `trust proxy`: which proxies' X-Forwarded-For gives the client address. */
  trustProxy: boolean | number | string;
}

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function bootstrapAdmin(env: NodeJS.ProcessEnv): AuthConfig['bootstrapAdmin'] {
  const email = blankToUndefined(env.CX_ADMIN_EMAIL);
  const password = env.CX_ADMIN_PASSWORD;
  if (!email && !password) return undefined;
  if (!email || !password) {
    throw new Error('CX_ADMIN_EMAIL and CX_ADMIN_PASSWORD go together: set both, or neither');
  }
  return { email: email.toLowerCase(), password };
}

/** A duration given in (possibly fractional) hours, as milliseconds. */
function hours(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * 3_600_000;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number of hours, got "${raw}"`);
  }
  return Math.round(value * 3_600_000);
}

/** A non-negative decimal number. */
function decimal(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = int(env, name, fallback);
  if (value === 0) throw new Error(`${name} must be a positive integer, got "0"`);
  return value;
}

/** `true`/`false`, a number of hops, or Express's list of trusted addresses, subnets and names. */
function trustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? '';
  if (value === '' || /^(0|false|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const dataDir = path.resolve(env.CX_DATA_DIR ?? path.join(projectRoot, '.data'));
  const logLevel = env.LOG_LEVEL ?? 'info';
  const production = env.NODE_ENV === 'production';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  }
  return {
    dataDir,
    databaseUrl: blankToUndefined(env.DATABASE_URL),
    sqlitePath: path.join(dataDir, 'hub.sqlite'),
    port: int(env, 'PORT', 4000),
    host: env.HOST ?? '127.0.0.1',
    temporalAddress: blankToUndefined(env.TEMPORAL_ADDRESS),
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    temporalTaskQueue: env.TEMPORAL_TASK_QUEUE ?? 'cx-hub',
    temporalCliPath: blankToUndefined(env.TEMPORAL_CLI_PATH),
    temporalDevPort: int(env, 'TEMPORAL_DEV_PORT', 7233),
    temporalUiPort: int(env, 'TEMPORAL_UI_PORT', 8233),
    workflowBundlePath: blankToUndefined(env.CX_WORKFLOW_BUNDLE_PATH),
    runWorker: bool(env, 'CX_RUN_WORKER', true),
    seedDemo: bool(env, 'CX_SEED_DEMO', true),
    reconcileIntervalMs: int(env, 'CX_RECONCILE_INTERVAL_MS', 5000),
    // 10,000 import rows with real texts fit; a single 10 MB field does not.
    maxBodyBytes: int(env, 'CX_MAX_BODY_BYTES', 8 * 1024 * 1024),
    webDistDir: path.resolve(env.CX_WEB_DIST ?? path.join(projectRoot, 'web', 'dist')),
    logLevel: logLevel as HubConfig['logLevel'],
    initiativeTimings: {
      taskReminderLeadMs: hours(env, 'CX_TASK_REMINDER_HOURS', 48),
      escalateToOfficeAfterMs: hours(env, 'CX_ESCALATE_TO_OFFICE_HOURS', 72),
      councilReminderAfterMs: hours(env, 'CX_COUNCIL_REMINDER_HOURS', 168),
      councilReminderLimit: int(env, 'CX_COUNCIL_REMINDER_LIMIT', 3),
      historyLimit: int(env, 'CX_WORKFLOW_HISTORY_LIMIT', 2_000),
    },
    maturityTimings: {
      intervalMs: hours(env, 'CX_MATURITY_INTERVAL_HOURS', 6),
      settleMs: int(env, 'CX_MATURITY_SETTLE_MS', 60_000),
      evaluationsPerRun: 200,
    },
    maturityThresholds: loadMaturityThresholds(env),
    forecast: {
      dangerNps: npsValue(env, 'CX_DANGER_NPS', -30),
      dangerChurnRisk: share(env, 'CX_DANGER_CHURN_RISK', 0.2),
    },
    pareto: {
      cutShare: share(env, 'CX_PARETO_CUT', 0.8),
      rootCauseTaskDays: positive(env, 'CX_ROOT_CAUSE_TASK_DAYS', 14),
    },
    initiativeEffect: {
      beforeMonths: positive(env, 'CX_EFFECT_BEFORE_MONTHS', 6),
      closedRecomputeDays: positive(env, 'CX_EFFECT_CLOSED_DAYS', 90),
    },
    finance: {
      windowMonths: positive(env, 'CX_FINANCE_WINDOW_MONTHS', DEFAULT_FINANCE_RULES.windowMonths),
      minScores: positive(env, 'CX_FINANCE_MIN_SCORES', DEFAULT_FINANCE_RULES.minScores),
      minMonths: positive(env, 'CX_FINANCE_MIN_MONTHS', DEFAULT_FINANCE_RULES.minMonths),
    },
    monitorTimings: {
      intervalMs: hours(env, 'CX_MONITOR_INTERVAL_HOURS', 24),
      runsPerExecution: 100,
    },
    monitorRules: {
      divergenceMonths: positive(
        env,
        'CX_DIVERGENCE_MONTHS',
        DEFAULT_MONITOR_RULES.divergenceMonths,
      ),
      divergenceMinScores: positive(
        env,
        'CX_DIVERGENCE_MIN_SCORES',
        DEFAULT_MONITOR_RULES.divergenceMinScores,
      ),
      satisfactionRisePerMonth: decimal(
        env,
        'CX_DIVERGENCE_RISE',
        DEFAULT_MONITOR_RULES.satisfactionRisePerMonth,
      ),
      divergenceMinT: decimal(env, 'CX_DIVERGENCE_MIN_T', DEFAULT_MONITOR_RULES.divergenceMinT),
      daysLateFallPerMonth: decimal(
        env,
        'CX_DIVERGENCE_DAYS_LATE_FALL',
        DEFAULT_MONITOR_RULES.daysLateFallPerMonth,
      ),
      coverageGapDays: positive(env, 'CX_COVERAGE_GAP_DAYS', DEFAULT_MONITOR_RULES.coverageGapDays),
      keyContactSilentDays: positive(
        env,
        'CX_KEY_CONTACT_SILENT_DAYS',
        DEFAULT_MONITOR_RULES.keyContactSilentDays,
      ),
    },
    auth: {
      sessionMs: hours(env, 'CX_SESSION_HOURS', 12),
      sessionIdleMs: hours(env, 'CX_SESSION_IDLE_HOURS', 2),
      secureCookies: bool(env, 'CX_SECURE_COOKIES', false),
      maxFailedSignIns: int(env, 'CX_MAX_FAILED_SIGN_INS', 5),
      lockMs: int(env, 'CX_SIGN_IN_LOCK_MINUTES', 15) * 60_000,
      signInsPerAddress: int(env, 'CX_SIGN_INS_PER_ADDRESS', 30),
      bootstrapAdmin: bootstrapAdmin(env),
    },
    graphql: {
      introspection: bool(env, 'CX_INTROSPECTION', !production),
      fieldSuggestions: bool(env, 'CX_FIELD_SUGGESTIONS', !production),
      maxDepth: positive(env, 'CX_MAX_QUERY_DEPTH', 10),
      maxCost: positive(env, 'CX_MAX_QUERY_COST', 20_000),
      maxAliases: positive(env, 'CX_MAX_ALIASES', 15),
      maxDirectives: positive(env, 'CX_MAX_DIRECTIVES', 10),
      maxTokens: positive(env, 'CX_MAX_TOKENS', 5_000),
    },
    rateLimit: {
      points: int(env, 'CX_RATE_LIMIT_POINTS', 600),
      anonymousPoints: int(env, 'CX_RATE_LIMIT_ANON_POINTS', 300),
      windowSeconds: positive(env, 'CX_RATE_LIMIT_SECONDS', 60),
    },
    http: {
      hstsMaxAgeSeconds: int(env, 'CX_HSTS_MAX_AGE', 0),
      trustProxy: trustProxy(env.CX_TRUST_PROXY),
    },
    live: {
      pollMs: positive(env, 'CX_LIVE_POLL_MS', 1000),
      maxSubscriptions: positive(env, 'CX_LIVE_MAX_SUBSCRIPTIONS', 20),
      maxMessageBytes: positive(env, 'CX_LIVE_MAX_MESSAGE_BYTES', 64 * 1024),
    },
    surveyFatigueDays: int(env, 'CX_SURVEY_FATIGUE_DAYS', 14),
    cases: loadCaseSettings(env),
    formbricks: loadFormbricksSettings(env),
    webhooks: loadWebhookSettings(env, positive, bool),
    mail: loadMailSettings(env),
  };
}

export { projectRoot };
