import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { ProcessClass } from '../../server/src/modules/journey/process-class.entity.js';
import { JourneyStage } from '../../server/src/modules/journey/journey.enums.js';
import { MetricDefinition } from '../../server/src/modules/metric/metric-definition.entity.js';
import { MetricObservation } from '../../server/src/modules/metric/metric-observation.entity.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createAccount } from '../fixtures/factories.js';

const CREATE = `mutation($input: CreateMetricDefinitionInput!) { createMetricDefinition(input: $input) { id code name layer kind stage active collectionChannel processClass { code } factor { code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMetricDefinitionInput!) { updateMetricDefinition(id: $id, input: $input) { id name kind active target stage collectionChannel } }`;
const RECORD = `mutation($input: RecordMetricObservationInput!) { recordMetricObservation(input: $input) { id period value sampleSize source metric { code } account { name } } }`;
const MISSING_METRIC = toGlobalId('MetricDefinition', '01a20000-0000-7000-8000-000000000000');

async function createProcessClass(orm: Orm, code: string): Promise<string> {
  const em = orm.em.fork();
  const dept = em.create(Department, { code: `dept-${code}`, name: `Department ${code}` });
  const pc = em.create(ProcessClass, {
    code,
    name: `Process ${code}`,
    primaryStage: JourneyStage.USAGE,
    owningDepartment: dept,
  });
  await em.flush();
  return toGlobalId('ProcessClass', pc.id);
}

const base = {
  layer: 'OPERATIONAL',
  kind: 'COMPUTABLE',
  collectionMethod: 'SYSTEM',
  unit: '%',
  betterDirection: 'HIGHER',
};

describeEachDatabase('metric definitions and observations', (getOrm) => {
  let api: TestApi;
  let processClassGid: string;
  let accountGid: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    processClassGid = await createProcessClass(getOrm(), 'delivery');
    accountGid = (await createAccount(getOrm(), { name: 'Acme Chemicals' })).accountGid;
  });
  afterAll(() => api.stop());

  const count = (entity: new () => object) =>
    getOrm()
      .em.fork()
      .count(entity as never, {});

  it('creates computable and trigger metrics with their process class', async () => {
    const inputs = [
      {
        ...base,
        code: 'otif',
        name: 'On time in full',
        stage: 'USAGE',
        processClassId: processClassGid,
      },
      {
        ...base,
        code: 'claim_rate',
        name: 'Claim rate',
        betterDirection: 'LOWER',
        stage: 'POST_SALE',
      },
      {
        ...base,
        code: 'nps',
        name: 'Net Promoter Score',
        layer: 'SATISFACTION',
        kind: 'TRIGGER',
        collectionMethod: 'SURVEY',
        collectionChannel: 'SURVEY',
        unit: 'pts',
      },
      {
        ...base,
        code: 'ces_delivery',
        name: 'Effort of delivery',
        layer: 'SATISFACTION',
        kind: 'TRIGGER',
        collectionMethod: 'SURVEY',
        stage: 'USAGE',
        unit: 'pts',
        active: false,
      },
    ];
    for (const input of inputs) {
      const res = await api.execute(CREATE, { input });
      expect(res.errors).toBeUndefined();
      ids[input.code] = res.data!.createMetricDefinition.id;
    }
    const read = await api.execute(
      `query($id: ID!) { metricDefinition(id: $id) { code kind stage processClass { code } } }`,
      { id: ids.otif },
    );
    expect(read.data!.metricDefinition).toEqual({
      code: 'otif',
      kind: 'COMPUTABLE',
      stage: 'USAGE',
      processClass: { code: 'delivery' },
    });
    expect(await getOrm().em.fork().count(AuditEvent, { action: 'createMetricDefinition' })).toBe(
      4,
    );
  });

  it('lists definitions with filters, sorting and pages', async () => {
    const q = (args: string) =>
      api.execute(
        `{ metricDefinitions${args ? `(${args})` : ''} { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`,
      );
    const codes = async (args: string) =>
      (await q(args)).data!.metricDefinitions.nodes.map((n: any) => n.code);
    expect(await codes('')).toEqual(['ces_delivery', 'claim_rate', 'nps', 'otif']);
    expect(await codes('filter: { kind: TRIGGER }')).toEqual(['ces_delivery', 'nps']);
    expect(await codes('filter: { layer: OPERATIONAL, stage: USAGE }')).toEqual(['otif']);
    expect(await codes(`filter: { processClassId: "${processClassGid}" }`)).toEqual(['otif']);
    expect(await codes('filter: { active: false }')).toEqual(['ces_delivery']);
    expect(await codes('filter: { search: "PROMOTER" }')).toEqual(['nps']);
    expect(await codes('orderBy: { field: NAME, direction: DESC }')).toEqual([
      'otif',
      'nps',
      'ces_delivery',
      'claim_rate',
    ]);
    const first = await q('first: 3');
    expect(first.data!.metricDefinitions.pageInfo.hasNextPage).toBe(true);
    expect(
      await codes(`first: 3, after: "${first.data!.metricDefinitions.pageInfo.endCursor}"`),
    ).toEqual(['otif']);
  });

  it('gives the computable share over active definitions', async () => {
    const res = await api.execute(
      `{ all: metricKindShare { computable trigger computableShare } sat: metricKindShare(filter: { layer: SATISFACTION }) { computable trigger computableShare } usage: metricKindShare(filter: { stage: USAGE }) { computableShare } }`,
    );
    expect(res.data!.all).toEqual({ computable: 2, trigger: 1, computableShare: 2 / 3 });
    expect(res.data!.sat).toEqual({ computable: 0, trigger: 1, computableShare: 0 });
    expect(res.data!.usage.computableShare).toBe(1);
  });

  it('updates only the given fields and audits before and after', async () => {
    const res = await api.execute(UPDATE, {
      id: ids.claim_rate,
      input: { target: 1.5, stage: null },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMetricDefinition).toMatchObject({
      name: 'Claim rate',
      kind: 'COMPUTABLE',
      target: 1.5,
      stage: null,
      active: true,
    });
    const [event] = await getOrm().em.fork().find(AuditEvent, { action: 'updateMetricDefinition' });
    expect(event!.before).toMatchObject({ target: null, stage: 'POST_SALE' });
    expect(event!.after).toMatchObject({ target: 1.5, stage: null });
  });

  it('records observations as an upsert per metric, account and month and lists them by period', async () => {
    for (const [period, value] of [
      ['2025-01', 91],
      ['2025-02', 88],
      ['2025-03', 95],
    ] as const) {
      const res = await api.execute(RECORD, {
        input: { metricId: ids.otif, accountId: accountGid, period, value, source: 'erp' },
      });
      expect(res.errors).toBeUndefined();
    }
    const again = await api.execute(RECORD, {
      input: {
        metricId: ids.otif,
        accountId: accountGid,
        period: '2025-02',
        value: 89.5,
        sampleSize: 40,
      },
    });
    expect(again.data!.recordMetricObservation).toMatchObject({
      period: '2025-02',
      value: 89.5,
      sampleSize: 40,
      source: null,
      metric: { code: 'otif' },
      account: { name: 'Acme Chemicals' },
    });
    expect(await getOrm().em.fork().count(MetricObservation, {})).toBe(3);
    const [upsertAudit] = await getOrm()
      .em.fork()
      .find(
        AuditEvent,
        { action: 'recordMetricObservation' },
        { orderBy: { at: 'desc', id: 'desc' }, limit: 1 },
      );
    expect(upsertAudit!.before).toMatchObject({ value: 88 });
    expect(upsertAudit!.after).toMatchObject({ value: 89.5 });
    const list = await api.execute(
      `query($m: ID!, $a: ID!) { metricObservations(filter: { metricId: $m, accountId: $a, periodFrom: "2025-02", periodTo: "2025-03" }) { totalCount nodes { period value } } }`,
      { m: ids.otif, a: accountGid },
    );
    expect(list.data!.metricObservations.nodes).toEqual([
      { period: '2025-03', value: 95 },
      { period: '2025-02', value: 89.5 },
    ]);
    const asc = await api.execute(
      `{ metricObservations(orderBy: { field: VALUE, direction: ASC }) { nodes { value } } }`,
    );
    expect(asc.data!.metricObservations.nodes.map((n: any) => n.value)).toEqual([89.5, 91, 95]);
  });

  it('deletes an unobserved metric but refuses one with observations', async () => {
    const refused = await api.execute(`mutation($id: ID!) { deleteMetricDefinition(id: $id) }`, {
      id: ids.otif,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(
      /has 3 observation\(s\) and cannot be deleted; set active to false instead/,
    );
    const deleted = await api.execute(`mutation($id: ID!) { deleteMetricDefinition(id: $id) }`, {
      id: ids.ces_delivery,
    });
    expect(deleted.data!.deleteMetricDefinition).toBe(ids.ces_delivery);
    expect(
      (
        await api.execute(`query($id: ID!) { metricDefinition(id: $id) { id } }`, {
          id: ids.ces_delivery,
        })
      ).data!.metricDefinition,
    ).toBeNull();
    const [audit] = await getOrm().em.fork().find(AuditEvent, { action: 'deleteMetricDefinition' });
    expect(audit!.after).toBeNull();
    expect(audit!.before).toMatchObject({ code: 'ces_delivery' });
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: {
      name: string;
      query: string;
      vars: () => Record<string, unknown>;
      code: string;
      message: RegExp;
    }[] = [
      {
        name: 'a duplicate code',
        query: CREATE,
        vars: () => ({ input: { ...base, code: 'otif', name: 'X' } }),
        code: 'CONFLICT',
        message: /metric with code "otif" already exists/,
      },
      {
        name: 'a channel on a computable metric',
        query: CREATE,
        vars: () => ({ input: { ...base, code: 'x', name: 'X', collectionChannel: 'SURVEY' } }),
        code: 'BAD_USER_INPUT',
        message: /collectionChannel applies to TRIGGER metrics only/,
      },
      {
        name: 'an unknown process class',
        query: CREATE,
        vars: () => ({
          input: {
            ...base,
            code: 'x',
            name: 'X',
            processClassId: toGlobalId('ProcessClass', '01a20000-0000-7000-8000-000000000000'),
          },
        }),
        code: 'NOT_FOUND',
        message: /No process class/,
      },
      {
        name: 'a unit too long',
        query: CREATE,
        vars: () => ({ input: { ...base, code: 'x', name: 'X', unit: 'u'.repeat(33) } }),
        code: 'BAD_USER_INPUT',
        message: /unit must be 1 to 32 characters/,
      },
      {
        name: 'an update turning a channelled trigger metric computable',
        query: UPDATE,
        vars: () => ({ id: ids.nps, input: { kind: 'COMPUTABLE' } }),
        code: 'BAD_USER_INPUT',
        message: /collectionChannel applies to TRIGGER/,
      },
      {
        name: 'an update of an unknown metric',
        query: UPDATE,
        vars: () => ({ id: MISSING_METRIC, input: { name: 'Y' } }),
        code: 'NOT_FOUND',
        message: /No metric definition/,
      },
      {
        name: 'a malformed period',
        query: RECORD,
        vars: () => ({
          input: { metricId: ids.otif, accountId: accountGid, period: '2025-13', value: 1 },
        }),
        code: 'BAD_USER_INPUT',
        message: /period must be a month written YYYY-MM/,
      },
      {
        name: 'an observation of an unknown metric',
        query: RECORD,
        vars: () => ({
          input: { metricId: MISSING_METRIC, accountId: accountGid, period: '2025-04', value: 1 },
        }),
        code: 'NOT_FOUND',
        message: /No metric definition/,
      },
      {
        name: 'an account id that is a metric id',
        query: RECORD,
        vars: () => ({
          input: { metricId: ids.otif, accountId: ids.otif, period: '2025-04', value: 1 },
        }),
        code: 'BAD_USER_INPUT',
        message: /accountId is not a valid ClientAccount id/,
      },
      {
        name: 'a negative sample size',
        query: RECORD,
        vars: () => ({
          input: {
            metricId: ids.otif,
            accountId: accountGid,
            period: '2025-04',
            value: 1,
            sampleSize: -1,
          },
        }),
        code: 'BAD_USER_INPUT',
        message: /sampleSize must be zero or more/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = [
          await count(MetricDefinition),
          await count(MetricObservation),
          await count(AuditEvent),
        ];
        const res = await api.execute(c.query, c.vars());
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect([
          await count(MetricDefinition),
          await count(MetricObservation),
          await count(AuditEvent),
        ]).toEqual(before);
      });
    }
    it('such as a reversed period range in a list filter', async () => {
      const res = await api.execute(
        `{ metricObservations(filter: { periodFrom: "2025-05", periodTo: "2025-01" }) { totalCount } }`,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/periodFrom must not be after periodTo/);
    });
  });
});
