import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { ImportanceWeight } from '../../server/src/modules/value/importance-weight.entity.js';
import { ValueFactor } from '../../server/src/modules/value/value-factor.entity.js';
import { ValueTier } from '../../server/src/modules/value/value.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createAccount } from '../fixtures/factories.js';

const CREATE_FACTOR = `mutation($input: CreateValueFactorInput!) { createValueFactor(input: $input) { id code name tier subgroup sortOrder } }`;
const CREATE_SET = `mutation($input: CreateWeightSetInput!) { createWeightSet(input: $input) { id version label source isCurrent weightCount } }`;
const SET_CURRENT = `mutation($id: ID!) { setCurrentWeightSet(id: $id) { id version isCurrent } }`;
const SET_WEIGHTS = `mutation($id: ID!, $weights: [ImportanceWeightInput!]!) { setImportanceWeights(weightSetId: $id, weights: $weights) { id weightCount } }`;
const MISSING_FACTOR = toGlobalId('ValueFactor', '01a20000-0000-7000-8000-000000000000');

describeEachDatabase('value factors and importance weights', (getOrm) => {
  let api: TestApi;
  let segmentGid: string;
  const factorGids: string[] = [];

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const { account } = await createAccount(getOrm());
    segmentGid = toGlobalId('Segment', account.segment.id);
  });
  afterAll(() => api.stop());

  const count = (entity: new () => object) =>
    getOrm()
      .em.fork()
      .count(entity as never, {});

  it('creates value factors, reads one back and records an audit event', async () => {
    const inputs = [
      { code: 'price', name: 'Price', tier: 'TABLE_STAKES', subgroup: 'cost', sortOrder: 1 },
      { code: 'quality', name: 'Product quality', tier: 'TABLE_STAKES', sortOrder: 2 },
      {
        code: 'time_savings',
        name: 'Time Savings',
        nameRu: 'Экономия времени',
        tier: 'EASE_OF_DOING_BUSINESS',
        subgroup: 'productivity',
        sortOrder: 3,
      },
      { code: 'reputation', name: 'Reputational assurance', tier: 'INDIVIDUAL', sortOrder: 4 },
    ];
    for (const input of inputs) {
      const res = await api.execute(CREATE_FACTOR, { input });
      expect(res.errors).toBeUndefined();
      factorGids.push(res.data!.createValueFactor.id);
    }
    const read = await api.execute(
      `query($id: ID!) { valueFactor(id: $id) { code name tier subgroup } node(id: $id) { id } }`,
      { id: factorGids[2] },
    );
    expect(read.data!.valueFactor).toEqual({
      code: 'time_savings',
      name: 'Time Savings',
      tier: 'EASE_OF_DOING_BUSINESS',
      subgroup: 'productivity',
    });
    expect(read.data!.node.id).toBe(factorGids[2]);
    const audit = await getOrm().em.fork().find(AuditEvent, { action: 'createValueFactor' });
    expect(audit).toHaveLength(4);
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toMatchObject({ code: 'price' });
  });

  it('lists factors filtered by tier, subgroup and a case-insensitive search, sorted and paged', async () => {
    const byTier = await api.execute(
      `{ valueFactors(filter: { tiers: [TABLE_STAKES] }) { totalCount nodes { code } } }`,
    );
    expect(byTier.data!.valueFactors.nodes.map((n: any) => n.code)).toEqual(['price', 'quality']);
    const bySub = await api.execute(
      `{ valueFactors(filter: { subgroup: "productivity" }) { nodes { code } } }`,
    );
    expect(bySub.data!.valueFactors.nodes).toEqual([{ code: 'time_savings' }]);
    const search = await api.execute(
      `{ valueFactors(filter: { search: "QUALITY" }) { nodes { code } } }`,
    );
    expect(search.data!.valueFactors.nodes).toEqual([{ code: 'quality' }]);
    const sorted = await api.execute(
      `{ valueFactors(orderBy: { field: NAME, direction: DESC }, first: 2) { nodes { name } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(sorted.data!.valueFactors.nodes.map((n: any) => n.name)).toEqual([
      'Time Savings',
      'Reputational assurance',
    ]);
    const page2 = await api.execute(
      `query($after: String) { valueFactors(orderBy: { field: NAME, direction: DESC }, first: 2, after: $after) { nodes { name } pageInfo { hasNextPage } } }`,
      { after: sorted.data!.valueFactors.pageInfo.endCursor },
    );
    expect(page2.data!.valueFactors.nodes.map((n: any) => n.name)).toEqual([
      'Product quality',
      'Price',
    ]);
    expect(page2.data!.valueFactors.pageInfo.hasNextPage).toBe(false);
  });

  it('updates only the given fields of a factor, with before and after in the audit', async () => {
    const res = await api.execute(
      `mutation($id: ID!) { updateValueFactor(id: $id, input: { name: "Fair price" }) { code name tier subgroup } }`,
      { id: factorGids[0] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateValueFactor).toEqual({
      code: 'price',
      name: 'Fair price',
      tier: 'TABLE_STAKES',
      subgroup: 'cost',
    });
    const [event] = await getOrm().em.fork().find(AuditEvent, { action: 'updateValueFactor' });
    expect(event!.before).toMatchObject({ name: 'Price' });
    expect(event!.after).toMatchObject({ name: 'Fair price' });
  });

  describe('refuses bad factor input with a typed error and writes nothing', () => {
    const cases: {
      name: string;
      query: string;
      vars: () => Record<string, unknown>;
      code: string;
      message: RegExp;
    }[] = [
      {
        name: 'a duplicate code',
        query: CREATE_FACTOR,
        vars: () => ({ input: { code: 'price', name: 'X', tier: 'FUNCTIONAL' } }),
        code: 'CONFLICT',
        message: /code "price" already exists/,
      },
      {
        name: 'a malformed code',
        query: CREATE_FACTOR,
        vars: () => ({ input: { code: 'Bad Code!', name: 'X', tier: 'FUNCTIONAL' } }),
        code: 'BAD_USER_INPUT',
        message: /code must be 1 to 64 lower-case/,
      },
      {
        name: 'an empty name',
        query: CREATE_FACTOR,
        vars: () => ({ input: { code: 'x', name: '', tier: 'FUNCTIONAL' } }),
        code: 'BAD_USER_INPUT',
        message: /name must be 1 to 200 characters/,
      },
      {
        name: 'an unknown tier',
        query: CREATE_FACTOR,
        vars: () => ({ input: { code: 'x', name: 'X', tier: 'TOP' } }),
        code: 'BAD_USER_INPUT',
        message: /ValueTier/,
      },
      {
        name: 'an update of an unknown factor',
        query: `mutation($id: ID!) { updateValueFactor(id: $id, input: { name: "Y" }) { id } }`,
        vars: () => ({ id: MISSING_FACTOR }),
        code: 'NOT_FOUND',
        message: /No value factor/,
      },
      {
        name: 'an update with a malformed id',
        query: `mutation($id: ID!) { updateValueFactor(id: $id, input: { name: "Y" }) { id } }`,
        vars: () => ({ id: 'nope' }),
        code: 'BAD_USER_INPUT',
        message: /not a valid ValueFactor id/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const [factors, audits] = [await count(ValueFactor), await count(AuditEvent)];
        const res = await api.execute(c.query, c.vars());
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect(await count(ValueFactor)).toBe(factors);
        expect(await count(AuditEvent)).toBe(audits);
      });
    }
  });

  it('versions weight sets and keeps exactly one current', async () => {
    const first = await api.execute(CREATE_SET, {
      input: { label: 'Interviews 2025', source: 'INTERVIEW' },
    });
    const second = await api.execute(CREATE_SET, {
      input: { label: 'Survey Q1', source: 'SURVEY' },
    });
    expect(first.data!.createWeightSet).toMatchObject({
      version: 1,
      isCurrent: false,
      weightCount: 0,
    });
    expect(second.data!.createWeightSet).toMatchObject({ version: 2, isCurrent: false });
    const [a, b] = [first.data!.createWeightSet.id, second.data!.createWeightSet.id];
    expect((await api.execute(SET_CURRENT, { id: a })).data!.setCurrentWeightSet.isCurrent).toBe(
      true,
    );
    expect((await api.execute(SET_CURRENT, { id: b })).data!.setCurrentWeightSet.isCurrent).toBe(
      true,
    );
    const list = await api.execute(
      `{ weightSets { nodes { version isCurrent } } currentWeightSet { id } current: weightSets(filter: { isCurrent: true }) { totalCount } }`,
    );
    expect(list.data!.weightSets.nodes).toEqual([
      { version: 2, isCurrent: true },
      { version: 1, isCurrent: false },
    ]);
    expect(list.data!.currentWeightSet.id).toBe(b);
    expect(list.data!.current.totalCount).toBe(1);
    const events = await getOrm().em.fork().find(AuditEvent, { action: 'setCurrentWeightSet' });
    const flips = (gid: string) =>
      events
        .filter((e) => toGlobalId('WeightSet', e.entityId!) === gid)
        .map((e) => `${e.before?.isCurrent}->${e.after?.isCurrent}`)
        .sort();
    expect(flips(a)).toEqual(['false->true', 'true->false']);
    expect(flips(b)).toEqual(['false->true']);
  });

  it('upserts weights of a non-current set, refuses the current one, and copies into a new version', async () => {
    const draft = (
      await api.execute(CREATE_SET, { input: { label: 'Calibration', source: 'CALIBRATION' } })
    ).data!.createWeightSet;
    const weights = factorGids.flatMap((factorId, i) =>
      ['ECONOMIC_BUYER', 'TECHNICAL_BUYER', 'OPERATOR'].map((respondentClass) => ({
        segmentId: segmentGid,
        factorId,
        respondentClass,
        weight: (i + 1) / 10,
        spread: 0.05,
        sampleSize: 12,
      })),
    );
    const res = await api.execute(SET_WEIGHTS, { id: draft.id, weights });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setImportanceWeights.weightCount).toBe(12);
    const again = await api.execute(SET_WEIGHTS, {
      id: draft.id,
      weights: [{ ...weights[0]!, weight: 0.9 }],
    });
    expect(again.data!.setImportanceWeights.weightCount).toBe(12);
    const read = await api.execute(
      `query($ws: ID!, $f: ID!) { importanceWeights(filter: { weightSetId: $ws, factorId: $f, respondentClass: ECONOMIC_BUYER }) { nodes { weight spread sampleSize factor { code } segment { id } weightSet { version } } } }`,
      { ws: draft.id, f: factorGids[0] },
    );
    expect(read.data!.importanceWeights.nodes).toEqual([
      {
        weight: 0.9,
        spread: 0.05,
        sampleSize: 12,
        factor: { code: 'price' },
        segment: { id: segmentGid },
        weightSet: { version: 3 },
      },
    ]);
    const [audit] = await getOrm()
      .em.fork()
      .find(AuditEvent, { action: 'setImportanceWeights' }, { orderBy: { id: 'desc' }, limit: 1 });
    expect(audit!.after).toEqual({ weightCount: 12, inserted: 0, updated: 1 });

    await api.execute(SET_CURRENT, { id: draft.id });
    const currentWeights = await api.execute(
      `{ importanceWeights(first: 100, orderBy: { field: WEIGHT, direction: DESC }) { totalCount nodes { weight } } }`,
    );
    expect(currentWeights.data!.importanceWeights.totalCount).toBe(12);
    expect(currentWeights.data!.importanceWeights.nodes[0].weight).toBe(0.9);
    const [rows, audits] = [await count(ImportanceWeight), await count(AuditEvent)];
    const refused = await api.execute(SET_WEIGHTS, { id: draft.id, weights: [weights[1]] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(
      /is current and cannot be edited; create a new version/,
    );
    expect([await count(ImportanceWeight), await count(AuditEvent)]).toEqual([rows, audits]);

    const copy = await api.execute(CREATE_SET, {
      input: { label: 'Next', source: 'CALIBRATION', copyFromWeightSetId: draft.id },
    });
    expect(copy.data!.createWeightSet).toMatchObject({
      version: 4,
      weightCount: 12,
      isCurrent: false,
    });
  });

  it('accepts 5,000 weights in one call', async () => {
    const em = getOrm().em.fork();
    const factors = Array.from({ length: 834 }, (_, i) =>
      em.create(ValueFactor, { code: `bulk-${i}`, name: `Bulk ${i}`, tier: ValueTier.FUNCTIONAL }),
    );
    const { account } = await createAccount(getOrm());
    await em.flush();
    const segments = [segmentGid, toGlobalId('Segment', account.segment.id)];
    const weights = factors
      .flatMap((f) =>
        segments.flatMap((segmentId) =>
          ['ECONOMIC_BUYER', 'TECHNICAL_BUYER', 'OPERATOR'].map((respondentClass) => ({
            segmentId,
            respondentClass,
            factorId: toGlobalId('ValueFactor', f.id),
            weight: 0.5,
          })),
        ),
      )
      .slice(0, 5000);
    const set = (await api.execute(CREATE_SET, { input: { label: 'Bulk', source: 'SURVEY' } }))
      .data!.createWeightSet;
    const res = await api.execute(SET_WEIGHTS, { id: set.id, weights });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setImportanceWeights.weightCount).toBe(5000);
    const tooMany = await api.execute(SET_WEIGHTS, {
      id: set.id,
      weights: [...weights, weights[0]],
    });
    expect(tooMany.errors?.[0]?.message).toMatch(/at most 5000|1 to 5000 rows/);
  });

  describe('refuses bad weights with a typed error and writes nothing', () => {
    let draftGid: string;
    beforeAll(async () => {
      draftGid = (await api.execute(CREATE_SET, { input: { label: 'Draft', source: 'SURVEY' } }))
        .data!.createWeightSet.id;
    });
    const w = (over: Record<string, unknown> = {}) => ({
      segmentId: segmentGid,
      factorId: factorGids[0],
      respondentClass: 'OPERATOR',
      weight: 0.4,
      ...over,
    });
    const cases: { name: string; weights: () => unknown[]; code: string; message: RegExp }[] = [
      {
        name: 'a weight above 1',
        weights: () => [w({ weight: 1.2 })],
        code: 'BAD_USER_INPUT',
        message: /weight must be between 0 and 1/,
      },
      {
        name: 'a negative spread',
        weights: () => [w({ spread: -0.1 })],
        code: 'BAD_USER_INPUT',
        message: /spread must be zero or more/,
      },
      {
        name: 'the same key twice',
        weights: () => [w(), w({ weight: 0.3 })],
        code: 'BAD_USER_INPUT',
        message: /weights\[1\] repeats a segment/,
      },
      {
        name: 'an unknown factor',
        weights: () => [w(), w({ factorId: MISSING_FACTOR })],
        code: 'NOT_FOUND',
        message: /No value factor matches weights\[1\]\.factorId\./,
      },
      {
        name: 'a segment id that is a factor id',
        weights: () => [w({ segmentId: factorGids[0] })],
        code: 'BAD_USER_INPUT',
        message: /weights\[0\]\.segmentId is not a valid Segment id/,
      },
      {
        name: 'an empty list',
        weights: () => [],
        code: 'BAD_USER_INPUT',
        message: /1 to 5000 rows/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const [rows, audits] = [await count(ImportanceWeight), await count(AuditEvent)];
        const res = await api.execute(SET_WEIGHTS, { id: draftGid, weights: c.weights() });
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect([await count(ImportanceWeight), await count(AuditEvent)]).toEqual([rows, audits]);
      });
    }
  });
});
