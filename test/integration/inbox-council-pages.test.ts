import 'reflect-metadata';
import { print, type DocumentNode } from 'graphql';
import { formatDocument } from 'urql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CouncilInitiativeDocument,
  CouncilInitiativesDocument,
  DepartmentCasesDocument,
  DepartmentTasksDocument,
  InboxColleaguesDocument,
  InboxNoticesDocument,
  InboxTaskDocument,
} from '../../web/src/gql/graphql.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import type { Department } from '../../server/src/modules/organisation/department.entity.js';
import { createUser } from '../fixtures/initiative-factories.js';
import { createTenantWorlds } from '../fixtures/tenant-worlds.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { viewers } from '../helpers/viewers.js';

/** As the browser sends it: urql adds `__typename` to every selection, which the cost limit counts. */
const sent = (document: DocumentNode) => print(formatDocument(document));

/**
 * The web client's own documents for the department inbox and the council portal, run as the
 * roles that use them: every field they ask for is one the field rules let that role read, and
 * the rows are what the row scopes give (the pages never filter for security themselves).
 */
describeEachDatabase('the inbox and council pages’ queries', (getOrm) => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof createTenantWorlds>>;

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    world = await createTenantWorlds(getOrm());
    await world.createB();
  });
  afterAll(() => api?.stop());

  it('reads the department’s own tasks with their initiative and owner, as a department member', async () => {
    const member = viewers.department(world.logistics, world.planner);
    const logistics = toGlobalId('Department', world.logistics);
    const res = await api.execute(
      sent(DepartmentTasksDocument),
      { departmentId: logistics },
      member,
    );
    expect(res.errors).toBeUndefined();
    const cases = await api.execute(
      sent(DepartmentCasesDocument),
      { departmentId: logistics },
      member,
    );
    expect(cases.errors).toBeUndefined();
    const notices = await api.execute(sent(InboxNoticesDocument), {}, member);
    expect(notices.errors).toBeUndefined();
    const tasks = res.data!.initiativeTasks.nodes as {
      title: string;
      department: { id: string };
      initiative: { owner: { name: string } | null };
    }[];
    expect(tasks.map((t) => t.title).sort()).toEqual([
      'Acme faster invoices: book loading slots',
      'Internal: renegotiate carrier',
    ]);
    expect(new Set(tasks.map((t) => t.department.id))).toEqual(new Set([logistics]));
    expect(tasks[0]!.initiative.owner?.name).toBe('Olga Owner');
    expect(notices.data!.notices.nodes.map((n: { subject: string }) => n.subject)).toEqual([
      'New task for logistics',
    ]);
    const one = await api.execute(
      sent(InboxTaskDocument),
      { id: toGlobalId('InitiativeTask', world.a.task) },
      member,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.initiativeTask.title).toBe('Acme faster invoices: book loading slots');
  });

  it('lists the active colleagues of the member’s own department to hand a task to, and no other department’s people', async () => {
    const member = viewers.department(world.logistics, world.planner);
    const department = (id: string) => ({ id }) as Department;
    await createUser(getOrm(), department(world.logistics), 'Carl Driver');
    await createUser(getOrm(), department(world.logistics), 'Fiona Former', { active: false });
    await createUser(getOrm(), department(world.sales), 'Boris Seller');
    const names = async (departmentId: string) => {
      const res = await api.execute(
        sent(InboxColleaguesDocument),
        { departmentId: toGlobalId('Department', departmentId) },
        member,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.users.nodes.map((u: { name: string }) => u.name).sort();
    };
    expect(await names(world.logistics)).toEqual(['Anna Planner', 'Carl Driver']);
    expect(await names(world.sales)).toEqual([]);
  });

  it('reads only the initiatives of the member’s councils, with progress, messages and review, as a council member', async () => {
    const member = viewers.council([world.a.council], [world.a.member], world.a.memberUser);
    const res = await api.execute(sent(CouncilInitiativesDocument), {}, member);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const titles = (res.data!.initiatives.nodes as { title: string }[]).map((i) => i.title);
    expect(titles.sort()).toEqual(['Acme faster invoices', 'Shared packaging change']);
    const acme = await api.execute(
      sent(CouncilInitiativeDocument),
      { id: toGlobalId('Initiative', world.a.initiative) },
      member,
    );
    expect(acme.errors).toBeUndefined();
    const i = acme.data!.initiative;
    // Client-visible tasks only; the internal one stays hidden.
    expect(i.tasks.map((t: { title: string }) => t.title)).toEqual([
      'Acme faster invoices: book loading slots',
    ]);
    expect(i.notifications.map((n: { subject: string }) => n.subject)).toEqual([
      'Acme faster invoices: we started',
    ]);
    expect(i.councilReviews.map((r: { decision: string }) => r.decision)).toEqual(['PENDING']);
    const beta = await api.execute(
      sent(CouncilInitiativeDocument),
      { id: toGlobalId('Initiative', world.b.initiative) },
      member,
    );
    expect(beta.errors).toBeUndefined();
    expect(beta.data!.initiative).toBeNull();
  });
});
