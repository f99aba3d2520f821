import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/db.js';
import { systemViewer } from '../../server/src/auth/viewer.js';
import { createTestApi, testAdmin, type TestApi } from '../helpers/graphql.js';

const CREATE_FACTOR = `mutation($input: CreateValueFactorInput!) { createValueFactor(input: $input) { id } }`;
const UPDATE_FACTOR = `mutation($id: ID!, $name: String!) { updateValueFactor(id: $id, input: { name: $name }) { id } }`;
const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id at actor action entityType entityId before after }
  }
}`;

describeEachDatabase('audit trail', (getOrm) => {
  let api: TestApi;
  let factorGid: string;
  let otherGid: string;
  let startedAt: Date;

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    startedAt = new Date(Date.now() - 1000);
    factorGid = (
      await api.execute(
        CREATE_FACTOR,
        { input: { code: 'speed', name: 'Speed', tier: 'FUNCTIONAL' } },
        { ...testAdmin, actor: 'user:alice' },
      )
    ).data!.createValueFactor.id;
    await api.execute(
      UPDATE_FACTOR,
      { id: factorGid, name: 'Speed of delivery' },
      { ...testAdmin, actor: 'user:bob' },
    );
    otherGid = (
      await api.execute(
        CREATE_FACTOR,
        { input: { code: 'cost', name: 'Cost', tier: 'TABLE_STAKES' } },
        { ...testAdmin, actor: 'user:alice' },
      )
    ).data!.createValueFactor.id;
    await api.execute(
      `mutation { recordMaturityAssessment(input: { processGroup: MONITOR, level: 3 }) { id } }`,
      {},
      systemViewer,
    );
  });
  afterAll(() => api.stop());

  it('lists the events of one object by its global id, newest first, with before and after as JSON', async () => {
    const res = await api.execute(EVENTS, { filter: { entityId: factorGid } });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.auditEvents.nodes;
    expect(nodes.map((n: any) => [n.action, n.actor])).toEqual([
      ['updateValueFactor', 'user:bob'],
      ['createValueFactor', 'user:alice'],
    ]);
    expect(nodes[0]).toMatchObject({
      entityType: 'ValueFactor',
      entityId: factorGid,
      before: { name: 'Speed', code: 'speed' },
      after: { name: 'Speed of delivery' },
    });
    expect(nodes[1].before).toBeNull();
    const node = await api.execute(
      `query($id: ID!) { node(id: $id) { ... on AuditEvent { action } } auditEvent(id: $id) { entityId } }`,
      { id: nodes[0].id },
    );
    expect(node.data).toEqual({
      node: { action: 'updateValueFactor' },
      auditEvent: { entityId: factorGid },
    });
  });

  it('filters by entity type, actor, action and time window, and pages', async () => {
    const q = async (filter: Record<string, unknown>) =>
      (await api.execute(EVENTS, { filter })).data!.auditEvents;
    expect((await q({ entityType: 'ValueFactor' })).totalCount).toBe(3);
    expect((await q({ entityType: 'MaturityAssessment' })).nodes[0].actor).toBe('system');
    expect((await q({ actor: 'user:alice' })).nodes.map((n: any) => n.entityId)).toEqual([
      otherGid,
      factorGid,
    ]);
    expect((await q({ action: 'updateValueFactor' })).totalCount).toBe(1);
    expect((await q({ from: startedAt.toISOString() })).totalCount).toBe(4);
    expect((await q({ to: startedAt.toISOString() })).totalCount).toBe(0);
    const page = (await api.execute(EVENTS, { first: 3 })).data!.auditEvents;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = (await api.execute(EVENTS, { first: 3, after: page.pageInfo.endCursor })).data!
      .auditEvents;
    expect(rest.nodes).toHaveLength(1);
    expect(new Set([...page.nodes, ...rest.nodes].map((n: any) => n.id)).size).toBe(4);
  });

  describe('refuses bad filters with a typed error', () => {
    const cases: { name: string; filter: () => Record<string, unknown>; message: RegExp }[] = [
      {
        name: 'an entityId that is not a global id',
        filter: () => ({ entityId: 'garbage' }),
        message: /filter.entityId is not a valid global id/,
      },
      {
        name: 'an entityType that contradicts the entityId',
        filter: () => ({ entityId: factorGid, entityType: 'WeightSet' }),
        message: /is a ValueFactor id but filter.entityType says WeightSet/,
      },
      {
        name: 'a window that ends before it starts',
        filter: () => ({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
        message: /filter.from must be before filter.to/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const res = await api.execute(EVENTS, { filter: c.filter() });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.message).toMatch(c.message);
      });
    }
  });
});
