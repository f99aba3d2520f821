import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATURITY_THRESHOLDS,
  loadMaturityThresholds,
  parseMaturityThresholds,
} from '../../server/src/modules/maturity/maturity.thresholds.js';

describe('maturity thresholds from CX_MATURITY_THRESHOLDS', () => {
  it('uses the defaults when the variable is unset or blank', () => {
    expect(loadMaturityThresholds({})).toEqual(DEFAULT_MATURITY_THRESHOLDS);
    expect(parseMaturityThresholds('  ')).toEqual(DEFAULT_MATURITY_THRESHOLDS);
    expect(DEFAULT_MATURITY_THRESHOLDS).toMatchObject({
      ackSlaMinutes: 60,
      ackSlaShare: 0.9,
      periodDays: 90,
      minChannels: 2,
      minCorrelationAccounts: 30,
    });
  });

  it('overrides only the keys it names and keeps the other defaults', () => {
    const t = loadMaturityThresholds({
      CX_MATURITY_THRESHOLDS: '{"ackSlaMinutes":15,"everyShare":0.95,"recentMonths":6}',
    });
    expect(t).toEqual({
      ...DEFAULT_MATURITY_THRESHOLDS,
      ackSlaMinutes: 15,
      everyShare: 0.95,
      recentMonths: 6,
    });
  });

  it('does not let one parse change the defaults another parse sees', () => {
    parseMaturityThresholds('{"minChannels":5}');
    expect(parseMaturityThresholds(undefined).minChannels).toBe(2);
    expect(Object.isFrozen(DEFAULT_MATURITY_THRESHOLDS)).toBe(true);
  });

  it.each([
    [
      'bad JSON',
      '{ackSlaMinutes: 60}',
      /^CX_MATURITY_THRESHOLDS must be a JSON object such as \{"ackSlaMinutes":60\}, but it is not valid JSON \(.+\)\.$/,
    ],
    [
      'an array',
      '[1, 2]',
      'CX_MATURITY_THRESHOLDS must be a JSON object such as {"ackSlaMinutes":60}, got [1,2].',
    ],
    [
      'an unknown key',
      '{"ackSla":60}',
      /^CX_MATURITY_THRESHOLDS has an unknown key "ackSla"; known keys are periodDays, .*ackSlaMinutes.*\.$/,
    ],
    [
      'a number given as a string',
      '{"ackSlaMinutes":"60"}',
      'CX_MATURITY_THRESHOLDS key "ackSlaMinutes" must be a positive number, got "60".',
    ],
    [
      'a share above 1',
      '{"ackSlaShare":90}',
      'CX_MATURITY_THRESHOLDS key "ackSlaShare" must be a share between 0 and 1, got 90.',
    ],
    [
      'a fractional count',
      '{"minChannels":2.5}',
      'CX_MATURITY_THRESHOLDS key "minChannels" must be a whole number from 1 to 11, got 2.5.',
    ],
    [
      'too few accounts for a correlation',
      '{"minCorrelationAccounts":2}',
      'CX_MATURITY_THRESHOLDS key "minCorrelationAccounts" must be a whole number from 3 to 1000000, got 2.',
    ],
    [
      'null',
      '{"periodDays":null}',
      'CX_MATURITY_THRESHOLDS key "periodDays" must be a whole number from 1 to 3650, got null.',
    ],
  ])('refuses %s with a sentence naming the problem', (_case, raw, message) => {
    expect(() => parseMaturityThresholds(raw)).toThrow(message);
  });
});
