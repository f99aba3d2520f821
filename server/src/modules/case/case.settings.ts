import { ComplaintClass } from '../feedback/feedback.enums.js';

/** When a case opens, and how long its owner has to answer the client. */
export interface CaseSettings {
  /** Response SLA in hours per complaint class; DEFAULT for feedback without a class. */
  slaHours: Record<ComplaintClass | 'DEFAULT', number>;
  /** The shorter SLA of a complaint touching a special requirement of the account. */
  specialRequirementSlaHours: number;
  /** The owner is reminded this long before the deadline (at half the SLA when it is shorter). */
  reminderLeadHours: number;
  /** NPS at or below this is a detractor (0–10). */
  npsAtMost: number;
  /** CSI at or below this is low (0–100). */
  csiAtMost: number;
  /** CES at or below this is high effort (1–7, higher = easier). */
  cesAtMost: number;
}

export const CASE_SLA_ENV = 'CX_CASE_SLA_HOURS';
export const CASE_THRESHOLDS_ENV = 'CX_CASE_THRESHOLDS';

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  slaHours: {
    DEFAULT: 48,
    [ComplaintClass.DELIVERY_DISCIPLINE]: 24,
    [ComplaintClass.QUALITY]: 48,
    [ComplaintClass.SERVICE]: 24,
    [ComplaintClass.DETERIORATION]: 24,
  },
  specialRequirementSlaHours: 8,
  reminderLeadHours: 4,
  npsAtMost: 6,
  csiAtMost: 50,
  cesAtMost: 3,
};

function positiveHours(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number of hours, got ${JSON.stringify(value)}`);
  }
  return value;
}

function json(env: NodeJS.ProcessEnv, name: string): Record<string, unknown> {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${name} must be a JSON object, got "${raw}"`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${name} must be a JSON object, got "${raw}"`);
  }
  return parsed as Record<string, unknown>;
}

function known<K extends string>(name: string, obj: Record<string, unknown>, keys: readonly K[]) {
  for (const key of Object.keys(obj)) {
    if (!keys.includes(key as K)) {
      throw new Error(`${name} has an unknown key "${key}"; known: ${keys.join(', ')}`);
    }
  }
}

function inRange(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Case settings from the environment: `CX_CASE_SLA_HOURS` (JSON, hours per complaint class
 * and DEFAULT), `CX_CASE_SPECIAL_SLA_HOURS`, `CX_CASE_REMINDER_HOURS` and
 * `CX_CASE_THRESHOLDS` (JSON: npsAtMost, csiAtMost, cesAtMost). Keys left out keep defaults.
 */
export function loadCaseSettings(env: NodeJS.ProcessEnv): CaseSettings {
  const d = DEFAULT_CASE_SETTINGS;
  const sla = json(env, CASE_SLA_ENV);
  const slaKeys = Object.keys(d.slaHours) as (keyof CaseSettings['slaHours'])[];
  known(CASE_SLA_ENV, sla, slaKeys);
  const slaHours = { ...d.slaHours };
  for (const key of slaKeys) {
    if (sla[key] !== undefined)
      slaHours[key] = positiveHours(`${CASE_SLA_ENV} key "${key}"`, sla[key]);
  }
  const hoursOf = (name: string, fallback: number) => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? fallback : positiveHours(name, Number(raw));
  };
  const t = json(env, CASE_THRESHOLDS_ENV);
  known(CASE_THRESHOLDS_ENV, t, ['npsAtMost', 'csiAtMost', 'cesAtMost'] as const);
  const key = (k: string) => `${CASE_THRESHOLDS_ENV} key "${k}"`;
  return {
    slaHours,
    specialRequirementSlaHours: hoursOf('CX_CASE_SPECIAL_SLA_HOURS', d.specialRequirementSlaHours),
    reminderLeadHours: hoursOf('CX_CASE_REMINDER_HOURS', d.reminderLeadHours),
    npsAtMost:
      t.npsAtMost === undefined ? d.npsAtMost : inRange(key('npsAtMost'), t.npsAtMost, 0, 10),
    csiAtMost:
      t.csiAtMost === undefined ? d.csiAtMost : inRange(key('csiAtMost'), t.csiAtMost, 0, 100),
    cesAtMost:
      t.cesAtMost === undefined ? d.cesAtMost : inRange(key('cesAtMost'), t.cesAtMost, 1, 7),
  };
}
