import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { ProcessClass } from '../../server/src/modules/journey/process-class.entity.js';
import { Touchpoint } from '../../server/src/modules/journey/touchpoint.entity.js';
import {
  collectPages,
  expectRefusedWithoutWrites,
  unknownId,
  type RefusalCase,
} from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const CREATE_PC = `mutation($input: CreateProcessClassInput!) { createProcessClass(input: $input) { id code name nameRu primaryStage owningDepartment { code } } }`;
const UPDATE_PC = `mutation($id: ID!, $input: UpdateProcessClassInput!) { updateProcessClass(id: $id, input: $input) { id code name nameRu primaryStage } }`;
const DELETE_PC = `mutation($id: ID!) { deleteProcessClass(id: $id) }`;
const CREATE_TP = `mutation($input: CreateTouchpointInput!) { createTouchpoint(input: $input) { id name stage channel processClass { code } owningDepartment { code } } }`;
const UPDATE_TP = `mutation($id: ID!, $input: UpdateTouchpointInput!) { updateTouchpoint(id: $id, input: $input) { id name stage channel } }`;
const DELETE_TP = `mutation($id: ID!) { deleteTouchpoint(id: $id) }`;
const TP_PAGES = `query($first: Int, $after: String, $filter: TouchpointFilter, $orderBy: TouchpointOrder) {
  touchpoints(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { name } pageInfo { hasNextPage endCursor } } }`;

describeEachDatabase('journey API', (getOrm) => {
  let api: TestApi;
  const ids: Record<string, string> = {};

  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await api.execute(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const dept = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`;
    ids.logistics = (
      await run(dept, { input: { code: 'logistics', name: 'Logistics' } })
    ).createDepartment.id;
    ids.finance = (
      await run(dept, { input: { code: 'finance', name: 'Finance' } })
    ).createDepartment.id;
    ids.delivery = (
      await run(CREATE_PC, {
        input: {
          code: 'delivery',
          name: 'Delivery planning',
          nameRu: 'Планирование поставок',
          primaryStage: 'USAGE',
          owningDepartmentId: ids.logistics,
        },
      })
    ).createProcessClass.id;
    ids.invoicing = (
      await run(CREATE_PC, {
        input: {
          code: 'invoicing',
          name: 'Invoicing',
          primaryStage: 'POST_SALE',
          owningDepartmentId: ids.finance,
        },
      })
    ).createProcessClass.id;
    const touchpoints = [
      ['Delivery e-mail', 'USAGE', 'delivery', 'EMAIL', undefined],
      ['Delivery portal', 'USAGE', 'delivery', 'PORTAL', undefined],
      ['Delivery call', 'EVALUATION_AND_DEAL', 'delivery', 'PHONE', 'finance'],
      ['Invoice e-mail', 'POST_SALE', 'invoicing', 'EMAIL', undefined],
    ] as const;
    for (const [name, stage, pc, channel, dept] of touchpoints) {
      const input = {
        name,
        stage,
        processClassId: ids[pc],
        channel,
        ...(dept ? { owningDepartmentId: ids[dept] } : {}),
      };
      ids[name] = (await run(CREATE_TP, { input })).createTouchpoint.id;
    }
  });
  afterAll(() => api.stop());

  it('lists the four journey stages in order with English and Russian labels', async () => {
    const { journeyStages } = await run(`{ journeyStages { stage order label labelRu } }`);
    expect(journeyStages.map((s: any) => s.stage)).toEqual([
      'AWARENESS',
      'EVALUATION_AND_DEAL',
      'USAGE',
      'POST_SALE',
    ]);
    expect(journeyStages[3]).toMatchObject({ order: 4, label: 'Post-sale' });
    expect(journeyStages.every((s: any) => s.labelRu.length > 0)).toBe(true);
  });

  it("creates touchpoints owned by the process class's department unless told otherwise, with audit events", async () => {
    const data = await run(
      `query($id: ID!) { processClass(id: $id) { nameRu owningDepartment { code } touchpoints { name owningDepartment { code } } } }`,
      { id: ids.delivery },
    );
    expect(data.processClass).toEqual({
      nameRu: 'Планирование поставок',
      owningDepartment: { code: 'logistics' },
      touchpoints: [
        { name: 'Delivery call', owningDepartment: { code: 'finance' } },
        { name: 'Delivery e-mail', owningDepartment: { code: 'logistics' } },
        { name: 'Delivery portal', owningDepartment: { code: 'logistics' } },
      ],
    });
    expect(await getOrm().em.fork().count(AuditEvent, { action: 'createTouchpoint' })).toBe(4);
    const node = await run(
      `query($id: ID!) { node(id: $id) { ... on Touchpoint { name processClass { code } } } }`,
      { id: ids['Invoice e-mail'] },
    );
    expect(node.node).toEqual({ name: 'Invoice e-mail', processClass: { code: 'invoicing' } });
  });

  it('lists process classes by stage, department and search', async () => {
    const byStage = await run(
      `{ processClasses(filter: { primaryStages: [POST_SALE] }) { nodes { code } } }`,
    );
    expect(byStage.processClasses.nodes).toEqual([{ code: 'invoicing' }]);
    const byDept = await run(
      `query($d: ID!) { processClasses(filter: { owningDepartmentId: $d }) { nodes { code } } }`,
      { d: ids.logistics },
    );
    expect(byDept.processClasses.nodes).toEqual([{ code: 'delivery' }]);
    const search = await run(
      `{ processClasses(filter: { search: "INVOIC" }, orderBy: { field: CODE, direction: DESC }) { totalCount } }`,
    );
    expect(search.processClasses.totalCount).toBe(1);
  });

  it('lists touchpoints by stage, process class, channel and department, in keyset pages', async () => {
    const all = await collectPages(api, TP_PAGES, 'touchpoints', {
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(all).toEqual(['Invoice e-mail', 'Delivery portal', 'Delivery e-mail', 'Delivery call']);
    const emails = await collectPages(api, TP_PAGES, 'touchpoints', {
      filter: { channels: ['EMAIL'] },
    });
    expect(emails).toEqual(['Delivery e-mail', 'Invoice e-mail']);
    const usage = await collectPages(api, TP_PAGES, 'touchpoints', {
      filter: { stages: ['USAGE'], processClassId: ids.delivery },
    });
    expect(usage).toEqual(['Delivery e-mail', 'Delivery portal']);
    const finance = await collectPages(api, TP_PAGES, 'touchpoints', {
      filter: { owningDepartmentId: ids.finance },
    });
    expect(finance).toEqual(['Delivery call', 'Invoice e-mail']);
  });

  it('updates only the given fields', async () => {
    const pc = await run(UPDATE_PC, { id: ids.invoicing, input: { nameRu: 'Выставление счетов' } });
    expect(pc.updateProcessClass).toMatchObject({
      code: 'invoicing',
      name: 'Invoicing',
      nameRu: 'Выставление счетов',
      primaryStage: 'POST_SALE',
    });
    const tp = await run(UPDATE_TP, {
      id: ids['Delivery portal'],
      input: { name: 'Delivery tracking portal' },
    });
    expect(tp.updateTouchpoint).toMatchObject({
      name: 'Delivery tracking portal',
      stage: 'USAGE',
      channel: 'PORTAL',
    });
  });

  it('deletes an unused touchpoint and process class', async () => {
    const pc = (
      await run(CREATE_PC, {
        input: {
          code: 'tmp',
          name: 'Temporary',
          primaryStage: 'AWARENESS',
          owningDepartmentId: ids.finance,
        },
      })
    ).createProcessClass.id;
    const tp = (
      await run(CREATE_TP, {
        input: { name: 'Tmp event', stage: 'AWARENESS', processClassId: pc, channel: 'EVENT' },
      })
    ).createTouchpoint.id;
    expect((await run(DELETE_TP, { id: tp })).deleteTouchpoint).toBe(tp);
    expect((await run(DELETE_PC, { id: pc })).deleteProcessClass).toBe(pc);
    expect(await run(`query($id: ID!) { processClass(id: $id) { id } }`, { id: pc })).toEqual({
      processClass: null,
    });
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const pcInput = (over: Record<string, unknown> = {}) => ({
      input: {
        code: 'new-pc',
        name: 'New',
        primaryStage: 'USAGE',
        owningDepartmentId: ids.logistics,
        ...over,
      },
    });
    const tpInput = (over: Record<string, unknown> = {}) => ({
      input: {
        name: 'New TP',
        stage: 'USAGE',
        processClassId: ids.delivery,
        channel: 'EDI',
        ...over,
      },
    });
    const cases: RefusalCase[] = [
      {
        name: 'a duplicate process-class code',
        query: CREATE_PC,
        variables: () => pcInput({ code: 'delivery' }),
        code: 'CONFLICT',
        message: /process class with code "delivery" already exists/,
      },
      {
        name: 'an unknown owning department',
        query: CREATE_PC,
        variables: () => pcInput({ owningDepartmentId: unknownId('Department') }),
        code: 'NOT_FOUND',
        message: /No department matches owningDepartmentId\./,
      },
      {
        name: 'a malformed owning department',
        query: CREATE_PC,
        variables: () => pcInput({ owningDepartmentId: ids.delivery }),
        code: 'BAD_USER_INPUT',
        message: /owningDepartmentId is not a valid Department id/,
      },
      {
        name: 'an unknown journey stage',
        query: CREATE_PC,
        variables: () => pcInput({ primaryStage: 'LOYALTY' }),
        code: 'BAD_USER_INPUT',
        message: /LOYALTY/,
      },
      {
        name: 'an unknown process class',
        query: UPDATE_PC,
        variables: () => ({ id: unknownId('ProcessClass'), input: { name: 'X' } }),
        code: 'NOT_FOUND',
        message: /No process class matches id\./,
      },
      {
        name: 'deleting a process class with touchpoints',
        query: DELETE_PC,
        variables: () => ({ id: ids.delivery }),
        code: 'CONFLICT',
        message: /still has 3 touchpoint\(s\)/,
      },
      {
        name: 'a duplicate stage × process class × channel',
        query: CREATE_TP,
        variables: () => tpInput({ channel: 'EMAIL' }),
        code: 'CONFLICT',
        message:
          /touchpoint for Delivery planning at stage USAGE over channel EMAIL already exists/,
      },
      {
        name: 'moving a touchpoint onto an existing one',
        query: UPDATE_TP,
        variables: () => ({
          id: ids['Delivery call'],
          input: { stage: 'USAGE', channel: 'EMAIL' },
        }),
        code: 'CONFLICT',
        message: /already exists/,
      },
      {
        name: 'an unknown process class for a touchpoint',
        query: CREATE_TP,
        variables: () => tpInput({ processClassId: unknownId('ProcessClass') }),
        code: 'NOT_FOUND',
        message: /No process class/,
      },
      {
        name: 'an unknown channel',
        query: CREATE_TP,
        variables: () => tpInput({ channel: 'TELEPATHY' }),
        code: 'BAD_USER_INPUT',
        message: /TELEPATHY/,
      },
      {
        name: 'an over-long name',
        query: CREATE_TP,
        variables: () => tpInput({ name: 'x'.repeat(201) }),
        code: 'BAD_USER_INPUT',
        message: /name must be 1 to 200 characters/,
      },
      {
        name: 'an unknown touchpoint',
        query: DELETE_TP,
        variables: () => ({ id: unknownId('Touchpoint') }),
        code: 'NOT_FOUND',
        message: /No touchpoint matches id\./,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, () =>
        expectRefusedWithoutWrites(api, getOrm(), [ProcessClass, Touchpoint], c));
    }
  });
});
