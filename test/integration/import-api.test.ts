import type { EntityClass } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import {
  AccountTier,
  CompanySize,
  RespondentClass,
} from '../../server/src/modules/client/client.enums.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { Segment } from '../../server/src/modules/client/segment.entity.js';
import { TransactionalFigures } from '../../server/src/modules/client/transactional-figures.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { MetricDefinition } from '../../server/src/modules/metric/metric-definition.entity.js';
import { MetricObservation } from '../../server/src/modules/metric/metric-observation.entity.js';
import {
  BetterDirection,
  CollectionMethod,
  MetricKind,
  MetricLayer,
} from '../../server/src/modules/metric/metric.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, RecordingCollectStarter, type TestApi } from '../helpers/graphql.js';

const RESULT =
  'accepted created updated unchanged refused dryRun rows { index externalId outcome id errors { field code message } }';
const IMPORT_OBSERVATIONS = `mutation ($rows: [MetricObservationRow!]!, $dryRun: Boolean) {
  importMetricObservations(rows: $rows, dryRun: $dryRun) { ${RESULT} } }`;
const IMPORT_FIGURES = `mutation ($rows: [TransactionalFiguresRow!]!) { importTransactionalFigures(rows: $rows) { ${RESULT} } }`;
const IMPORT_FEEDBACK = `mutation ($rows: [FeedbackRow!]!) { importFeedback(rows: $rows) { ${RESULT} } }`;

const ACCOUNTS = 20;
const METRICS = ['NPS', 'CSI', 'CES', 'OTIF', 'CLAIMS'];

/** Accounts `acc-0…acc-19` (each with one contact) and metrics by code, written straight through the ORM. */
async function arrange(orm: Orm): Promise<void> {
  const em = orm.em.fork();
  const segment = em.create(Segment, {
    code: 'chem-m',
    name: 'Chemicals M',
    industry: 'Chemicals',
    size: CompanySize.MEDIUM,
  });
  for (let i = 0; i < ACCOUNTS; i++) {
    const account = em.create(ClientAccount, {
      externalId: `acc-${i}`,
      name: `Client ${i}`,
      segment,
      tier: AccountTier.SMB,
    });
    em.create(Contact, {
      account,
      externalId: `person-${i}`,
      name: `Person ${i}`,
      email: `person${i}@client${i}.example`,
      respondentClass: RespondentClass.TECHNICAL_BUYER,
    });
  }
  for (const code of METRICS) {
    em.create(MetricDefinition, {
      code,
      name: code,
      layer: MetricLayer.SATISFACTION,
      kind: MetricKind.TRIGGER,
      collectionMethod: CollectionMethod.SURVEY,
      unit: 'points',
      betterDirection: BetterDirection.HIGHER,
    });
  }
  await em.flush();
}

/** `count` distinct observations: every metric × account × a month counted back from 2023-12. */
function observationRows(count: number, prefix = 'obs'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const metric = METRICS[i % METRICS.length]!;
    const account = Math.floor(i / METRICS.length) % ACCOUNTS;
    const month = Math.floor(i / (METRICS.length * ACCOUNTS));
    const year = 2023 - Math.floor(month / 12);
    const period = `${year}-${String(12 - (month % 12)).padStart(2, '0')}`;
    return {
      externalId: `${prefix}-${i}`,
      metricCode: metric,
      accountExternalId: `acc-${account}`,
      period,
      value: i % 11,
      source: 'erp',
    };
  });
}

describeEachDatabase('bulk imports', (getOrm, dialect) => {
  let api: TestApi;
  let starter: RecordingCollectStarter;

  beforeAll(async () => {
    starter = new RecordingCollectStarter();
    api = await createTestApi(getOrm(), { collect: starter });
    await arrange(getOrm());
  });
  afterAll(() => api.stop());

  const count = <E extends object>(entity: EntityClass<E>) => getOrm().em.fork().count(entity, {});

  describe('of metric observations', () => {
    const rows = observationRows(10_000);

    it('stores 10,000 rows in one call, in seconds', async () => {
      const audits = await count(AuditEvent);
      const started = performance.now();
      const res = await api.execute(IMPORT_OBSERVATIONS, { rows });
      const ms = Math.round(performance.now() - started);
      console.log(`[${dialect}] importMetricObservations: 10,000 new rows in ${ms} ms`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.importMetricObservations).toMatchObject({
        accepted: 10_000,
        created: 10_000,
        refused: 0,
        dryRun: false,
      });
      expect(res.data!.importMetricObservations.rows[9_999]).toMatchObject({
        index: 9_999,
        externalId: 'obs-9999',
        outcome: 'CREATED',
        errors: [],
      });
      expect(await count(MetricObservation)).toBe(10_000);
      expect(await count(AuditEvent)).toBe(audits + 1);
      const stored = await getOrm()
        .em.fork()
        .findOneOrFail(
          MetricObservation,
          { externalId: 'obs-7' },
          { populate: ['metric', 'account'] },
        );
      expect([stored.metric.code, stored.account.externalId, stored.period, stored.value]).toEqual([
        'CES',
        'acc-1',
        '2023-12',
        7,
      ]);
    }, 120_000);

    it('answers UNCHANGED to the same 10,000 rows again and stores nothing new', async () => {
      const started = performance.now();
      const res = await api.execute(IMPORT_OBSERVATIONS, { rows });
      console.log(
        `[${dialect}] importMetricObservations: 10,000 unchanged rows in ${Math.round(performance.now() - started)} ms`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.importMetricObservations).toMatchObject({
        accepted: 10_000,
        created: 0,
        updated: 0,
        unchanged: 10_000,
      });
      expect(await count(MetricObservation)).toBe(10_000);
    }, 120_000);

    it('updates a row whose values changed and leaves the others alone', async () => {
      const changed = { ...rows[3]!, value: 99.5, sampleSize: 40 };
      const res = await api.execute(IMPORT_OBSERVATIONS, { rows: [rows[2], changed, rows[4]] });
      expect(res.errors).toBeUndefined();
      const result = res.data!.importMetricObservations;
      expect(result.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
        'UNCHANGED',
        'UPDATED',
        'UNCHANGED',
      ]);
      const stored = await getOrm()
        .em.fork()
        .findOneOrFail(MetricObservation, { externalId: 'obs-3' });
      expect([stored.value, stored.sampleSize]).toEqual([99.5, 40]);
      expect(result.rows[1].id).toMatch(/\S+/);
    });

    it('commits the valid rows of a mixed batch and reports each refused row, which writes nothing', async () => {
      const ok = { metricCode: 'NPS', accountExternalId: 'acc-0', value: 7 };
      const batch = [
        { ...ok, externalId: 'mix-1', period: '2024-01' },
        { ...ok, externalId: 'mix-2', accountExternalId: 'nobody', period: '2024-01' },
        { ...ok, externalId: 'mix-3', period: '2024-13' },
        { ...ok, externalId: 'mix-4', period: '2999-01' },
        { ...ok, externalId: 'mix-5', metricCode: 'WOW', period: '2024-02', sampleSize: -1 },
        { ...ok, externalId: 'mix-1', period: '2024-03' },
        { ...ok, externalId: 'mix-6', period: '2024-01' },
        { ...rows[0]!, externalId: 'mix-7' },
        { ...rows[0]!, period: '2024-04' },
        { ...ok, externalId: 'mix-8', period: '2024-02' },
      ];
      const [observations, audits] = [await count(MetricObservation), await count(AuditEvent)];
      const res = await api.execute(IMPORT_OBSERVATIONS, { rows: batch });
      expect(res.errors).toBeUndefined();
      const result = res.data!.importMetricObservations;
      expect(result).toMatchObject({ accepted: 2, created: 2, refused: 8 });
      const errorsOf = (i: number) =>
        result.rows[i].errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      expect(result.rows[0]).toMatchObject({ outcome: 'CREATED', errors: [] });
      expect(errorsOf(1)).toEqual(['accountExternalId:ACCOUNT_NOT_FOUND']);
      expect(result.rows[1].errors[0].message).toBe('No client account with externalId "nobody".');
      expect(errorsOf(2)).toEqual(['period:INVALID_FORMAT']);
      expect(result.rows[2].errors[0].message).toMatch(
        /period must be a month written YYYY-MM, got "2024-13"/,
      );
      expect(errorsOf(3)).toEqual(['period:IN_FUTURE']);
      expect(errorsOf(4)).toEqual(['metricCode:METRIC_NOT_FOUND', 'sampleSize:OUT_OF_RANGE']);
      expect(errorsOf(5)).toEqual(['externalId:DUPLICATE_IN_BATCH']);
      expect(result.rows[5].errors[0].message).toMatch(/already appears in row 0/);
      expect(errorsOf(6)).toEqual(['externalId:NATURAL_KEY_TAKEN']);
      expect(result.rows[6].errors[0].message).toMatch(
        /Metric NPS for account "acc-0" in 2024-01 is already held by externalId "mix-1" earlier in this call/,
      );
      expect(errorsOf(7)).toEqual(['externalId:NATURAL_KEY_TAKEN']);
      expect(result.rows[7].errors[0].message).toMatch(
        /stored observation with externalId "obs-0"/,
      );
      expect(errorsOf(8)).toEqual(['externalId:KEY_CHANGED']);
      expect(result.rows[9]).toMatchObject({ outcome: 'CREATED', externalId: 'mix-8' });
      expect(
        result.rows.filter(
          (r: { outcome: string; id: string | null }) => r.outcome === 'REFUSED' && r.id,
        ),
      ).toEqual([]);
      expect(await count(MetricObservation)).toBe(observations + 2);
      expect(await count(AuditEvent)).toBe(audits + 1);
      const stored = await getOrm()
        .em.fork()
        .find(
          MetricObservation,
          { externalId: { $like: 'mix-%' } },
          { orderBy: { externalId: 'asc' } },
        );
      expect(stored.map((o) => [o.externalId, o.period])).toEqual([
        ['mix-1', '2024-01'],
        ['mix-8', '2024-02'],
      ]);
      const untouched = await getOrm()
        .em.fork()
        .findOneOrFail(MetricObservation, { externalId: 'obs-0' });
      expect(untouched.period).toBe('2023-12');
    });

    it('refuses a call of 10,001 rows as a whole and writes nothing', async () => {
      const [observations, audits] = [await count(MetricObservation), await count(AuditEvent)];
      const res = await api.execute(IMPORT_OBSERVATIONS, { rows: observationRows(10_001, 'big') });
      expect(res.data?.importMetricObservations ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_MANY_ROWS',
        field: 'rows',
      });
      expect(res.errors?.[0]?.message).toMatch(/at most 10000 rows a call, this one has 10001/);
      expect(await count(MetricObservation)).toBe(observations);
      expect(await count(AuditEvent)).toBe(audits);
    }, 60_000);

    it('answers a dry run like a real one and writes nothing', async () => {
      const [observations, audits] = [await count(MetricObservation), await count(AuditEvent)];
      const batch = [
        {
          externalId: 'dry-1',
          metricCode: 'OTIF',
          accountExternalId: 'acc-3',
          period: '2024-05',
          value: 0.93,
        },
        { ...rows[5]!, value: 123 },
        rows[6],
        {
          externalId: 'dry-2',
          metricCode: 'OTIF',
          accountExternalId: 'nobody',
          period: '2024-05',
          value: 1,
        },
      ];
      const res = await api.execute(IMPORT_OBSERVATIONS, { rows: batch, dryRun: true });
      expect(res.errors).toBeUndefined();
      const result = res.data!.importMetricObservations;
      expect(result).toMatchObject({
        dryRun: true,
        accepted: 3,
        created: 1,
        updated: 1,
        unchanged: 1,
        refused: 1,
      });
      expect(result.rows[0]).toMatchObject({ outcome: 'CREATED', id: null });
      expect(result.rows[1].id).toBeTruthy();
      expect(await count(MetricObservation)).toBe(observations);
      expect(await count(AuditEvent)).toBe(audits);
      const kept = await getOrm()
        .em.fork()
        .findOneOrFail(MetricObservation, { externalId: 'obs-5' });
      expect(kept.value).toBe(rows[5]!.value);
    });

    it('writes none of the accepted rows when the database fails while storing them', async () => {
      // A trigger stands in for a crash halfway through the batch's inserts.
      const sql =
        dialect === 'sqlite'
          ? [
              "create trigger crash before insert on metric_observation when new.value = -999 begin select raise(abort, 'simulated crash'); end",
            ]
          : [
              "create function crash() returns trigger language plpgsql as $$ begin if new.value = -999 then raise exception 'simulated crash'; end if; return new; end $$",
              'create trigger crash before insert on metric_observation for each row execute function crash()',
            ];
      const connection = getOrm().em.getConnection();
      for (const statement of sql) await connection.execute(statement);
      try {
        // 100 new rows in a month no other test uses; the 61st fails on insert.
        const batch = observationRows(100, 'crash').map((r, i) => ({
          ...r,
          period: '2010-01',
          value: i === 60 ? -999 : 1,
        }));
        const [observations, audits] = [await count(MetricObservation), await count(AuditEvent)];
        const res = await api.execute(IMPORT_OBSERVATIONS, { rows: batch });
        expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(await count(MetricObservation)).toBe(observations);
        expect(await count(AuditEvent)).toBe(audits);
      } finally {
        await connection.execute(
          'drop trigger crash' + (dialect === 'sqlite' ? '' : ' on metric_observation'),
        );
        if (dialect === 'postgresql') await connection.execute('drop function crash()');
      }
    });

    it('stores each row once when two calls with the same new rows race', async () => {
      const batch = Array.from({ length: ACCOUNTS * METRICS.length }, (_, i) => ({
        externalId: `race-${i}`,
        metricCode: METRICS[Math.floor(i / ACCOUNTS)],
        accountExternalId: `acc-${i % ACCOUNTS}`,
        period: '2024-06',
        value: i,
      }));
      const [a, b] = await Promise.all([
        api.execute(IMPORT_OBSERVATIONS, { rows: batch }),
        api.execute(IMPORT_OBSERVATIONS, { rows: batch }),
      ]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      const created = [a, b]
        .map((r) => r.data!.importMetricObservations.created as number)
        .sort((x, y) => x - y);
      expect(created).toEqual([0, batch.length]);
      expect(
        await getOrm()
          .em.fork()
          .count(MetricObservation, { externalId: { $like: 'race-%' } }),
      ).toBe(batch.length);
    }, 60_000);
  });

  describe('of transactional figures', () => {
    const row = {
      externalId: 'erp-1',
      accountExternalId: 'acc-1',
      period: '2024-01',
      revenue: 125_000.5,
      grossMargin: 31_000,
      avgDaysLate: 4.5,
      orderCount: 12,
      shareOfWallet: 0.4,
    };

    it('creates, then answers UNCHANGED, then UPDATED, and refuses values out of range', async () => {
      const first = await api.execute(IMPORT_FIGURES, { rows: [row] });
      expect(first.data!.importTransactionalFigures.rows[0].outcome).toBe('CREATED');
      const again = await api.execute(IMPORT_FIGURES, { rows: [row] });
      expect(again.data!.importTransactionalFigures.rows[0].outcome).toBe('UNCHANGED');
      const res = await api.execute(IMPORT_FIGURES, {
        rows: [
          { ...row, orderRegularity: 0.75 },
          { ...row, externalId: 'erp-2', shareOfWallet: 1.5, avgDaysLate: -2, orderCount: -1 },
          { ...row, externalId: 'erp-3' },
        ],
      });
      expect(res.errors).toBeUndefined();
      const result = res.data!.importTransactionalFigures;
      expect(result).toMatchObject({ updated: 1, refused: 2 });
      expect(
        result.rows[1].errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
      ).toEqual([
        'avgDaysLate:OUT_OF_RANGE',
        'orderCount:OUT_OF_RANGE',
        'shareOfWallet:OUT_OF_RANGE',
      ]);
      expect(result.rows[1].errors[2].message).toBe(
        'shareOfWallet must be a finite number between 0 and 1, got 1.5.',
      );
      expect(result.rows[2].errors[0]).toMatchObject({
        code: 'NATURAL_KEY_TAKEN',
        message: expect.stringMatching(
          /Account "acc-1" in 2024-01 is already held by the stored set of figures with externalId "erp-1"/,
        ),
      });
      const stored = await getOrm().em.fork().find(TransactionalFigures, {});
      expect(stored.map((f) => [f.externalId, f.orderRegularity, f.shareOfWallet])).toEqual([
        ['erp-1', 0.75, 0.4],
      ]);
    });
  });

  describe('of feedback', () => {
    it('stores new items RECEIVED for the reconciler, without calling Temporal, and re-imports as UNCHANGED', async () => {
      const rows = [
        {
          externalId: 'hd-1',
          accountExternalId: 'acc-2',
          contactEmail: 'Person2@Client2.example',
          channel: 'SUPPORT_TICKET',
          npsScore: 3,
          text: ' Late again ',
          complaintClass: 'DELIVERY_DISCIPLINE',
          receivedAt: '2024-03-01T10:00:00.000Z',
        },
        {
          externalId: 'hd-2',
          accountExternalId: 'acc-3',
          contactExternalId: 'person-3',
          channel: 'SURVEY',
          csiScore: 80,
          language: 'en',
        },
      ];
      const res = await api.execute(IMPORT_FEEDBACK, { rows });
      expect(res.errors).toBeUndefined();
      expect(res.data!.importFeedback).toMatchObject({ created: 2, refused: 0 });
      const items = await getOrm()
        .em.fork()
        .find(
          FeedbackItem,
          { externalId: { $in: ['hd-1', 'hd-2'] } },
          { populate: ['contact'], orderBy: { externalId: 'asc' } },
        );
      expect(
        items.map((i) => [i.status, i.workflowStartedAt, i.respondentClass, i.contact?.externalId]),
      ).toEqual([
        ['RECEIVED', null, 'TECHNICAL_BUYER', 'person-2'],
        ['RECEIVED', null, 'TECHNICAL_BUYER', 'person-3'],
      ]);
      expect([
        items[0]!.text,
        items[0]!.classificationSource,
        items[0]!.receivedAt.toISOString(),
      ]).toEqual(['Late again', 'IMPORT', '2024-03-01T10:00:00.000Z']);
      expect(starter.started).toEqual([]);

      const again = await api.execute(IMPORT_FEEDBACK, {
        rows: [{ ...rows[0], npsScore: 9 }, rows[1]],
      });
      expect(again.data!.importFeedback).toMatchObject({ created: 0, unchanged: 2 });
      expect(again.data!.importFeedback.rows[0].id).toBe(res.data!.importFeedback.rows[0].id);
      const kept = await getOrm().em.fork().findOneOrFail(FeedbackItem, { externalId: 'hd-1' });
      expect(kept.npsScore).toBe(3);
    });

    it('commits the valid items of a mixed batch and refuses the rest with reasons', async () => {
      const ok = { accountExternalId: 'acc-4', channel: 'MEETING', npsScore: 8 };
      const batch = [
        { ...ok, externalId: 'fb-1' },
        { ...ok, externalId: 'fb-2', accountExternalId: 'nobody' },
        { ...ok, externalId: 'fb-3', npsScore: 11 },
        { ...ok, externalId: 'fb-1', npsScore: 2 },
        { ...ok, externalId: 'fb-4', npsScore: null, text: '   ' },
        { ...ok, externalId: 'fb-5', contactExternalId: 'person-5' },
        {
          ...ok,
          externalId: 'fb-6',
          contactEmail: 'person4@client4.example',
          respondentClass: 'OPERATOR',
        },
        { ...ok, externalId: 'fb-7', text: 'x'.repeat(20_001), language: 'de', cesScore: 0 },
        { ...ok, externalId: 'hd-1' },
        { ...ok, externalId: 'fb-8', receivedAt: new Date(Date.now() + 86_400_000).toISOString() },
        { ...ok, externalId: 'fb-9', contactEmail: 'person4@client4.example' },
      ];
      const items = await count(FeedbackItem);
      const res = await api.execute(IMPORT_FEEDBACK, { rows: batch });
      expect(res.errors).toBeUndefined();
      const result = res.data!.importFeedback;
      const errorsOf = (i: number) =>
        result.rows[i].errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      expect(result).toMatchObject({ created: 2, refused: 9 });
      expect(errorsOf(1)).toEqual(['accountExternalId:ACCOUNT_NOT_FOUND']);
      expect(errorsOf(2)).toEqual(['npsScore:OUT_OF_RANGE']);
      expect(result.rows[2].errors[0].message).toBe(
        'npsScore must be a whole number between 0 and 10',
      );
      expect(errorsOf(3)).toEqual(['externalId:DUPLICATE_IN_BATCH']);
      expect(errorsOf(4)).toEqual(['text:EMPTY_FEEDBACK']);
      expect(errorsOf(5)).toEqual(['contactExternalId:CONTACT_NOT_IN_ACCOUNT']);
      expect(errorsOf(6)).toEqual(['respondentClass:RESPONDENT_CLASS_MISMATCH']);
      expect(errorsOf(7)).toEqual([
        'cesScore:OUT_OF_RANGE',
        'text:TOO_LONG',
        'language:OUT_OF_RANGE',
      ]);
      expect(errorsOf(8)).toEqual(['externalId:EXTERNAL_ID_REUSED']);
      expect(errorsOf(9)).toEqual(['receivedAt:IN_FUTURE']);
      expect(result.rows[10]).toMatchObject({ outcome: 'CREATED', externalId: 'fb-9' });
      expect(await count(FeedbackItem)).toBe(items + 2);
      const stored = await getOrm()
        .em.fork()
        .find(FeedbackItem, { externalId: { $like: 'fb-%' } }, { orderBy: { externalId: 'asc' } });
      expect(stored.map((i) => [i.externalId, i.npsScore])).toEqual([
        ['fb-1', 8],
        ['fb-9', 8],
      ]);
    });
  });
});
