import { beforeAll, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import {
  InitiativeStatus,
  ProcessGroup,
} from '../../server/src/modules/initiative/initiative.enums.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import { DEFAULT_MATURITY_THRESHOLDS } from '../../server/src/modules/maturity/maturity.thresholds.js';
import { describeEachDatabase } from '../helpers/db.js';
import { addFeedback, addFigures, createAccounts } from '../fixtures/maturity-factories.js';
import { createInitiative } from '../fixtures/maturity-work-factories.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

/** Per account: CSI and days paid late in the prior quarter (Jan) and the recent one (Apr). */
const CASES = {
  risesPaysSlower: { csi: [60, 70], late: [5, 6] },
  risesPaysFaster: { csi: [60, 70], late: [8, 3] },
  barelyRises: { csi: [70, 72], late: [4, 9] },
  risesPaysSame: { csi: [60, 66], late: [5, 5] },
} as const;

async function divergence(orm: Orm) {
  const groups = await evaluateMaturity(orm.em.fork(), NOW, {
    ...DEFAULT_MATURITY_THRESHOLDS,
    minCorrelationAccounts: 4,
  });
  return groups
    .find((g) => g.processGroup === ProcessGroup.MONITOR)!
    .criteria.find((c) => c.code === 'MONITOR_DIVERGENCE_FOLLOWED')!;
}

describeEachDatabase('divergence between satisfaction and payments', (getOrm) => {
  let byCase: Record<keyof typeof CASES, ClientAccount>;

  beforeAll(async () => {
    const names = Object.keys(CASES) as (keyof typeof CASES)[];
    // One more account has a recent CSI only: it cannot be checked.
    const accounts = await createAccounts(getOrm(), names.length + 1);
    byCase = Object.fromEntries(names.map((n, i) => [n, accounts[i]!])) as typeof byCase;
    await addFeedback(getOrm(), [
      ...names.flatMap((n) => [
        { account: byCase[n], csiScore: CASES[n].csi[0], receivedAt: new Date('2026-01-15') },
        { account: byCase[n], csiScore: CASES[n].csi[1], receivedAt: new Date('2026-04-15') },
      ]),
      { account: accounts[names.length]!, csiScore: 90, receivedAt: new Date('2026-04-15') },
    ]);
    await addFigures(
      getOrm(),
      names.flatMap((n) => [
        {
          account: byCase[n],
          period: '2026-01',
          revenue: 1,
          grossMargin: 0.2,
          avgDaysLate: CASES[n].late[0],
        },
        {
          account: byCase[n],
          period: '2026-04',
          revenue: 1,
          grossMargin: 0.2,
          avgDaysLate: CASES[n].late[1],
        },
      ]),
    );
  });

  it('flags accounts whose CSI rose by 5+ while days late did not fall, and none is followed yet', async () => {
    expect(await divergence(getOrm())).toMatchObject({
      met: false,
      value: 0,
      figure:
        '4 accounts checked; 2 diverging (satisfaction up, payments not better), 0 of them under an open MONITOR/CORRECT initiative',
    });
  });

  it('counts only open MONITOR or CORRECT initiatives as following a diverging account', async () => {
    await createInitiative(getOrm(), {
      processGroup: ProcessGroup.MONITOR,
      affectedAccounts: [byCase.risesPaysSlower],
    });
    await createInitiative(getOrm(), {
      processGroup: ProcessGroup.CORRECT,
      status: InitiativeStatus.CLOSED,
      affectedAccounts: [byCase.risesPaysSame],
    });
    await createInitiative(getOrm(), {
      processGroup: ProcessGroup.IMPLEMENT,
      affectedAccounts: [byCase.risesPaysSame],
    });
    const half = await divergence(getOrm());
    expect(half).toMatchObject({ met: false, value: 0.5 });
    expect(half.figure).toContain('1 of them under an open MONITOR/CORRECT initiative');
    await createInitiative(getOrm(), {
      processGroup: ProcessGroup.CORRECT,
      affectedAccounts: [byCase.risesPaysSame],
    });
    expect(await divergence(getOrm())).toMatchObject({ met: true, value: 1 });
  });
});
