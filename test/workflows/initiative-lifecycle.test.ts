import { afterAll, beforeAll, expect, it } from 'vitest';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { NotificationKind } from '../../server/src/modules/notification/notification.enums.js';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { initiativeWorkflowId } from '../../workflows/contracts/initiative.contract.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../helpers/workflow-harness.js';
import { loadDemoScenario, type DemoScenario } from '../fixtures/demo-scenario.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const temporal = useTimeSkippingEnv();

const INITIATIVE = `id code processGroup status revision owner { id } workflowStartedAt
  revisions { number origin brief } live { processGroup status revision openTasks timers { kind at taskId } }`;
const TASK =
  'id status round escalationLevel remindedAt clientVisible outcomeNote department { id }';

describeEachDatabase(
  'An initiative born from demo feedback, run by its workflow through GraphQL',
  (getOrm) => {
    let h: WorkflowHarness;
    let demo: DemoScenario;

    beforeAll(async () => {
      demo = await loadDemoScenario(getOrm());
      h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    });
    afterAll(async () => h?.stop());

    async function gql<T = any>(
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<T> {
      const res = await h.api.execute<T>(query, variables);
      if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
      return res.data as T;
    }
    const at = async (offsetMs: number) =>
      new Date((await temporal.env.currentTimeMs()) + offsetMs).toISOString();
    const task = async (title: string, department: string, dueInDays: number) =>
      (
        await gql(
          `mutation ($input: CreateInitiativeTaskInput!) { createInitiativeTask(input: $input) { ${TASK} } }`,
          {
            input: {
              initiativeId: id,
              title,
              departmentId: department,
              dueAt: await at(dueInDays * DAY),
            },
          },
        )
      ).createInitiativeTask;
    const inbox = (kind: string) =>
      getOrm()
        .em.fork()
        .find(
          InboxEntry,
          { kind: kind as never, initiative: fromGlobalId(id, 'Initiative') },
          { orderBy: { createdAt: 'asc' } },
        );
    let id = '';

    it('goes implement → monitor → correct → implement (revision 2) → monitor → approved → closed, telling the clients who asked what was done, in their language, once per milestone', async () => {
      const created = await gql(
        `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { ${INITIATIVE} } }`,
        {
          input: {
            title: 'Invoices sent with the delivery',
            problem: 'Clients cannot close their month: invoices arrive days after the goods.',
            expectedEffect: 'Invoices with every delivery; month closed on time.',
            clientVisible: true,
            ownerId: demo.owner,
            affectedAccountIds: demo.accounts,
            feedbackIds: [demo.feedback.ru, demo.feedback.en],
          },
        },
      );
      id = created.createInitiative.id;
      expect(created.createInitiative).toMatchObject({
        processGroup: 'ANALYSE',
        status: 'PROPOSED',
        revision: 1,
      });
      expect(created.createInitiative.workflowStartedAt).not.toBeNull();
      expect(created.createInitiative.revisions).toEqual([
        {
          number: 1,
          origin: 'INITIAL',
          brief: 'Clients cannot close their month: invoices arrive days after the goods.',
        },
      ]);

      // Owner reassignment: the new owner is told.
      await gql(
        `mutation ($id: ID!, $o: ID!) { assignInitiativeOwner(id: $id, ownerId: $o) { id } }`,
        {
          id,
          o: demo.nextOwner,
        },
      );
      const assigned = await inbox('OWNER_ASSIGNED');
      expect(assigned.map((e) => e.recipientUser?.id)).toContain(demo.nextOwnerUserId);

      const started = await gql(
        `mutation ($id: ID!) { moveInitiative(id: $id, processGroup: IMPLEMENT) { ${INITIATIVE} } }`,
        { id },
      );
      expect(started.moveInitiative).toMatchObject({
        processGroup: 'IMPLEMENT',
        status: 'ACTIVE',
        owner: { id: demo.nextOwner },
      });

      // Tasks: one completed, one rejected and reassigned, one left to run late.
      const t1 = await task(
        'Print the invoice at the warehouse with the waybill',
        demo.departments.LOGISTICS,
        10,
      );
      const t2 = await task(
        'Issue invoices from the shipment, not the order',
        demo.departments.ACCOUNTING,
        10,
      );
      const t3 = await task(
        'Check invoice data against the certificate of analysis',
        demo.departments.QUALITY,
        3,
      );
      await gql(
        `mutation ($id: ID!) { completeTask(id: $id, outcomeNote: "Printed at dispatch since Monday") { id } }`,
        { id: t1.id },
      );
      await gql(
        `mutation ($id: ID!) { rejectTask(id: $id, note: "Invoicing rules belong to procurement contracts") { id } }`,
        { id: t2.id },
      );
      const rejected = await inbox('TASK_REJECTED');
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.recipientUser?.id).toBe(demo.nextOwnerUserId);
      const reassigned = await gql(
        `mutation ($id: ID!, $input: ReassignTaskInput!) { reassignTask(id: $id, input: $input) { ${TASK} } }`,
        {
          id: t2.id,
          input: {
            departmentId: demo.departments.PROCUREMENT,
            dueAt: await at(12 * DAY),
            note: 'Please adapt the contract clause',
          },
        },
      );
      expect(reassigned.reassignTask).toMatchObject({
        status: 'OPEN',
        round: 2,
        department: { id: demo.departments.PROCUREMENT },
      });
      await gql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: t2.id });

      // The live state shows the reminder of the late task as the next timer.
      const live = await gql(`query ($id: ID!) { initiative(id: $id) { ${INITIATIVE} } }`, { id });
      expect(live.initiative.live).toMatchObject({ processGroup: 'IMPLEMENT', openTasks: 1 });
      expect(live.initiative.live.timers).toEqual([
        { kind: 'TASK_REMINDER', at: expect.any(String), taskId: t3.id },
      ]);

      // Time runs: reminded two days before due, overdue to the owner, three days later to the CX office.
      await temporal.env.sleep(1 * DAY + HOUR);
      const dueSoon = await eventually(
        () => inbox('TASK_DUE_SOON'),
        (rows) => rows.length > 0,
      );
      expect(dueSoon.map((e) => e.recipientDepartment?.id)).toEqual([demo.departmentIds.QUALITY]);
      expect(await inbox('TASK_OVERDUE')).toEqual([]);
      await temporal.env.sleep(2 * DAY);
      const overdue = await eventually(
        () => inbox('TASK_OVERDUE'),
        (rows) => rows.length > 0,
      );
      expect(overdue.map((e) => e.recipientUser?.id).filter(Boolean)).toEqual([
        demo.nextOwnerUserId,
      ]);
      expect(await inbox('TASK_ESCALATED')).toEqual([]);
      await temporal.env.sleep(3 * DAY);
      const escalated = await eventually(
        () => inbox('TASK_ESCALATED'),
        (rows) => rows.length > 0,
      );
      expect(escalated.map((e) => e.recipientDepartment?.id)).toEqual([
        demo.departmentIds.CX_OFFICE,
      ]);
      const late = await gql(`query ($id: ID!) { initiativeTask(id: $id) { ${TASK} } }`, {
        id: t3.id,
      });
      expect(late.initiativeTask).toMatchObject({ escalationLevel: 2, status: 'OPEN' });
      expect(late.initiativeTask.remindedAt).not.toBeNull();
      await gql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: t3.id });

      await gql(
        `mutation ($id: ID!, $m: ID!) { setInitiativeTargets(initiativeId: $id, targets: [{ metricId: $m, baseline: 88, targetValue: 95 }]) { id } }`,
        {
          id,
          m: demo.metric,
        },
      );
      const monitored = await gql(
        `mutation ($id: ID!) { moveInitiative(id: $id, processGroup: MONITOR) {
      processGroup status councilReviews { id decision trigger agenda { revision tasksDone { title } tasksOpen { title }
        notificationsSent { milestone count } targets { metricCode baseline targetValue latestValue } } } } }`,
        { id },
      );
      expect(monitored.moveInitiative).toMatchObject({
        processGroup: 'MONITOR',
        status: 'AWAITING_COUNCIL',
      });
      const [review1] = monitored.moveInitiative.councilReviews;
      expect(review1).toMatchObject({ decision: 'PENDING', trigger: 'FINISHED_IMPLEMENT' });
      expect(review1.agenda.tasksDone).toHaveLength(3);
      expect(review1.agenda.tasksOpen).toEqual([]);
      expect(review1.agenda.targets).toEqual([
        { metricCode: 'OTIF', baseline: 88, targetValue: 95, latestValue: expect.any(Number) },
      ]);
      expect(review1.agenda.notificationsSent.map((n: any) => n.milestone).sort()).toEqual([
        'MONITORING',
        'STARTED',
        'TASK_DONE',
      ]);

      // The council asks for changes: through CORRECT into revision 2, its comments the brief.
      const comments = 'Include the smaller sites and send the invoice as PDF too';
      const decided = await gql(
        `mutation ($id: ID!, $m: ID!, $c: String) { decideCouncilReview(id: $id, input: { decision: CHANGES_REQUESTED, comments: $c, decidedByMemberId: $m }) { decision } }`,
        { id: review1.id, m: demo.member, c: comments },
      );
      expect(decided.decideCouncilReview.decision).toBe('CHANGES_REQUESTED');
      const rev2 = await gql(`query ($id: ID!) { initiative(id: $id) { ${INITIATIVE} } }`, { id });
      expect(rev2.initiative).toMatchObject({
        processGroup: 'IMPLEMENT',
        status: 'ACTIVE',
        revision: 2,
      });
      expect(rev2.initiative.revisions[1]).toEqual({
        number: 2,
        origin: 'COUNCIL_CHANGES',
        brief: comments,
      });

      const t4 = await task(
        'Send the invoice PDF to the smaller sites',
        demo.departments.ACCOUNTING,
        5,
      );
      await gql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: t4.id });
      const again = await gql(
        `mutation ($id: ID!) { moveInitiative(id: $id, processGroup: MONITOR) { councilReviews { id revision decision } } }`,
        { id },
      );
      const review2 = again.moveInitiative.councilReviews.find((r: any) => r.revision === 2);
      await gql(
        `mutation ($id: ID!, $m: ID!) { decideCouncilReview(id: $id, input: { decision: APPROVED, decidedByMemberId: $m }) { decision } }`,
        {
          id: review2.id,
          m: demo.member,
        },
      );
      const closed = await gql(
        `mutation ($id: ID!) { closeInitiative(id: $id, note: "Invoices now travel with the goods") { ${INITIATIVE} closedAt } }`,
        { id },
      );
      expect(closed.closeInitiative).toMatchObject({ status: 'CLOSED', revision: 2 });
      expect(
        await temporal.env.client.workflow
          .getHandle(initiativeWorkflowId(fromGlobalId(id, 'Initiative')))
          .result(),
      ).toMatchObject({
        status: 'CLOSED',
        revision: 2,
      });

      // The feedback that started it is closed with it.
      const items = await getOrm()
        .em.fork()
        .find(FeedbackItem, {
          id: {
            $in: [
              fromGlobalId(demo.feedback.ru, 'FeedbackItem'),
              fromGlobalId(demo.feedback.en, 'FeedbackItem'),
            ],
          },
        });
      expect(items.map((i) => i.status)).toEqual(['CLOSED', 'CLOSED']);

      // The contacts whose feedback started it were told what was done, in their language, once each.
      const em = getOrm().em.fork();
      for (const [locale, contact] of Object.entries(demo.contacts)) {
        const notes = await em.find(
          ClientNotification,
          {
            contact: contact.id,
            initiative: fromGlobalId(id, 'Initiative'),
            kind: NotificationKind.INITIATIVE_PROGRESS,
          },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        );
        const byMilestone = (m: string) => notes.filter((n) => n.milestone === m);
        // Started twice (revision 1, then the council's revision 2), four client-visible steps,
        // monitoring twice, closed once: nine messages, none twice.
        expect(byMilestone('STARTED')).toHaveLength(2);
        expect(byMilestone('TASK_DONE')).toHaveLength(4);
        expect(byMilestone('MONITORING')).toHaveLength(2);
        expect(byMilestone('CLOSED')).toHaveLength(1);
        expect(notes).toHaveLength(9);
        expect(new Set(notes.map((n) => n.dedupeKey)).size).toBe(9);
        expect(notes.every((n) => n.locale === locale)).toBe(true);
        const first = notes[0]!;
        expect(first.body).toContain(contact.name);
        if (locale === 'ru') {
          expect(first.subject).toBe('Мы начали работу: Invoices sent with the delivery');
          expect(first.body).toContain('ваш отзыв стал одной из причин');
        } else {
          expect(first.subject).toBe('We have started work on: Invoices sent with the delivery');
          expect(first.body).toContain('your feedback is one of the reasons');
        }
        expect(byMilestone('CLOSED')[0]!.body).toContain(
          locale === 'ru'
            ? 'Invoices now travel with the goods'
            : 'Result: Invoices now travel with the goods',
        );
      }
    });
  },
);
