import { expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../server/src/demo/load.js';
import { seedReferenceData } from '../../server/src/demo/reference-data.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../../server/src/modules/feedback/feedback.enums.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { CouncilReview } from '../../server/src/modules/initiative/council-review.entity.js';
import { InitiativeRevision } from '../../server/src/modules/initiative/initiative-revision.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import {
  CouncilDecision,
  InboxKind,
  InitiativeStatus,
  ProcessGroup,
  ReviewTrigger,
  RevisionOrigin,
  TaskStatus,
} from '../../server/src/modules/initiative/initiative.enums.js';
import { ProcessClass } from '../../server/src/modules/journey/process-class.entity.js';
import { MetricDefinition } from '../../server/src/modules/metric/metric-definition.entity.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import {
  DeliveryStatus,
  NotificationKind,
} from '../../server/src/modules/notification/notification.enums.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { ValueFactor } from '../../server/src/modules/value/value-factor.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import {
  acknowledgementGaps,
  closedWithoutApproval,
  feedbackAgainstInitiatives,
  initiativeTrails,
  revisionsWithoutRows,
  statusAgainstReviews,
  tasksAheadOfRevision,
  trailsAgainstState,
  unreviewedRevisions,
  untoldMilestones,
} from '../helpers/demo-invariants.js';

const LOAD_TIMEOUT_MS = 120_000;

describeEachDatabase('demo data', (getOrm, dialect) => {
  it('seeds the reference data once and adds nothing on the next start', async () => {
    const orm = getOrm();
    const created = await orm.em.fork().transactional((em) => seedReferenceData(em));
    expect(created.valueFactors).toBe(40);
    expect(created.departments).toBeGreaterThanOrEqual(10);
    expect(created.processClasses).toBeGreaterThanOrEqual(20);
    expect(created.metricDefinitions).toBeGreaterThanOrEqual(55);
    expect(created.touchpoints).toBeGreaterThan(created.processClasses);
    const again = await orm.em.fork().transactional((em) => seedReferenceData(em));
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    const em = orm.em.fork();
    expect(await em.count(ValueFactor, {})).toBe(40);
    expect(await em.count(Department, { isCxOffice: true })).toBe(1);
  });

  it(
    'loads the demo company into an empty database',
    async () => {
      const orm = getOrm();
      const result = await loadDemoIfEmpty(orm, { seed: 1, scale: 1 });
      expect(result).not.toBeNull();
      const s = (ms: number) => (ms / 1000).toFixed(1);
      console.log(
        `[${dialect}] demo data: ${result!.rows} rows in ${s(result!.durationMs)} s ` +
          `(generate ${s(result!.generateMs)} s, write ${s(result!.writeMs)} s, ` +
          `of which initiatives through the services ${s(result!.playMs)} s)`,
      );
      const em = orm.em.fork();
      expect(await em.count(ClientAccount, {})).toBe(300);
      expect(await em.count(Contact, {})).toBe(1000);
      expect(await em.count(FeedbackItem, {})).toBe(20_000);
      // Historic feedback must not make the reconciler start 20,000 workflows.
      expect(await em.count(FeedbackItem, { workflowStartedAt: null })).toBe(0);
      const initiative = await em.findOneOrFail(
        Initiative,
        { title: 'Delivery windows booked online' },
        { populate: ['affectedAccounts', 'feedback', 'processClass'] },
      );
      expect(initiative.affectedAccounts.count()).toBeGreaterThan(0);
      expect(initiative.feedback.count()).toBeGreaterThan(0);
      expect(initiative.processClass?.code).toBe('DELIVERY_PLANNING');
      const metric = await em.findOneOrFail(
        MetricDefinition,
        { code: 'OTIF' },
        { populate: ['processClass', 'factor'] },
      );
      expect(metric.processClass?.code).toBe('SHIPMENT_LOGISTICS');
      expect(await em.count(ProcessClass, {})).toBeGreaterThanOrEqual(20);
    },
    LOAD_TIMEOUT_MS,
  );

  it('plays every initiative through the services into every process group and status, with work of every kind', async () => {
    const em = getOrm().em.fork();
    const initiatives = await em.find(Initiative, {}, { orderBy: { code: 'asc' } });
    const tally = (values: string[]) =>
      Object.fromEntries(
        [...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]),
      );
    const byGroup = tally(initiatives.map((i) => i.processGroup));
    const byStatus = tally(initiatives.map((i) => i.status));
    expect(Object.keys(byGroup)).toEqual([...Object.values(ProcessGroup)].sort());
    expect(Object.keys(byStatus)).toEqual([...Object.values(InitiativeStatus)].sort());
    const tasks = await em.find(InitiativeTask, {}, { populate: ['initiative'] });
    const reviews = await em.find(CouncilReview, {});
    const revisions = await em.find(InitiativeRevision, {});
    const open = (t: InitiativeTask) =>
      t.status === TaskStatus.OPEN || t.status === TaskStatus.IN_PROGRESS;
    const overdue = tasks.filter(
      (t) =>
        open(t) &&
        t.dueAt! < new Date() &&
        [
          InitiativeStatus.PROPOSED,
          InitiativeStatus.ACTIVE,
          InitiativeStatus.AWAITING_COUNCIL,
        ].includes(t.initiative.status),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(tasks.some((t) => t.round > 1)).toBe(true);
    expect(await em.count(InboxEntry, { kind: InboxKind.TASK_REJECTED })).toBeGreaterThan(0);
    expect(new Set(reviews.map((r) => r.trigger))).toEqual(new Set(Object.values(ReviewTrigger)));
    expect(new Set(reviews.map((r) => r.decision))).toEqual(
      new Set(Object.values(CouncilDecision)),
    );
    expect(new Set(revisions.map((r) => r.origin))).toEqual(new Set(Object.values(RevisionOrigin)));
    const messages = tally(
      (await em.find(ClientNotification, {}, { fields: ['kind'] })).map((n) => n.kind),
    );
    console.log(
      `[${dialect}] demo initiatives: ${initiatives.length} by group ${JSON.stringify(byGroup)}, by status ${JSON.stringify(byStatus)}; ` +
        `${tasks.length} tasks (${overdue.length} overdue, ${tasks.filter((t) => t.round > 1).length} reassigned), ` +
        `${reviews.length} council reviews, ${revisions.length} revisions; outbox ${JSON.stringify(messages)}`,
    );
  });

  it('keeps revisions, tasks, council reviews and statuses where the rules put them', async () => {
    const em = getOrm().em.fork();
    const trails = await initiativeTrails(em);
    expect(await revisionsWithoutRows(em)).toEqual([]);
    expect(await tasksAheadOfRevision(em)).toEqual([]);
    expect(await unreviewedRevisions(em, trails)).toEqual([]);
    expect(await closedWithoutApproval(em)).toEqual([]);
    expect(await statusAgainstReviews(em)).toEqual([]);
  });

  it('replays each initiative’s audit trail to its status, process group and revision', async () => {
    const em = getOrm().em.fork();
    expect(await trailsAgainstState(em, await initiativeTrails(em))).toEqual([]);
  });

  it('keeps linked feedback ACTIONED while an open initiative acts on it and CLOSED once a closed one did', async () => {
    const em = getOrm().em.fork();
    expect(await feedbackAgainstInitiatives(em)).toEqual([]);
    expect(await em.count(FeedbackItem, { status: FeedbackStatus.ACTIONED })).toBeGreaterThan(0);
    expect(await em.count(FeedbackItem, { status: FeedbackStatus.RECEIVED })).toBe(0);
  });

  it('has the acknowledgement of every acknowledged item in the outbox, delivered as history', async () => {
    const em = getOrm().em.fork();
    expect(await acknowledgementGaps(em)).toEqual([]);
    expect(
      await em.count(ClientNotification, { kind: NotificationKind.FEEDBACK_ACKNOWLEDGEMENT }),
    ).toBe(20_000);
  });

  it('told the clients of every started client-visible initiative what was done', async () => {
    expect(await untoldMilestones(getOrm().em.fork())).toEqual([]);
  });

  it('leaves the initiatives’ workflows to the reconciler and nothing waiting in the outbox', async () => {
    const em = getOrm().em.fork();
    expect(await em.count(Initiative, { workflowStartedAt: { $ne: null } })).toBe(0);
    expect(await em.count(ClientNotification, { status: DeliveryStatus.PENDING })).toBe(0);
  });

  it('loads nothing when the database already has client accounts', async () => {
    const orm = getOrm();
    expect(await loadDemoIfEmpty(orm, { seed: 2, scale: 1 })).toBeNull();
    expect(await orm.em.fork().count(ClientAccount, {})).toBe(300);
  });
});
