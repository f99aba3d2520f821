import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { Analysis } from '../../server/src/modules/initiative/analysis.entity.js';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { expectRefusedWithoutWrites, unknownId, type RefusalCase } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const FIELDS = 'id kind title summary periodFrom periodTo result';
const CREATE = `mutation($input: CreateAnalysisInput!) { createAnalysis(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAnalysisInput!) { updateAnalysis(id: $id, input: $input) { ${FIELDS} } }`;
const RESULT = { rows: [{ cls: 'QUALITY', share: 0.6 }] };

describeEachDatabase('analyses API: changing an analysis', (getOrm) => {
  let api: TestApi;
  let id: string;

  const run = async (query: string, variables: Record<string, unknown>) => {
    const res = await api.execute(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const stored = () =>
    getOrm()
      .em.fork()
      .findOneOrFail(Analysis, { id: fromGlobalId(id, 'Analysis') });

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const created = await run(CREATE, {
      input: {
        kind: 'PARETO',
        title: 'Q1 complaints',
        periodFrom: '2026-01',
        periodTo: '2026-03',
        summary: 'Quality leads',
        result: RESULT,
      },
    });
    id = created.createAnalysis.id;
  });
  afterAll(() => api.stop());

  it('changes only the fields given and keeps the computed result, with an audit event', async () => {
    const data = await run(UPDATE, { id, input: { title: '  Q1 complaints, final  ' } });
    expect(data.updateAnalysis).toEqual({
      id,
      kind: 'PARETO',
      title: 'Q1 complaints, final',
      summary: 'Quality leads',
      periodFrom: '2026-01',
      periodTo: '2026-03',
      result: RESULT,
    });
    const audit = await getOrm().em.fork().findOneOrFail(AuditEvent, { action: 'updateAnalysis' });
    expect(audit.entityType).toBe('Analysis');
    expect([audit.before?.title, audit.after?.title]).toEqual([
      'Q1 complaints',
      'Q1 complaints, final',
    ]);
  });

  it('moves one end of the period, then clears the period and summary with null', async () => {
    const moved = await run(UPDATE, { id, input: { periodTo: '2026-06' } });
    expect(moved.updateAnalysis).toMatchObject({ periodFrom: '2026-01', periodTo: '2026-06' });
    const cleared = await run(UPDATE, {
      id,
      input: { periodFrom: null, periodTo: null, summary: null },
    });
    expect(cleared.updateAnalysis).toMatchObject({
      title: 'Q1 complaints, final',
      periodFrom: null,
      periodTo: null,
      summary: null,
      result: RESULT,
    });
    await run(UPDATE, { id, input: { periodFrom: '2026-01', periodTo: '2026-03' } });
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: RefusalCase[] = [
      {
        name: 'a start moved after the stored end',
        query: UPDATE,
        variables: () => ({ id, input: { periodFrom: '2026-05' } }),
        code: 'BAD_USER_INPUT',
        message: /^The period starts \(2026-05\) after it ends \(2026-03\)\.$/,
      },
      {
        name: 'a period given the wrong way round',
        query: UPDATE,
        variables: () => ({ id, input: { periodFrom: '2026-02', periodTo: '2025-12' } }),
        code: 'BAD_USER_INPUT',
        message: /starts \(2026-02\) after it ends \(2025-12\)/,
      },
      {
        name: 'a period that is not a month',
        query: UPDATE,
        variables: () => ({ id, input: { periodTo: '2026-13' } }),
        code: 'BAD_USER_INPUT',
        message: /periodTo must be a month as YYYY-MM/,
      },
      {
        name: 'an empty title',
        query: UPDATE,
        variables: () => ({ id, input: { title: '' } }),
        code: 'BAD_USER_INPUT',
        message: /title must be 1 to 300 characters/,
      },
      {
        name: 'a summary longer than 20000 characters',
        query: UPDATE,
        variables: () => ({ id, input: { summary: 'x'.repeat(20_001) } }),
        code: 'BAD_USER_INPUT',
        message: /summary must be at most 20000 characters/,
      },
      {
        name: 'a new computed result',
        query: UPDATE,
        variables: () => ({ id, input: { result: { rows: [] } } }),
        code: 'BAD_USER_INPUT',
        message: /Field "result" is not defined by type "UpdateAnalysisInput"/,
      },
      {
        name: 'an unknown analysis',
        query: UPDATE,
        variables: () => ({ id: unknownId('Analysis'), input: { title: 'X' } }),
        code: 'NOT_FOUND',
        message: /No analysis matches id\./,
      },
      {
        name: 'a malformed id',
        query: UPDATE,
        variables: () => ({ id: 'garbage', input: { title: 'X' } }),
        code: 'BAD_USER_INPUT',
        message: /id is not a valid Analysis id/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = await stored();
        await expectRefusedWithoutWrites(api, getOrm(), [Analysis], c);
        expect(await stored()).toEqual(before);
      });
    }
  });
});
