import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../server/src/config.js';

describe('loadConfig', () => {
  it('uses embedded defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dataDir: path.join(projectRoot, '.data'),
      databaseUrl: undefined,
      sqlitePath: path.join(projectRoot, '.data', 'hub.sqlite'),
      port: 4000,
      host: '127.0.0.1',
      temporalAddress: undefined,
      temporalNamespace: 'default',
      temporalTaskQueue: 'cx-hub',
      temporalDevPort: 7233,
      temporalUiPort: 8233,
      runWorker: true,
      seedDemo: true,
      logLevel: 'info',
    });
  });

  it.each([
    [
      'DATABASE_URL',
      'postgresql://hub@db:5432/hub',
      { databaseUrl: 'postgresql://hub@db:5432/hub' },
    ],
    ['DATABASE_URL', '   ', { databaseUrl: undefined }],
    ['PORT', '8080', { port: 8080 }],
    ['HOST', '0.0.0.0', { host: '0.0.0.0' }],
    ['TEMPORAL_ADDRESS', 'temporal:7233', { temporalAddress: 'temporal:7233' }],
    ['CX_RUN_WORKER', 'false', { runWorker: false }],
    ['CX_RUN_WORKER', 'YES', { runWorker: true }],
    ['CX_SEED_DEMO', '0', { seedDemo: false }],
    ['CX_DATA_DIR', '/srv/hub', { dataDir: '/srv/hub', sqlitePath: '/srv/hub/hub.sqlite' }],
    ['LOG_LEVEL', 'debug', { logLevel: 'debug' }],
    ['CX_TASK_REMINDER_HOURS', '0.5', { initiativeTimings: { taskReminderLeadMs: 1_800_000 } }],
    ['CX_SESSION_HOURS', '1', { auth: { sessionMs: 3_600_000 } }],
    ['CX_SECURE_COOKIES', 'true', { auth: { secureCookies: true } }],
    ['CX_MAX_FAILED_SIGN_INS', '3', { auth: { maxFailedSignIns: 3 } }],
    ['CX_MONITOR_INTERVAL_HOURS', '2', { monitorTimings: { intervalMs: 7_200_000 } }],
    ['CX_COVERAGE_GAP_DAYS', '90', { monitorRules: { coverageGapDays: 90 } }],
    ['CX_KEY_CONTACT_SILENT_DAYS', '30', { monitorRules: { keyContactSilentDays: 30 } }],
    ['CX_DIVERGENCE_MONTHS', '9', { monitorRules: { divergenceMonths: 9 } }],
    ['CX_DIVERGENCE_MIN_SCORES', '6', { monitorRules: { divergenceMinScores: 6 } }],
    ['CX_DIVERGENCE_RISE', '0.8', { monitorRules: { satisfactionRisePerMonth: 0.8 } }],
    ['CX_DIVERGENCE_MIN_T', '2.5', { monitorRules: { divergenceMinT: 2.5 } }],
    ['CX_DIVERGENCE_DAYS_LATE_FALL', '0.5', { monitorRules: { daysLateFallPerMonth: 0.5 } }],
    ['CX_SURVEY_FATIGUE_DAYS', '30', { surveyFatigueDays: 30 }],
    ['CX_EFFECT_BEFORE_MONTHS', '3', { initiativeEffect: { beforeMonths: 3 } }],
    ['CX_EFFECT_CLOSED_DAYS', '30', { initiativeEffect: { closedRecomputeDays: 30 } }],
    ['CX_FINANCE_WINDOW_MONTHS', '24', { finance: { windowMonths: 24 } }],
    ['CX_FINANCE_MIN_SCORES', '10', { finance: { minScores: 10 } }],
    ['CX_FINANCE_MIN_MONTHS', '6', { finance: { minMonths: 6 } }],
  ])('reads %s=%j', (name, value, expected) => {
    expect(loadConfig({ [name]: value })).toMatchObject(expected);
  });

  it('turns on every limit with sane defaults, introspection and suggestions outside production', () => {
    const config = loadConfig({});
    expect(config.graphql).toEqual({
      introspection: true,
      fieldSuggestions: true,
      maxDepth: 10,
      maxCost: 20_000,
      maxAliases: 15,
      maxDirectives: 10,
      maxTokens: 5_000,
    });
    expect(config.rateLimit).toEqual({ points: 600, anonymousPoints: 300, windowSeconds: 60 });
    expect(config.http).toEqual({ hstsMaxAgeSeconds: 0, trustProxy: false });
  });

  it('turns introspection and field suggestions off by default when NODE_ENV=production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql).toMatchObject({
      introspection: false,
      fieldSuggestions: false,
    });
  });

  it.each([
    ['CX_INTROSPECTION', 'on', { graphql: expect.objectContaining({ introspection: true }) }],
    [
      'CX_FIELD_SUGGESTIONS',
      'false',
      { graphql: expect.objectContaining({ fieldSuggestions: false }) },
    ],
    ['CX_MAX_QUERY_DEPTH', '6', { graphql: expect.objectContaining({ maxDepth: 6 }) }],
    ['CX_MAX_QUERY_COST', '900', { graphql: expect.objectContaining({ maxCost: 900 }) }],
    ['CX_MAX_ALIASES', '3', { graphql: expect.objectContaining({ maxAliases: 3 }) }],
    ['CX_MAX_DIRECTIVES', '4', { graphql: expect.objectContaining({ maxDirectives: 4 }) }],
    ['CX_MAX_TOKENS', '800', { graphql: expect.objectContaining({ maxTokens: 800 }) }],
    ['CX_RATE_LIMIT_POINTS', '0', { rateLimit: expect.objectContaining({ points: 0 }) }],
    [
      'CX_RATE_LIMIT_ANON_POINTS',
      '5',
      { rateLimit: expect.objectContaining({ anonymousPoints: 5 }) },
    ],
    ['CX_RATE_LIMIT_SECONDS', '1', { rateLimit: expect.objectContaining({ windowSeconds: 1 }) }],
    [
      'CX_HSTS_MAX_AGE',
      '31536000',
      { http: expect.objectContaining({ hstsMaxAgeSeconds: 31_536_000 }) },
    ],
    ['CX_TRUST_PROXY', 'true', { http: expect.objectContaining({ trustProxy: true }) }],
    ['CX_TRUST_PROXY', '1', { http: expect.objectContaining({ trustProxy: 1 }) }],
    [
      'CX_TRUST_PROXY',
      'loopback, 10.0.0.0/8',
      { http: expect.objectContaining({ trustProxy: 'loopback, 10.0.0.0/8' }) },
    ],
  ])('reads %s=%j', (name, value, expected) => {
    expect(loadConfig({ NODE_ENV: 'production', [name]: value })).toMatchObject(expected);
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a non-negative integer, got "abc"'],
    ['CX_MAX_QUERY_DEPTH', '0', 'CX_MAX_QUERY_DEPTH must be a positive integer, got "0"'],
    ['CX_RATE_LIMIT_SECONDS', '0', 'CX_RATE_LIMIT_SECONDS must be a positive integer, got "0"'],
    [
      'CX_RATE_LIMIT_POINTS',
      'lots',
      'CX_RATE_LIMIT_POINTS must be a non-negative integer, got "lots"',
    ],
    ['CX_INTROSPECTION', 'sometimes', 'CX_INTROSPECTION must be true or false, got "sometimes"'],
    ['PORT', '-1', 'PORT must be a non-negative integer, got "-1"'],
    ['PORT', '80.5', 'PORT must be a non-negative integer, got "80.5"'],
    ['CX_RUN_WORKER', 'maybe', 'CX_RUN_WORKER must be true or false, got "maybe"'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be debug, info, warn or error, got "loud"'],
    ['CX_SESSION_HOURS', '0', 'CX_SESSION_HOURS must be a positive number of hours, got "0"'],
    ['CX_COVERAGE_GAP_DAYS', '0', 'CX_COVERAGE_GAP_DAYS must be a positive integer, got "0"'],
    ['CX_DIVERGENCE_RISE', '-1', 'CX_DIVERGENCE_RISE must be a non-negative number, got "-1"'],
    ['CX_ADMIN_EMAIL', 'a@b.example', 'CX_ADMIN_EMAIL and CX_ADMIN_PASSWORD go together'],
    ['CX_ADMIN_PASSWORD', 'long enough secret', 'CX_ADMIN_EMAIL and CX_ADMIN_PASSWORD go together'],
  ])('rejects %s=%j with a clear message', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

it('reads the bootstrap admin from CX_ADMIN_EMAIL and CX_ADMIN_PASSWORD together, e-mail in lower case', () => {
  expect(
    loadConfig({ CX_ADMIN_EMAIL: ' Ada@Hub.Example ', CX_ADMIN_PASSWORD: 'correct horse battery' })
      .auth.bootstrapAdmin,
  ).toEqual({ email: 'ada@hub.example', password: 'correct horse battery' });
});

describe('the Pareto analysis settings', () => {
  it('cuts at 80% and gives root-cause tasks 14 days unless told otherwise', () => {
    expect(loadConfig({}).pareto).toEqual({ cutShare: 0.8, rootCauseTaskDays: 14 });
    expect(loadConfig({ CX_PARETO_CUT: '0.7', CX_ROOT_CAUSE_TASK_DAYS: '5' }).pareto).toEqual({
      cutShare: 0.7,
      rootCauseTaskDays: 5,
    });
  });

  it.each([
    ['CX_PARETO_CUT', '80', 'CX_PARETO_CUT must be a share between 0 and 1 (e.g. 0.8), got "80"'],
    ['CX_PARETO_CUT', '1', 'CX_PARETO_CUT must be a share between 0 and 1 (e.g. 0.8), got "1"'],
    [
      'CX_PARETO_CUT',
      'most',
      'CX_PARETO_CUT must be a share between 0 and 1 (e.g. 0.8), got "most"',
    ],
    ['CX_ROOT_CAUSE_TASK_DAYS', '0', 'CX_ROOT_CAUSE_TASK_DAYS must be a positive integer, got "0"'],
  ])('rejects %s=%j with a clear message', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
describe('the forecast danger zone (CX_DANGER_*)', () => {
  it('puts an account in danger below a predicted NPS of −30 or from a 20% churn risk unless told otherwise', () => {
    expect(loadConfig({}).forecast).toEqual({ dangerNps: -30, dangerChurnRisk: 0.2 });
    expect(loadConfig({ CX_DANGER_NPS: '-20', CX_DANGER_CHURN_RISK: '0.35' }).forecast).toEqual({
      dangerNps: -20,
      dangerChurnRisk: 0.35,
    });
  });

  it.each([
    ['CX_DANGER_NPS', '-101', 'CX_DANGER_NPS must be an NPS between -100 and 100, got "-101"'],
    ['CX_DANGER_NPS', 'low', 'CX_DANGER_NPS must be an NPS between -100 and 100, got "low"'],
    [
      'CX_DANGER_CHURN_RISK',
      '20',
      'CX_DANGER_CHURN_RISK must be a share between 0 and 1 (e.g. 0.8), got "20"',
    ],
  ])('rejects %s=%j with a clear message', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('case settings (CX_CASE_*)', () => {
  it('defaults to a detractor at NPS 6 or less, CSI 50 or less, CES 3 or less and a 48 h default SLA', () => {
    expect(loadConfig({}).cases).toMatchObject({
      npsAtMost: 6,
      csiAtMost: 50,
      cesAtMost: 3,
      specialRequirementSlaHours: 8,
      reminderLeadHours: 4,
      slaHours: { DEFAULT: 48, DELIVERY_DISCIPLINE: 24, QUALITY: 48 },
    });
  });

  it('overrides the SLA of the classes named in CX_CASE_SLA_HOURS and keeps the others', () => {
    const { cases } = loadConfig({
      CX_CASE_SLA_HOURS: '{"QUALITY":12,"DEFAULT":72}',
      CX_CASE_SPECIAL_SLA_HOURS: '2',
      CX_CASE_REMINDER_HOURS: '0.5',
      CX_CASE_THRESHOLDS: '{"npsAtMost":4,"cesAtMost":2.5}',
    });
    expect(cases.slaHours).toMatchObject({ QUALITY: 12, DEFAULT: 72, SERVICE: 24 });
    expect(cases).toMatchObject({
      specialRequirementSlaHours: 2,
      reminderLeadHours: 0.5,
      npsAtMost: 4,
      cesAtMost: 2.5,
      csiAtMost: 50,
    });
  });

  it.each([
    ['CX_CASE_SLA_HOURS', '{"PRICE":4}', 'CX_CASE_SLA_HOURS has an unknown key "PRICE"'],
    ['CX_CASE_SLA_HOURS', '{"QUALITY":0}', 'CX_CASE_SLA_HOURS key "QUALITY" must be a positive'],
    ['CX_CASE_SLA_HOURS', '[1]', 'CX_CASE_SLA_HOURS must be a JSON object'],
    ['CX_CASE_THRESHOLDS', '{"npsAtMost":11}', 'key "npsAtMost" must be a number from 0 to 10'],
    ['CX_CASE_REMINDER_HOURS', 'soon', 'CX_CASE_REMINDER_HOURS must be a positive number of hours'],
  ])('rejects %s=%j with a clear message', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('Formbricks settings (CX_FORMBRICKS_*)', () => {
  it('refuses deliveries until a secret is set, and maps default question and field ids', () => {
    const { formbricks } = loadConfig({});
    expect(formbricks.secret).toBeUndefined();
    expect(formbricks.mapping).toMatchObject({
      nps: 'nps',
      csi: 'csi',
      csiRange: 100,
      text: ['feedback'],
      email: 'email',
      accountId: 'accountId',
      contactExternalId: 'contactExternalId',
    });
  });

  it('reads the secret and overrides the mapping keys named in CX_FORMBRICKS_MAPPING', () => {
    const { formbricks } = loadConfig({
      CX_FORMBRICKS_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      CX_FORMBRICKS_MAPPING: '{"nps":"q1","text":"q3","csiRange":5}',
    });
    expect(formbricks.secret).toBe('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(formbricks.mapping).toMatchObject({ nps: 'q1', text: ['q3'], csiRange: 5, csi: 'csi' });
  });

  it.each([
    ['CX_FORMBRICKS_MAPPING', '{"score":"q1"}', 'CX_FORMBRICKS_MAPPING has an unknown key "score"'],
    ['CX_FORMBRICKS_MAPPING', '{"nps":""}', 'CX_FORMBRICKS_MAPPING key "nps" must be a question'],
    ['CX_FORMBRICKS_MAPPING', '{"csiRange":0}', 'key "csiRange" must be a positive number'],
    ['CX_FORMBRICKS_MAPPING', '[]', 'CX_FORMBRICKS_MAPPING must be a JSON object'],
    ['CX_FORMBRICKS_SECRET', 'not a secret!', 'CX_FORMBRICKS_SECRET must be the webhook'],
  ])('rejects %s=%j with a clear message', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('webhook settings (CX_WEBHOOK_*)', () => {
  it('defaults to public addresses only, 6 attempts from 30 s backoff, pausing after 5 failed deliveries', () => {
    expect(loadConfig({}).webhooks).toEqual({
      allowPrivate: false,
      maxAttempts: 6,
      initialBackoffSeconds: 30,
      pauseAfterFailures: 5,
      requestTimeoutMs: 10_000,
      pollMs: 2_000,
      lookbackSeconds: 600,
    });
  });

  it('reads each setting from its variable', () => {
    expect(
      loadConfig({
        CX_WEBHOOK_ALLOW_PRIVATE: 'true',
        CX_WEBHOOK_MAX_ATTEMPTS: '3',
        CX_WEBHOOK_BACKOFF_SECONDS: '5',
        CX_WEBHOOK_PAUSE_AFTER_FAILURES: '2',
        CX_WEBHOOK_TIMEOUT_MS: '1500',
        CX_WEBHOOK_POLL_MS: '250',
        CX_WEBHOOK_LOOKBACK_SECONDS: '60',
      }).webhooks,
    ).toEqual({
      allowPrivate: true,
      maxAttempts: 3,
      initialBackoffSeconds: 5,
      pauseAfterFailures: 2,
      requestTimeoutMs: 1500,
      pollMs: 250,
      lookbackSeconds: 60,
    });
  });

  it.each([
    ['CX_WEBHOOK_ALLOW_PRIVATE', 'maybe', 'CX_WEBHOOK_ALLOW_PRIVATE must be true or false'],
    ['CX_WEBHOOK_MAX_ATTEMPTS', '0', 'CX_WEBHOOK_MAX_ATTEMPTS must be a positive integer'],
    [
      'CX_WEBHOOK_PAUSE_AFTER_FAILURES',
      '-1',
      'CX_WEBHOOK_PAUSE_AFTER_FAILURES must be a non-negative',
    ],
  ])('rejects %s=%j with a clear message', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('mail delivery settings (CX_SMTP_*, CX_MAIL_*)', () => {
  it('configures no SMTP server by default, so the outbox waits, with a From address of its own', () => {
    const { mail } = loadConfig({});
    expect(mail.smtp).toBeNull();
    expect(mail.unsubscribe).toBeNull();
    expect(mail.from).toBe('CX Ops Hub <cx-hub@localhost>');
    expect(mail.timings).toMatchObject({
      intervalMs: 30_000,
      maxAttempts: 8,
      retryInitialMs: 30_000,
    });
  });

  it('takes the server from CX_SMTP_URL, or from its parts with the port following CX_SMTP_SECURE', () => {
    expect(loadConfig({ CX_SMTP_URL: 'smtps://hub:secret@mail.example.com' }).mail.smtp).toEqual({
      url: 'smtps://hub:secret@mail.example.com',
    });
    expect(
      loadConfig({
        CX_SMTP_HOST: 'mail.example.com',
        CX_SMTP_SECURE: 'true',
        CX_SMTP_USER: 'hub',
        CX_SMTP_PASSWORD: 'secret',
      }).mail.smtp,
    ).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      user: 'hub',
      password: 'secret',
    });
    expect(loadConfig({ CX_SMTP_HOST: 'mail.example.com' }).mail.smtp).toEqual({
      host: 'mail.example.com',
      port: 587,
      secure: false,
    });
  });

  it('signs unsubscribe links to CX_PUBLIC_URL (without its trailing slash) with CX_UNSUBSCRIBE_SECRET', () => {
    const secret = 'x'.repeat(32);
    expect(
      loadConfig({ CX_PUBLIC_URL: 'https://hub.example.com/', CX_UNSUBSCRIBE_SECRET: secret }).mail
        .unsubscribe,
    ).toEqual({ publicUrl: 'https://hub.example.com', secret });
  });

  it.each([
    [{ CX_PUBLIC_URL: 'https://hub.example.com' }, /both CX_PUBLIC_URL and CX_UNSUBSCRIBE_SECRET/],
    [
      { CX_PUBLIC_URL: 'hub.example.com', CX_UNSUBSCRIBE_SECRET: 'x'.repeat(32) },
      /CX_PUBLIC_URL must start with http/,
    ],
    [
      { CX_PUBLIC_URL: 'https://hub.example.com', CX_UNSUBSCRIBE_SECRET: 'short' },
      /CX_UNSUBSCRIBE_SECRET must be at least 32 characters/,
    ],
    [{ CX_SMTP_URL: 'http://mail.example.com' }, /CX_SMTP_URL must start with smtp:\/\//],
    [{ CX_SMTP_URL: 'smtp://a', CX_SMTP_HOST: 'b' }, /either CX_SMTP_URL or CX_SMTP_HOST/],
    [{ CX_SMTP_HOST: 'b', CX_SMTP_PORT: '70000' }, /CX_SMTP_PORT must be a port number/],
    [{ CX_SMTP_HOST: 'b', CX_SMTP_SECURE: 'yes' }, /CX_SMTP_SECURE must be true or false/],
    [{ CX_SMTP_HOST: 'b', CX_SMTP_USER: 'hub' }, /both CX_SMTP_USER and CX_SMTP_PASSWORD/],
    [{ CX_MAIL_FROM: 'nobody' }, /CX_MAIL_FROM must be an address/],
    [{ CX_MAIL_MAX_ATTEMPTS: '0' }, /CX_MAIL_MAX_ATTEMPTS must be a whole number of at least 1/],
  ])('refuses %j with a sentence naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
