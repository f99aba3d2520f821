import { beforeAll, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import {
  ProcessGroup,
  RevisionOrigin,
} from '../../server/src/modules/initiative/initiative.enums.js';
import type { GroupMaturity } from '../../server/src/modules/maturity/maturity.criteria.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import {
  DEFAULT_MATURITY_THRESHOLDS,
  type MaturityThresholds,
} from '../../server/src/modules/maturity/maturity.thresholds.js';
import { describeEachDatabase } from '../helpers/db.js';
import {
  addObservations,
  createAccounts,
  createMetricDefinition,
} from '../fixtures/maturity-factories.js';
import { addRevision, createInitiative } from '../fixtures/maturity-work-factories.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const MONTHS = ['2026-03', '2026-04', '2026-05'] as const;
/** Actual CSI per account (A, B, C, D) and month; forecasts for A, B, C in April and May. */
const ACTUAL = [
  [70, 72, 74],
  [60, 58, 61],
  [80, 85, 83],
  [50, 55, 52],
];
const FORECAST = [
  [null, 71, 73],
  [null, 62, 60],
  [null, 82, 84],
  [null, null, null],
];

async function evaluate(orm: Orm, overrides: Partial<MaturityThresholds> = {}) {
  const groups = await evaluateMaturity(orm.em.fork(), NOW, {
    ...DEFAULT_MATURITY_THRESHOLDS,
    ...overrides,
  });
  const of = (group: ProcessGroup, code: string) =>
    (groups.find((g) => g.processGroup === group) as GroupMaturity).criteria.find(
      (c) => c.code === code,
    )!;
  return of;
}

/** The errors computed here from the tables above, independently of the SQL. */
function expectedErrors(): { forecast: number; naive: number; pairs: number } {
  const f: number[] = [];
  const n: number[] = [];
  MONTHS.forEach((_, m) => {
    const mean = ACTUAL.reduce((s, row) => s + row[m]!, 0) / ACTUAL.length;
    FORECAST.forEach((row, a) => {
      const forecast = row[m];
      if (forecast == null) return;
      f.push(Math.abs(forecast - ACTUAL[a]![m]!));
      n.push(Math.abs(ACTUAL[a]![m]! - mean));
    });
  });
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return { forecast: avg(f), naive: avg(n), pairs: f.length };
}

describeEachDatabase('computed maturity from forecasts', (getOrm) => {
  let accounts: ClientAccount[];

  beforeAll(async () => {
    accounts = await createAccounts(getOrm(), 4);
    const csi = await createMetricDefinition(getOrm(), 'CSI');
    const forecast = await createMetricDefinition(getOrm(), 'CSI_FORECAST');
    const cell = (table: (number | null)[][]) =>
      table.flatMap((row, a) =>
        MONTHS.flatMap((period, m) =>
          row[m] == null
            ? []
            : [
                {
                  account: accounts[a]!,
                  period,
                  value: row[m]!,
                  createdAt: new Date('2026-05-10T00:00:00Z'),
                },
              ],
        ),
      );
    await addObservations(getOrm(), csi, cell(ACTUAL));
    await addObservations(getOrm(), forecast, cell(FORECAST));
  });

  it('compares the forecasts’ error with the naive month-mean error', async () => {
    const e = expectedErrors();
    const of = await evaluate(getOrm(), { minForecastPairs: e.pairs });
    const c = of(ProcessGroup.ANALYSE, 'ANALYSE_FORECASTS_BEAT_NAIVE');
    expect(c.met).toBe(true);
    expect(c.value).toBeCloseTo(e.forecast, 9);
    expect(c.figure).toBe(
      `mean absolute error ${e.forecast.toFixed(2)} vs naive ${e.naive.toFixed(2)} over ${e.pairs} forecast/actual pairs since 2025-06`,
    );
    const strict = await evaluate(getOrm());
    expect(strict(ProcessGroup.ANALYSE, 'ANALYSE_FORECASTS_BEAT_NAIVE').met).toBe(false);
  });

  it('tracks forecast accuracy only in months with forecast/actual pairs', async () => {
    const of = await evaluate(getOrm());
    expect(of(ProcessGroup.MONITOR, 'MONITOR_FORECAST_ACCURACY_TRACKED')).toMatchObject({
      met: false,
      value: 2,
      figure: 'NPS/CSI forecast/actual pairs per month: 2026-03: 0, 2026-04: 3, 2026-05: 3',
    });
  });

  it('counts the active accounts with a satisfaction forecast for the latest month', async () => {
    const of = await evaluate(getOrm());
    expect(of(ProcessGroup.COLLECT, 'COLLECT_PREDICTED_INDEX')).toMatchObject({
      met: true,
      value: 0.75,
      figure:
        '75% of active accounts have a satisfaction forecast (3 of 4; NPS_FORECAST or CSI_FORECAST observations from 2026-05)',
    });
  });

  it('counts a correction as foreseen only when a forecast for an affected account came first', async () => {
    const [a, b, , d] = accounts as [ClientAccount, ClientAccount, ClientAccount, ClientAccount];
    const cases: [ClientAccount, string][] = [
      [a, '2026-05-20T00:00:00Z'], // the forecast of 2026-05-10 came first
      [b, '2026-04-01T00:00:00Z'], // B's forecast was recorded later
      [d, '2026-05-20T00:00:00Z'], // D has no forecast
    ];
    for (const [account, openedAt] of cases) {
      const initiative = await createInitiative(getOrm(), { affectedAccounts: [account] });
      await addRevision(getOrm(), initiative, {
        number: 2,
        origin: RevisionOrigin.OWNER_CORRECTION,
        openedAt: new Date(openedAt),
      });
    }
    const of = await evaluate(getOrm());
    expect(of(ProcessGroup.CORRECT, 'CORRECT_FORESEEN')).toMatchObject({
      met: true,
      value: 1,
      figure:
        '1 of 3 revisions since 2025-06 followed a satisfaction forecast for an affected account',
    });
  });
});
