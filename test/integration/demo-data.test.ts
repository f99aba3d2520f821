import { expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../server/src/demo/load.js';
import { seedReferenceData } from '../../server/src/demo/reference-data.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { ProcessClass } from '../../server/src/modules/journey/process-class.entity.js';
import { MetricDefinition } from '../../server/src/modules/metric/metric-definition.entity.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { ValueFactor } from '../../server/src/modules/value/value-factor.entity.js';
import { describeEachDatabase } from '../helpers/db.js';

const LOAD_TIMEOUT_MS = 120_000;

describeEachDatabase('demo data', (getOrm, dialect) => {
  it('seeds the reference data once and adds nothing on the next start', async () => {
    const orm = getOrm();
    const created = await orm.em.fork().transactional((em) => seedReferenceData(em));
    expect(created.valueFactors).toBe(40);
    expect(created.departments).toBeGreaterThanOrEqual(10);
    expect(created.processClasses).toBeGreaterThanOrEqual(20);
    expect(created.metricDefinitions).toBeGreaterThanOrEqual(55);
    expect(created.touchpoints).toBeGreaterThan(created.processClasses);
    const again = await orm.em.fork().transactional((em) => seedReferenceData(em));
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    const em = orm.em.fork();
    expect(await em.count(ValueFactor, {})).toBe(40);
    expect(await em.count(Department, { isCxOffice: true })).toBe(1);
  });

  it(
    'loads the demo company into an empty database in under a minute',
    async () => {
      const orm = getOrm();
      const result = await loadDemoIfEmpty(orm, { seed: 1, scale: 1 });
      expect(result).not.toBeNull();
      const s = (ms: number) => (ms / 1000).toFixed(1);
      console.log(
        `[${dialect}] demo data: ${result!.rows} rows in ${s(result!.durationMs)} s ` +
          `(generate ${s(result!.generateMs)} s, write ${s(result!.writeMs)} s, ` +
          `of which initiatives through the services ${s(result!.playMs)} s)`,
      );
      expect(result!.durationMs).toBeLessThan(60_000);
      const em = orm.em.fork();
      expect(await em.count(ClientAccount, {})).toBe(300);
      expect(await em.count(Contact, {})).toBe(1000);
      expect(await em.count(FeedbackItem, {})).toBe(20_000);
      // Historic feedback must not make the reconciler start 20,000 workflows.
      expect(await em.count(FeedbackItem, { workflowStartedAt: null })).toBe(0);
      const initiative = await em.findOneOrFail(
        Initiative,
        { title: 'Delivery windows booked online' },
        { populate: ['affectedAccounts', 'feedback', 'processClass'] },
      );
      expect(initiative.affectedAccounts.count()).toBeGreaterThan(0);
      expect(initiative.feedback.count()).toBeGreaterThan(0);
      expect(initiative.processClass?.code).toBe('DELIVERY_PLANNING');
      const metric = await em.findOneOrFail(
        MetricDefinition,
        { code: 'OTIF' },
        { populate: ['processClass', 'factor'] },
      );
      expect(metric.processClass?.code).toBe('SHIPMENT_LOGISTICS');
      expect(await em.count(ProcessClass, {})).toBeGreaterThanOrEqual(20);
    },
    LOAD_TIMEOUT_MS,
  );

  it('loads nothing when the database already has client accounts', async () => {
    const orm = getOrm();
    expect(await loadDemoIfEmpty(orm, { seed: 2, scale: 1 })).toBeNull();
    expect(await orm.em.fork().count(ClientAccount, {})).toBe(300);
  });
});
