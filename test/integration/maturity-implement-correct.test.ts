import { beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import type { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import {
  CouncilDecision,
  ProcessGroup,
  RevisionOrigin,
  TaskStatus,
} from '../../server/src/modules/initiative/initiative.enums.js';
import type { GroupMaturity } from '../../server/src/modules/maturity/maturity.criteria.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import { DEFAULT_MATURITY_THRESHOLDS } from '../../server/src/modules/maturity/maturity.thresholds.js';
import { MetricKind, MetricLayer } from '../../server/src/modules/metric/metric.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createInitiativeWorld } from '../fixtures/initiative-factories.js';
import {
  addObservations,
  createMetricDefinition,
  daysBefore,
} from '../fixtures/maturity-factories.js';
import {
  addProgressNotification,
  addReview,
  addRevision,
  addTarget,
  addTask,
  createInitiative,
  updateInitiative,
} from '../fixtures/maturity-work-factories.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

async function group(orm: Orm, processGroup: ProcessGroup): Promise<GroupMaturity> {
  const groups = await evaluateMaturity(orm.em.fork(), NOW, DEFAULT_MATURITY_THRESHOLDS);
  return groups.find((g) => g.processGroup === processGroup)!;
}
const criterion = (g: GroupMaturity, code: string) => g.criteria.find((c) => c.code === code)!;
const missing = (g: GroupMaturity) => g.missingForNextLevel.map((c) => c.code).sort();

describeEachDatabase('computed IMPLEMENT and CORRECT maturity', (getOrm) => {
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  let unowned: Initiative;
  let corrected: Initiative;

  beforeAll(async () => {
    world = await createInitiativeWorld(getOrm());
  });

  describe('IMPLEMENT', () => {
    it('is at level 0 with no initiative recorded', async () => {
      const g = await group(getOrm(), ProcessGroup.IMPLEMENT);
      expect(g.level).toBe(0);
      expect(criterion(g, 'IMPLEMENT_INITIATIVES_RECORDED').figure).toBe(
        '0 initiatives recorded (not cancelled)',
      );
      expect(missing(g)).toEqual(['IMPLEMENT_INITIATIVES_RECORDED', 'IMPLEMENT_INITIATIVE_OWNERS']);
    });

    it('needs an owner on every initiative for level 1', async () => {
      await createInitiative(getOrm(), { owner: world.planner.user });
      unowned = await createInitiative(getOrm());
      const g = await group(getOrm(), ProcessGroup.IMPLEMENT);
      expect(criterion(g, 'IMPLEMENT_INITIATIVE_OWNERS').figure).toBe(
        '50% of initiatives have an owner (1 of 2)',
      );
      expect(g.level).toBe(0);
      await updateInitiative(getOrm(), unowned, { owner: world.seller.user });
      const after = await group(getOrm(), ProcessGroup.IMPLEMENT);
      expect(after.level).toBe(1);
      expect(missing(after)).toEqual(['IMPLEMENT_CLIENTS_NOTIFIED', 'IMPLEMENT_TASK_DUE_DATES']);
      expect(criterion(after, 'IMPLEMENT_CLIENTS_NOTIFIED').figure).toBe(
        'no started client-visible initiatives',
      );
    });

    it('reaches level 2 when open tasks are due and clients heard "you said, we did" in the period', async () => {
      const visible = await createInitiative(getOrm(), {
        owner: world.planner.user,
        clientVisible: true,
        startedAt: daysBefore(NOW, 150),
        affectedAccounts: [world.acme.account],
      });
      await addTask(getOrm(), visible, world.logistics.department, { dueAt: daysBefore(NOW, -20) });
      // A finished task needs no due date.
      await addTask(getOrm(), visible, world.logistics.department, { status: TaskStatus.DONE });
      await addProgressNotification(getOrm(), visible, world.acme.account, daysBefore(NOW, 140));
      const stale = await group(getOrm(), ProcessGroup.IMPLEMENT);
      expect(criterion(stale, 'IMPLEMENT_TASK_DUE_DATES').figure).toBe(
        '100% of open tasks have a due date (1 of 1)',
      );
      expect(criterion(stale, 'IMPLEMENT_CLIENTS_NOTIFIED')).toMatchObject({
        met: false,
        figure:
          '0% of started client-visible initiatives notified their clients in the last 90 days (0 of 1)',
      });
      await addProgressNotification(getOrm(), visible, world.acme.account, daysBefore(NOW, 5));
      expect((await group(getOrm(), ProcessGroup.IMPLEMENT)).level).toBe(2);
    });

    it('measures an effect only with target observations in a month after the start', async () => {
      const otif = await createMetricDefinition(getOrm(), 'OTIF', {
        kind: MetricKind.COMPUTABLE,
        layer: MetricLayer.OPERATIONAL,
      });
      const monitored = await createInitiative(getOrm(), {
        owner: world.planner.user,
        processGroup: ProcessGroup.MONITOR,
        startedAt: new Date('2026-02-10T09:00:00Z'),
        affectedAccounts: [world.acme.account],
      });
      await addTarget(getOrm(), monitored, otif, { baseline: 88, expectedDelta: 5 });
      await addObservations(getOrm(), otif, [
        { account: world.acme.account, period: '2026-02', value: 88 },
      ]);
      const before = await group(getOrm(), ProcessGroup.IMPLEMENT);
      expect(criterion(before, 'IMPLEMENT_EFFECT_MEASURABLE').figure).toBe(
        '0% of initiatives past IMPLEMENT have a measurable effect (0 of 1)',
      );
      await addObservations(getOrm(), otif, [
        { account: world.beta.account, period: '2026-03', value: 90 },
      ]);
      const g = await group(getOrm(), ProcessGroup.IMPLEMENT);
      expect(criterion(g, 'IMPLEMENT_EFFECT_MEASURABLE')).toMatchObject({ met: true, value: 1 });
      // Only an unaffected account was observed after the start: no control comparison yet.
      const monitor = await group(getOrm(), ProcessGroup.MONITOR);
      expect(criterion(monitor, 'MONITOR_IMPACT_VS_CONTROL').figure).toBe(
        '0% of initiatives past IMPLEMENT have affected and control observations (0 of 1)',
      );
      await addObservations(getOrm(), otif, [
        { account: world.acme.account, period: '2026-04', value: 93 },
      ]);
      const controlled = await group(getOrm(), ProcessGroup.MONITOR);
      expect(criterion(controlled, 'MONITOR_IMPACT_VS_CONTROL').met).toBe(true);
    });
  });

  describe('CORRECT', () => {
    it('is at level 0 while initiatives have only their initial revision', async () => {
      corrected = await createInitiative(getOrm(), {
        owner: world.planner.user,
        clientVisible: true,
        processGroup: ProcessGroup.CORRECT,
        startedAt: daysBefore(NOW, 120),
      });
      await addRevision(getOrm(), corrected, {
        number: 1,
        origin: RevisionOrigin.INITIAL,
        openedAt: daysBefore(NOW, 120),
      });
      const g = await group(getOrm(), ProcessGroup.CORRECT);
      expect(g.level).toBe(0);
      expect(criterion(g, 'CORRECT_REVISIONS_RECORDED').figure).toBe(
        '0 revisions opened since 2025-06 (council changes or owner corrections)',
      );
      expect(criterion(g, 'CORRECT_COUNCIL_REVIEWS').figure).toBe(
        '0% of client-visible initiatives past IMPLEMENT had a council review (0 of 1)',
      );
    });

    it('reaches level 2 when the council asked for changes and a revision answered them', async () => {
      const review = await addReview(getOrm(), corrected, world.council.council, {
        revision: 1,
        decision: CouncilDecision.CHANGES_REQUESTED,
        createdAt: daysBefore(NOW, 75),
      });
      await addRevision(getOrm(), corrected, {
        number: 2,
        origin: RevisionOrigin.COUNCIL_CHANGES,
        openedAt: daysBefore(NOW, 70),
        councilReview: review,
      });
      const g = await group(getOrm(), ProcessGroup.CORRECT);
      expect(g.level).toBe(2);
      expect(criterion(g, 'CORRECT_CHANGES_LED_TO_REVISIONS').figure).toBe(
        '100% of council change requests led to a revision (1 of 1)',
      );
      expect(missing(g)).toEqual(['CORRECT_ALERTS_OPEN_CORRECTIONS']);
      expect(criterion(g, 'CORRECT_ALERTS_OPEN_CORRECTIONS').figure).toBe(
        'no owner corrections since 2025-06',
      );
    });

    it('reaches level 3 when a workflow opens a correction, and drops back when a change request goes unanswered', async () => {
      await addRevision(getOrm(), corrected, {
        number: 3,
        origin: RevisionOrigin.OWNER_CORRECTION,
        openedAt: daysBefore(NOW, 20),
        openedBy: 'workflow:monitor-divergence',
      });
      const g = await group(getOrm(), ProcessGroup.CORRECT);
      expect(criterion(g, 'CORRECT_ALERTS_OPEN_CORRECTIONS').figure).toBe(
        '1 of 1 owner correction since 2025-06 opened automatically',
      );
      expect(g.level).toBe(3);
      await addReview(getOrm(), corrected, world.council.council, {
        revision: 3,
        decision: CouncilDecision.CHANGES_REQUESTED,
        createdAt: daysBefore(NOW, 10),
      });
      const after = await group(getOrm(), ProcessGroup.CORRECT);
      expect(criterion(after, 'CORRECT_CHANGES_LED_TO_REVISIONS').figure).toBe(
        '50% of council change requests led to a revision (1 of 2)',
      );
      expect(after.level).toBe(2);
    });
  });
});
