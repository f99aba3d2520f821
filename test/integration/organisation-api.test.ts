import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { User } from '../../server/src/modules/organisation/user.entity.js';
import {
  collectPages,
  expectRefusedWithoutWrites,
  unknownId,
  type RefusalCase,
} from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const CREATE_DEPARTMENT = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id code name isCxOffice } }`;
const UPDATE_DEPARTMENT = `mutation($id: ID!, $input: UpdateDepartmentInput!) { updateDepartment(id: $id, input: $input) { id code name isCxOffice } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email name role department { code } } }`;
const UPDATE_USER = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id email name role active department { code } } }`;
const DEPARTMENT_PAGES = `query($first: Int, $after: String, $orderBy: DepartmentOrder) {
  departments(first: $first, after: $after, orderBy: $orderBy) { nodes { name } pageInfo { hasNextPage endCursor } } }`;

describeEachDatabase('organisation API', (getOrm) => {
  let api: TestApi;
  const ids: Record<string, string> = {};

  const run = async (query: string, variables: Record<string, unknown>) => {
    const res = await api.execute(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    for (const [code, name, isCxOffice] of [
      ['logistics', 'Logistics', false],
      ['quality', 'Quality control', false],
      ['cx', 'CX office', true],
    ] as const) {
      ids[code] = (
        await run(CREATE_DEPARTMENT, { input: { code, name, isCxOffice } })
      ).createDepartment.id;
    }
    for (const [email, name, role, dept] of [
      ['Anna@Hub.example', 'Anna', 'CX_MANAGER', 'cx'],
      ['boris@hub.example', 'Boris', 'DEPARTMENT_MEMBER', 'logistics'],
      ['vera@hub.example', 'Vera', 'DEPARTMENT_MEMBER', 'logistics'],
    ] as const) {
      ids[name] = (
        await run(CREATE_USER, { input: { email, name, role, departmentId: ids[dept] } })
      ).createUser.id;
    }
  });
  afterAll(() => api.stop());

  it('creates departments and users, recording an audit event for each', async () => {
    const em = getOrm().em.fork();
    expect(await em.count(Department, {})).toBe(3);
    expect(await em.count(AuditEvent, { entityType: 'User', action: 'createUser' })).toBe(3);
    const anna = await run(
      `query($id: ID!) { user(id: $id) { email role department { name isCxOffice } } }`,
      { id: ids.Anna },
    );
    expect(anna.user).toEqual({
      email: 'anna@hub.example',
      role: 'CX_MANAGER',
      department: { name: 'CX office', isCxOffice: true },
    });
  });

  it('reads a department with its users, also through node(id:)', async () => {
    const data = await run(
      `query($id: ID!) { department(id: $id) { code users { name } } node(id: $id) { ... on Department { name } } }`,
      { id: ids.logistics },
    );
    expect(data.department).toEqual({
      code: 'logistics',
      users: [{ name: 'Boris' }, { name: 'Vera' }],
    });
    expect(data.node).toEqual({ name: 'Logistics' });
  });

  it('returns null for an unknown id and refuses a malformed one', async () => {
    expect(
      (await run(`query($id: ID!) { department(id: $id) { id } }`, { id: unknownId('Department') }))
        .department,
    ).toBeNull();
    const bad = await api.execute(`{ user(id: "nope") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists departments with a case-insensitive search, a flag filter, ordering and keyset pages', async () => {
    const search = await run(
      `{ departments(filter: { search: "LOGIST" }) { totalCount nodes { code } } }`,
      {},
    );
    expect(search.departments.nodes).toEqual([{ code: 'logistics' }]);
    const cx = await run(`{ departments(filter: { isCxOffice: true }) { nodes { code } } }`, {});
    expect(cx.departments.nodes).toEqual([{ code: 'cx' }]);
    const desc = await collectPages(api, DEPARTMENT_PAGES, 'departments', {
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(desc).toEqual(['Quality control', 'Logistics', 'CX office']);
  });

  it('lists users by department and role', async () => {
    const byDept = await run(
      `query($d: ID!) { users(filter: { departmentId: $d }, orderBy: { field: EMAIL, direction: DESC }) { nodes { name } } }`,
      { d: ids.logistics },
    );
    expect(byDept.users.nodes).toEqual([{ name: 'Vera' }, { name: 'Boris' }]);
    const managers = await run(
      `{ users(filter: { roles: [CX_MANAGER], search: "ann" }) { totalCount nodes { name } } }`,
      {},
    );
    expect(managers.users).toEqual({ totalCount: 1, nodes: [{ name: 'Anna' }] });
  });

  it('updates only the given fields and records before and after', async () => {
    const updated = await run(UPDATE_DEPARTMENT, {
      id: ids.quality,
      input: { name: 'Quality assurance' },
    });
    expect(updated.updateDepartment).toMatchObject({
      code: 'quality',
      name: 'Quality assurance',
      isCxOffice: false,
    });
    const audit = await getOrm()
      .em.fork()
      .findOneOrFail(AuditEvent, { action: 'updateDepartment' });
    expect(audit.before).toMatchObject({ name: 'Quality control' });
    expect(audit.after).toMatchObject({ name: 'Quality assurance' });
    const user = await run(UPDATE_USER, {
      id: ids.Vera,
      input: { departmentId: null, role: 'CX_ADMIN', active: false },
    });
    expect(user.updateUser).toMatchObject({
      name: 'Vera',
      role: 'CX_ADMIN',
      active: false,
      department: null,
    });
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: RefusalCase[] = [
      {
        name: 'an unknown department',
        query: UPDATE_DEPARTMENT,
        variables: () => ({ id: unknownId('Department'), input: { name: 'X' } }),
        code: 'NOT_FOUND',
        message: /No department matches id\./,
      },
      {
        name: 'a malformed department id',
        query: UPDATE_DEPARTMENT,
        variables: () => ({ id: 'xyz', input: { name: 'X' } }),
        code: 'BAD_USER_INPUT',
        message: /id is not a valid Department id/,
      },
      {
        name: 'a user id where a department id belongs',
        query: UPDATE_DEPARTMENT,
        variables: () => ({ id: ids.Anna, input: { name: 'X' } }),
        code: 'BAD_USER_INPUT',
        message: /not a valid Department id/,
      },
      {
        name: 'a duplicate department code',
        query: CREATE_DEPARTMENT,
        variables: () => ({ input: { code: 'logistics', name: 'Again' } }),
        code: 'CONFLICT',
        message: /department with code "logistics" already exists/,
      },
      {
        name: 'renaming a code onto another',
        query: UPDATE_DEPARTMENT,
        variables: () => ({ id: ids.quality, input: { code: 'cx' } }),
        code: 'CONFLICT',
        message: /code "cx" already exists/,
      },
      {
        name: 'a code with spaces',
        query: CREATE_DEPARTMENT,
        variables: () => ({ input: { code: 'sales dept', name: 'Sales' } }),
        code: 'BAD_USER_INPUT',
        message: /code may contain only letters/,
      },
      {
        name: 'an empty name',
        query: CREATE_DEPARTMENT,
        variables: () => ({ input: { code: 'sales', name: '' } }),
        code: 'BAD_USER_INPUT',
        message: /name must be 1 to 200 characters/,
      },
      {
        name: 'a malformed e-mail',
        query: CREATE_USER,
        variables: () => ({ input: { email: 'not-mail', name: 'X' } }),
        code: 'BAD_USER_INPUT',
        message: /email must be an e-mail address/,
      },
      {
        name: 'an e-mail taken in another case',
        query: CREATE_USER,
        variables: () => ({ input: { email: 'BORIS@hub.example', name: 'B2' } }),
        code: 'CONFLICT',
        message: /e-mail boris@hub.example already exists/,
      },
      {
        name: 'an unknown department for a user',
        query: CREATE_USER,
        variables: () => ({
          input: { email: 'new@hub.example', name: 'N', departmentId: unknownId('Department') },
        }),
        code: 'NOT_FOUND',
        message: /No department/,
      },
      {
        name: 'an unknown role',
        query: CREATE_USER,
        variables: () => ({ input: { email: 'new@hub.example', name: 'N', role: 'KING' } }),
        code: 'BAD_USER_INPUT',
        message: /KING/,
      },
      {
        name: 'an unknown user',
        query: UPDATE_USER,
        variables: () => ({ id: unknownId('User'), input: { name: 'X' } }),
        code: 'NOT_FOUND',
        message: /No user matches id\./,
      },
      {
        name: 'an unsupported locale',
        query: UPDATE_USER,
        variables: () => ({ id: ids.Boris, input: { locale: 'de' } }),
        code: 'BAD_USER_INPUT',
        message: /locale must be ru or en/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, () =>
        expectRefusedWithoutWrites(api, getOrm(), [Department, User], c));
    }
  });
});
