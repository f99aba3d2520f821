import { beforeAll, expect, it } from 'vitest';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { Alert } from '../../server/src/modules/monitor/alert.entity.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { InboxKind } from '../../server/src/modules/initiative/initiative.enums.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { AlertKind } from '../../server/src/modules/monitor/monitor.enums.js';
import { MonitorService } from '../../server/src/modules/monitor/monitor.service.js';
import { addFeedback, addFigures, createAccounts } from '../fixtures/maturity-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';

const AT = new Date('2026-06-15T12:00:00.000Z');
/** The twelve complete months before AT. */
const MONTHS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2025, 5 + m, 15, 12)));
const period = (d: Date) => d.toISOString().slice(0, 7);

describeEachDatabase('the divergence rule on a hand-built world', (getOrm) => {
  let rising: ClientAccount, risingPaysBetter: ClientAccount, flat: ClientAccount;
  let office: Department;

  beforeAll(async () => {
    [rising, risingPaysBetter, flat] = (await createAccounts(getOrm(), 3)) as [
      ClientAccount,
      ClientAccount,
      ClientAccount,
    ];
    // Three CSI answers a month, 2 points higher each month (±3 around the month's level), or flat.
    const csi = (account: ClientAccount, slope: number) =>
      MONTHS.flatMap((at, m) =>
        [-3, 0, 3].map((d) => ({ account, receivedAt: at, csiScore: 60 + slope * m + d })),
      );
    await addFeedback(getOrm(), [...csi(rising, 2), ...csi(risingPaysBetter, 2), ...csi(flat, 0)]);
    // Days late: flat around 5 (±1), or falling by a day a month.
    await addFigures(
      getOrm(),
      MONTHS.flatMap((at, m) => [
        {
          account: rising,
          period: period(at),
          revenue: 100,
          grossMargin: 20,
          avgDaysLate: 5 + (m % 2 ? 1 : -1),
        },
        {
          account: risingPaysBetter,
          period: period(at),
          revenue: 100,
          grossMargin: 20,
          avgDaysLate: 14 - m,
        },
        { account: flat, period: period(at), revenue: 100, grossMargin: 20, avgDaysLate: 5 },
      ]),
    );
    // The accounts have no owner: their alerts' inbox entries go to the CX office.
    const em = getOrm().em.fork();
    office = em.create(Department, { code: 'CX_OFFICE', name: 'CX office', isCxOffice: true });
    await em.flush();
    await domainContext(getOrm(), { viewer: { actor: 'workflow:period-monitor' }, at: AT })
      .service(MonitorService)
      .run();
  });

  it('raises a divergence alert only where satisfaction rose and days late did not fall', async () => {
    const alerts = await getOrm().em.fork().find(Alert, { kind: AlertKind.DIVERGENCE });
    expect(alerts.map((a) => a.account.id)).toEqual([rising.id]);
    const figures = alerts[0]!.figures as Record<string, number>;
    // CSI rises 2 points a calendar month (months of 30.44 days: within a few percent).
    expect(figures.satisfactionPerMonth).toBeGreaterThan(1.9);
    expect(figures.satisfactionPerMonth).toBeLessThan(2.1);
    expect(figures.scores).toBe(36);
    expect(figures.paymentMonths).toBe(12);
    expect(Math.abs(figures.daysLatePerMonth!)).toBeLessThan(0.2);
    // First and last third of the window: months 0–3 around 63, months 8–11 around 79.
    expect(figures.satisfactionFirst).toBe(63);
    expect(figures.satisfactionLast).toBe(79);
    expect(alerts[0]!.period).toBe('2026-05');
  });

  it('tells the CX office when the account has no owner: the inbox entry is the task', async () => {
    const [alert] = await getOrm().em.fork().find(Alert, { kind: AlertKind.DIVERGENCE });
    const entries = await getOrm()
      .em.fork()
      .find(InboxEntry, { kind: InboxKind.MONITOR_ALERT, recipientDepartment: office.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.subject).toBe(
      `${rising.name}: Satisfaction rises, payments do not: analyse`,
    );
    expect(entries[0]!.body).toContain(alert!.id);
  });
});
