/** The environment variable that overrides maturity thresholds with a JSON object. */
export const THRESHOLDS_ENV = 'CX_MATURITY_THRESHOLDS';

/** Every number the computed maturity compares evidence with. Shares are 0–1. */
export interface MaturityThresholds {
  /** Days before "now" that make the period of flow criteria (feedback, acknowledgements). */
  periodDays: number;
  /** Complete calendar months checked by "every month" criteria (Pareto, NPS/CSI). */
  recentMonths: number;
  /** Months of history for the correlation, initiative history and metric use. */
  historyMonths: number;
  /** Share that criteria saying "every" or "each" accept; 1 means all. */
  everyShare: number;
  minChannels: number;
  respondentCoverageShare: number;
  ackSlaMinutes: number;
  ackSlaShare: number;
  channelShare: number;
  minResponseRate: number;
  forecastCoverageShare: number;
  negativeClassifiedShare: number;
  paretoInitiativeShare: number;
  processClassShare: number;
  classifierMinReviews: number;
  classifierAccuracy: number;
  minForecastPairs: number;
  satisfactionTargetShare: number;
  minScoresPerMonth: number;
  financeCoverageShare: number;
  minCorrelationAccounts: number;
  divergenceCsiRise: number;
  maxUnusedMetricShare: number;
  councilDecisionDays: number;
  councilDecidedShare: number;
  correctionEffectShare: number;
}

type Rule = { kind: 'share' } | { kind: 'positive' } | { kind: 'int'; min: number; max: number };

const share: Rule = { kind: 'share' };
const positive: Rule = { kind: 'positive' };
const int = (min: number, max = 1_000_000): Rule => ({ kind: 'int', min, max });

/** Each key's default and what values it accepts. */
const SPEC: { [K in keyof MaturityThresholds]: [MaturityThresholds[K], Rule] } = {
  periodDays: [90, int(1, 3_650)],
  recentMonths: [3, int(1, 24)],
  historyMonths: [12, int(2, 60)],
  everyShare: [1, share],
  minChannels: [2, int(1, 11)],
  respondentCoverageShare: [0.6, share],
  ackSlaMinutes: [60, positive],
  ackSlaShare: [0.9, share],
  channelShare: [0.75, share],
  minResponseRate: [0.2, share],
  forecastCoverageShare: [0.5, share],
  negativeClassifiedShare: [0.8, share],
  paretoInitiativeShare: [0.5, share],
  processClassShare: [0.8, share],
  classifierMinReviews: [30, int(1)],
  classifierAccuracy: [0.8, share],
  minForecastPairs: [30, int(1)],
  satisfactionTargetShare: [0.5, share],
  minScoresPerMonth: [30, int(1)],
  financeCoverageShare: [0.8, share],
  // A correlation of fewer than three points says nothing.
  minCorrelationAccounts: [30, int(3)],
  divergenceCsiRise: [5, positive],
  maxUnusedMetricShare: [0.2, share],
  councilDecisionDays: [30, int(1, 3_650)],
  councilDecidedShare: [0.8, share],
  correctionEffectShare: [0.5, share],
};

const KEYS = Object.keys(SPEC) as (keyof MaturityThresholds)[];

export const DEFAULT_MATURITY_THRESHOLDS: Readonly<MaturityThresholds> = Object.freeze(
  Object.fromEntries(KEYS.map((k) => [k, SPEC[k][0]])) as unknown as MaturityThresholds,
);

function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'share':
      return 'a share between 0 and 1';
    case 'positive':
      return 'a positive number';
    case 'int':
      return `a whole number from ${rule.min} to ${rule.max}`;
  }
}

function accepts(rule: Rule, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  switch (rule.kind) {
    case 'share':
      return value >= 0 && value <= 1;
    case 'positive':
      return value > 0;
    case 'int':
      return Number.isInteger(value) && value >= rule.min && value <= rule.max;
  }
}

/**
 * The defaults overridden by a JSON object (the value of CX_MATURITY_THRESHOLDS); unset or blank
 * gives the defaults. Throws an Error whose message is one sentence naming the bad key.
 */
export function parseMaturityThresholds(raw: string | undefined): MaturityThresholds {
  const result: MaturityThresholds = { ...DEFAULT_MATURITY_THRESHOLDS };
  if (raw === undefined || raw.trim() === '') return result;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${THRESHOLDS_ENV} must be a JSON object such as {"ackSlaMinutes":60}, but it is not valid JSON (${reason}).`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `${THRESHOLDS_ENV} must be a JSON object such as {"ackSlaMinutes":60}, got ${JSON.stringify(parsed)}.`,
    );
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(SPEC, key)) {
      throw new Error(
        `${THRESHOLDS_ENV} has an unknown key "${key}"; known keys are ${KEYS.join(', ')}.`,
      );
    }
    const name = key as keyof MaturityThresholds;
    const rule = SPEC[name][1];
    if (!accepts(rule, value)) {
      throw new Error(
        `${THRESHOLDS_ENV} key "${key}" must be ${describeRule(rule)}, got ${JSON.stringify(value)}.`,
      );
    }
    result[name] = value;
  }
  return result;
}

/** Reads CX_MATURITY_THRESHOLDS from the given environment (the process's by default). */
export function loadMaturityThresholds(env: NodeJS.ProcessEnv = process.env): MaturityThresholds {
  return parseMaturityThresholds(env[THRESHOLDS_ENV]);
}
