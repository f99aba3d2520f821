import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { JourneyStage } from '../../server/src/modules/journey/journey.enums.js';
import { ProcessClass } from '../../server/src/modules/journey/process-class.entity.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { SpecialRequirement } from '../../server/src/modules/requirement/special-requirement.entity.js';
import { User } from '../../server/src/modules/organisation/user.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createAccount } from '../fixtures/factories.js';

const CREATE = `mutation($input: CreateSpecialRequirementInput!) { createSpecialRequirement(input: $input) { id title description status account { name } processClass { code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSpecialRequirementInput!) { updateSpecialRequirement(id: $id, input: $input) { id title description status processClass { code } } }`;
const MISSING = toGlobalId('SpecialRequirement', '01a20000-0000-7000-8000-000000000000');

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

describeEachDatabase('special requirements', (getOrm) => {
  let api: TestApi;
  let acme: string;
  let beta: string;
  let delivery: string;
  let packaging: string;
  const ids: string[] = [];

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    acme = (await createAccount(getOrm(), { name: 'Acme' })).accountGid;
    beta = (await createAccount(getOrm(), { name: 'Beta' })).accountGid;
    delivery = await createProcessClass(getOrm(), 'delivery');
    packaging = await createProcessClass(getOrm(), 'packaging');
  });
  afterAll(() => api.stop());

  const count = (entity: new () => object) =>
    getOrm()
      .em.fork()
      .count(entity as never, {});

  it('captures requirements of an account on a process and reads them back', async () => {
    const inputs = [
      {
        accountId: acme,
        processClassId: delivery,
        title: 'Deliver before 7 am',
        description: '  Gate closes at 7.  ',
      },
      { accountId: acme, processClassId: packaging, title: 'Food-grade drums' },
      { accountId: beta, processClassId: delivery, title: 'Hazmat paperwork in Russian' },
    ];
    for (const input of inputs) {
      const res = await api.execute(CREATE, { input });
      expect(res.errors).toBeUndefined();
      ids.push(res.data!.createSpecialRequirement.id);
    }
    const read = await api.execute(
      `query($id: ID!) { specialRequirement(id: $id) { title description status account { name } processClass { code } } node(id: $id) { id } }`,
      { id: ids[0] },
    );
    expect(read.data!.specialRequirement).toEqual({
      title: 'Deliver before 7 am',
      description: 'Gate closes at 7.',
      status: 'ACTIVE',
      account: { name: 'Acme' },
      processClass: { code: 'delivery' },
    });
    expect(read.data!.node.id).toBe(ids[0]);
    const audit = await getOrm().em.fork().find(AuditEvent, { action: 'createSpecialRequirement' });
    expect(audit).toHaveLength(3);
  });

  it('lists requirements filtered by account, process class, status and title, with sorting and pages', async () => {
    const titles = async (args: string) =>
      (
        await api.execute(`{ specialRequirements${args} { nodes { title } } }`)
      ).data!.specialRequirements.nodes.map((n: any) => n.title);
    expect(
      await titles(`(filter: { accountId: "${acme}" }, orderBy: { field: TITLE, direction: ASC })`),
    ).toEqual(['Deliver before 7 am', 'Food-grade drums']);
    expect(
      await titles(
        `(filter: { processClassId: "${delivery}" }, orderBy: { field: TITLE, direction: DESC })`,
      ),
    ).toEqual(['Hazmat paperwork in Russian', 'Deliver before 7 am']);
    expect(await titles(`(filter: { search: "DRUMS" })`)).toEqual(['Food-grade drums']);
    expect(await titles('')).toEqual([
      'Hazmat paperwork in Russian',
      'Food-grade drums',
      'Deliver before 7 am',
    ]);
    const page = await api.execute(
      `{ specialRequirements(first: 2) { pageInfo { hasNextPage endCursor } } }`,
    );
    expect(page.data!.specialRequirements.pageInfo.hasNextPage).toBe(true);
    expect(
      await titles(`(first: 2, after: "${page.data!.specialRequirements.pageInfo.endCursor}")`),
    ).toEqual(['Deliver before 7 am']);
  });

  it('updates only the given fields, retires a requirement, and audits before and after', async () => {
    const res = await api.execute(UPDATE, {
      id: ids[1],
      input: { status: 'RETIRED', processClassId: delivery },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateSpecialRequirement).toEqual({
      id: ids[1],
      title: 'Food-grade drums',
      description: null,
      status: 'RETIRED',
      processClass: { code: 'delivery' },
    });
    const retired = await api.execute(
      `{ specialRequirements(filter: { status: RETIRED }) { nodes { id } } }`,
    );
    expect(retired.data!.specialRequirements.nodes).toEqual([{ id: ids[1] }]);
    const [event] = await getOrm()
      .em.fork()
      .find(AuditEvent, { action: 'updateSpecialRequirement' });
    expect(event!.before).toMatchObject({ status: 'ACTIVE' });
    expect(event!.after).toMatchObject({ status: 'RETIRED' });
  });

  it('deletes a requirement with an audit event that keeps its last state', async () => {
    const res = await api.execute(`mutation($id: ID!) { deleteSpecialRequirement(id: $id) }`, {
      id: ids[2],
    });
    expect(res.data!.deleteSpecialRequirement).toBe(ids[2]);
    expect(
      (await api.execute(`query($id: ID!) { specialRequirement(id: $id) { id } }`, { id: ids[2] }))
        .data!.specialRequirement,
    ).toBeNull();
    const [event] = await getOrm()
      .em.fork()
      .find(AuditEvent, { action: 'deleteSpecialRequirement' });
    expect(event!.before).toMatchObject({ title: 'Hazmat paperwork in Russian' });
    expect(event!.after).toBeNull();
  });

  it('records who captured a requirement', async () => {
    const em = getOrm().em.fork();
    const user = em.create(User, {
      email: 'kam@hub.example',
      name: 'Key Account Manager',
      role: UserRole.CX_MANAGER,
    });
    await em.flush();
    const res = await api.execute(
      `mutation($input: CreateSpecialRequirementInput!) { createSpecialRequirement(input: $input) { capturedBy { name } } }`,
      {
        input: {
          accountId: beta,
          processClassId: packaging,
          title: 'Pallets no higher than 1.2 m',
        },
      },
      { actor: `user:${user.id}`, kind: 'user', role: UserRole.CX_MANAGER, userId: user.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createSpecialRequirement.capturedBy).toEqual({ name: 'Key Account Manager' });
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
        name: 'an empty title',
        query: CREATE,
        vars: () => ({ input: { accountId: acme, processClassId: delivery, title: '' } }),
        code: 'BAD_USER_INPUT',
        message: /title must be 1 to 300 characters/,
      },
      {
        name: 'an unknown account',
        query: CREATE,
        vars: () => ({
          input: {
            accountId: toGlobalId('ClientAccount', '01a20000-0000-7000-8000-000000000000'),
            processClassId: delivery,
            title: 'X',
          },
        }),
        code: 'NOT_FOUND',
        message: /No client account/,
      },
      {
        name: 'an unknown process class',
        query: CREATE,
        vars: () => ({
          input: {
            accountId: acme,
            processClassId: toGlobalId('ProcessClass', '01a20000-0000-7000-8000-000000000000'),
            title: 'X',
          },
        }),
        code: 'NOT_FOUND',
        message: /No process class/,
      },
      {
        name: 'a process class id that is an account id',
        query: CREATE,
        vars: () => ({ input: { accountId: acme, processClassId: acme, title: 'X' } }),
        code: 'BAD_USER_INPUT',
        message: /processClassId is not a valid ProcessClass id/,
      },
      {
        name: 'an unknown status',
        query: UPDATE,
        vars: () => ({ id: ids[0], input: { status: 'GONE' } }),
        code: 'BAD_USER_INPUT',
        message: /RequirementStatus/,
      },
      {
        name: 'an update of an unknown requirement',
        query: UPDATE,
        vars: () => ({ id: MISSING, input: { title: 'Y' } }),
        code: 'NOT_FOUND',
        message: /No special requirement/,
      },
      {
        name: 'a delete of an unknown requirement',
        query: `mutation($id: ID!) { deleteSpecialRequirement(id: $id) }`,
        vars: () => ({ id: MISSING }),
        code: 'NOT_FOUND',
        message: /No special requirement/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = [await count(SpecialRequirement), await count(AuditEvent)];
        const res = await api.execute(c.query, c.vars());
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect([await count(SpecialRequirement), await count(AuditEvent)]).toEqual(before);
      });
    }
  });
});
