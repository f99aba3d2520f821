import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';
import {
  AssessmentMethod,
  MaturityAssessment,
} from '../../server/src/modules/maturity/maturity-assessment.entity.js';
import { User } from '../../server/src/modules/organisation/user.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const RECORD = `mutation($input: RecordMaturityAssessmentInput!) { recordMaturityAssessment(input: $input) { id processGroup level method note evidence { criterion met detail } } }`;

describeEachDatabase('maturity assessments', (getOrm) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi(getOrm());
  });
  afterAll(() => api.stop());

  const count = (entity: new () => object) =>
    getOrm()
      .em.fork()
      .count(entity as never, {});

  it('records a manual assessment with its evidence and an audit event', async () => {
    const res = await api.execute(RECORD, {
      input: {
        processGroup: 'COLLECT',
        level: 2,
        note: ' First review ',
        evidence: [
          { criterion: 'All channels feed the hub', met: false, detail: 'Phone missing' },
          { criterion: 'Feedback acknowledged within a day', met: true },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordMaturityAssessment).toMatchObject({
      processGroup: 'COLLECT',
      level: 2,
      method: 'MANUAL',
      note: 'First review',
      evidence: [
        { criterion: 'All channels feed the hub', met: false, detail: 'Phone missing' },
        { criterion: 'Feedback acknowledged within a day', met: true, detail: null },
      ],
    });
    const [event] = await getOrm()
      .em.fork()
      .find(AuditEvent, { action: 'recordMaturityAssessment' });
    expect(event!.before).toBeNull();
    expect(event!.after).toMatchObject({ processGroup: 'COLLECT', level: 2, method: 'MANUAL' });
    const read = await api.execute(
      `query($id: ID!) { maturityAssessment(id: $id) { level } node(id: $id) { id } }`,
      { id: res.data!.recordMaturityAssessment.id },
    );
    expect(read.data!.maturityAssessment.level).toBe(2);
  });

  it('lists assessments newest first, filtered by process group and paged', async () => {
    for (const level of [3, 4]) {
      expect(
        (await api.execute(RECORD, { input: { processGroup: 'COLLECT', level } })).errors,
      ).toBeUndefined();
    }
    await api.execute(RECORD, { input: { processGroup: 'CORRECT', level: 1 } });
    const res = await api.execute(
      `{ maturityAssessments(filter: { processGroup: COLLECT }, first: 2) { totalCount nodes { level } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(res.data!.maturityAssessments.totalCount).toBe(3);
    expect(res.data!.maturityAssessments.nodes).toEqual([{ level: 4 }, { level: 3 }]);
    const next = await api.execute(
      `query($after: String) { maturityAssessments(filter: { processGroup: COLLECT }, first: 2, after: $after) { nodes { level } } }`,
      { after: res.data!.maturityAssessments.pageInfo.endCursor },
    );
    expect(next.data!.maturityAssessments.nodes).toEqual([{ level: 2 }]);
  });

  it('gives per process group the latest manual and computed assessment', async () => {
    const em = getOrm().em.fork();
    em.create(MaturityAssessment, {
      processGroup: ProcessGroup.COLLECT,
      level: 5,
      method: AssessmentMethod.COMPUTED,
      evidence: [],
      assessedAt: new Date(Date.now() - 86_400_000),
    });
    await em.flush();
    const res = await api.execute(
      `{ maturity { processGroup latest { level method } manual { level } computed { level } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.maturity).toEqual([
      {
        processGroup: 'COLLECT',
        latest: { level: 4, method: 'MANUAL' },
        manual: { level: 4 },
        computed: { level: 5 },
      },
      { processGroup: 'ANALYSE', latest: null, manual: null, computed: null },
      { processGroup: 'IMPLEMENT', latest: null, manual: null, computed: null },
      { processGroup: 'MONITOR', latest: null, manual: null, computed: null },
      {
        processGroup: 'CORRECT',
        latest: { level: 1, method: 'MANUAL' },
        manual: { level: 1 },
        computed: null,
      },
    ]);
  });

  it('names the signed-in assessor', async () => {
    const em = getOrm().em.fork();
    const user = em.create(User, {
      email: 'cx.lead@hub.example',
      name: 'CX Lead',
      role: UserRole.CX_MANAGER,
    });
    await em.flush();
    const res = await api.execute(
      `mutation { recordMaturityAssessment(input: { processGroup: ANALYSE, level: 2 }) { assessedBy { name } } }`,
      {},
      { actor: `user:${user.id}`, kind: 'user', role: UserRole.CX_MANAGER, userId: user.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordMaturityAssessment.assessedBy).toEqual({ name: 'CX Lead' });
    const [event] = await getOrm()
      .em.fork()
      .find(AuditEvent, { actor: `user:${user.id}` });
    expect(event!.action).toBe('recordMaturityAssessment');
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: { name: string; input: Record<string, unknown>; message: RegExp }[] = [
      {
        name: 'level 0',
        input: { processGroup: 'MONITOR', level: 0 },
        message: /level must be between 1 and 5/,
      },
      {
        name: 'level 6',
        input: { processGroup: 'MONITOR', level: 6 },
        message: /level must be between 1 and 5/,
      },
      {
        name: 'an unknown process group',
        input: { processGroup: 'SELL', level: 3 },
        message: /ProcessGroup/,
      },
      {
        name: 'an empty criterion',
        input: { processGroup: 'MONITOR', level: 3, evidence: [{ criterion: '', met: true }] },
        message: /criterion must be 1 to 500 characters/,
      },
      {
        name: 'a repeated criterion',
        input: {
          processGroup: 'MONITOR',
          level: 3,
          evidence: [
            { criterion: 'Dashboards', met: true },
            { criterion: 'dashboards', met: false },
          ],
        },
        message: /evidence\[1\] repeats the criterion/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = [await count(MaturityAssessment), await count(AuditEvent)];
        const res = await api.execute(RECORD, { input: c.input });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect([await count(MaturityAssessment), await count(AuditEvent)]).toEqual(before);
      });
    }
  });
});
