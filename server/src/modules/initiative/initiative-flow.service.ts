import { mustFindAll } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { CouncilReview } from './council-review.entity.js';
import { InitiativeTarget } from './initiative-target.entity.js';
import type { Initiative } from './initiative.entity.js';
import { CouncilDecision, InitiativeStatus, ProcessGroup } from './initiative.enums.js';
import { initiativeError, initiativeNotFound } from './initiative.errors.js';
import type { InitiativeTargetInput } from './initiative.inputs.js';
import { assertNotFinished, initiativeSnapshot, loadForChange } from './initiative.load.js';

/**
 * The loop of the five process groups. CORRECT → IMPLEMENT starts a new revision;
 * closing is a separate verb because it has its own preconditions.
 */
export const NEXT_GROUPS: Record<ProcessGroup, ProcessGroup[]> = {
  [ProcessGroup.COLLECT]: [ProcessGroup.ANALYSE],
  [ProcessGroup.ANALYSE]: [ProcessGroup.IMPLEMENT],
  [ProcessGroup.IMPLEMENT]: [ProcessGroup.MONITOR],
  [ProcessGroup.MONITOR]: [ProcessGroup.CORRECT],
  [ProcessGroup.CORRECT]: [ProcessGroup.IMPLEMENT],
};
const CLOSABLE_FROM = [ProcessGroup.MONITOR, ProcessGroup.CORRECT];
const MAX_TARGETS = 50;

/**
 * State changes of an initiative's life cycle. Each method is one transaction on the
 * request's EntityManager, so Temporal activities can call them with their own context.
 */
export class InitiativeFlowService {
  constructor(private readonly ctx: DomainContext) {}

  async move(id: string, to: ProcessGroup): Promise<Initiative> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, id);
      assertNotFinished(initiative);
      const from: ProcessGroup = initiative.processGroup;
      if (!NEXT_GROUPS[from].includes(to)) {
        throw initiativeError(
          'INVALID_TRANSITION',
          `Initiative ${initiative.code} cannot move from ${from} to ${to}; from ${from} it can move to ${NEXT_GROUPS[from].join(' or ')}.`,
          'processGroup',
        );
      }
      const before = initiativeSnapshot(initiative);
      initiative.processGroup = to;
      if (from === ProcessGroup.CORRECT && to === ProcessGroup.IMPLEMENT) initiative.revision += 1;
      if (to === ProcessGroup.IMPLEMENT) initiative.startedAt ??= this.ctx.clock.now();
      if (to !== ProcessGroup.ANALYSE && initiative.status !== InitiativeStatus.AWAITING_COUNCIL) {
        initiative.status = InitiativeStatus.ACTIVE;
      }
      this.auditChange(em, 'moveInitiative', initiative, before);
      return initiative;
    });
  }

  async close(id: string): Promise<Initiative> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, id);
      assertNotFinished(initiative);
      if (!CLOSABLE_FROM.includes(initiative.processGroup)) {
        throw initiativeError(
          'INVALID_TRANSITION',
          `Initiative ${initiative.code} is in ${initiative.processGroup}; it can be closed only from MONITOR or CORRECT.`,
        );
      }
      if (initiative.clientVisible) await assertApproved(em, initiative);
      const before = initiativeSnapshot(initiative);
      initiative.status = InitiativeStatus.CLOSED;
      initiative.closedAt = this.ctx.clock.now();
      this.auditChange(em, 'closeInitiative', initiative, before);
      return initiative;
    });
  }

  /** Replaces the initiative's targets with the given set (one per metric). */
  async setTargets(id: string, targets: InitiativeTargetInput[]): Promise<Initiative> {
    if (targets.length > MAX_TARGETS) {
      throw initiativeError(
        'TOO_MANY_TARGETS',
        `An initiative can have at most ${MAX_TARGETS} targets.`,
        'targets',
      );
    }
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, id, 'initiativeId');
      assertNotFinished(initiative);
      const metricIds = targets.map((t) => t.metricId);
      if (new Set(metricIds).size !== metricIds.length) {
        throw initiativeError(
          'DUPLICATE_METRIC',
          'Each metric can be targeted only once per initiative.',
          'targets',
        );
      }
      const metrics = await mustFindAll(
        em,
        MetricDefinition,
        metricIds,
        'targets.metricId',
        initiativeNotFound('METRIC_NOT_FOUND'),
        (i) => `targets[${i}].metricId`,
      );
      const existing = await em.find(InitiativeTarget, { initiative });
      const byMetric = new Map(existing.map((t) => [t.metric.id, t]));
      const before = existing.map((t) => targetSnapshot(t));
      const kept = new Set<string>();
      targets.forEach((input, i) => {
        const metric = metrics[i]!;
        const values = {
          baseline: input.baseline ?? null,
          targetValue: input.targetValue ?? null,
          expectedDelta: input.expectedDelta ?? null,
        };
        const current = byMetric.get(metric.id);
        if (current) Object.assign(current, values);
        else em.create(InitiativeTarget, { initiative, metric, ...values });
        kept.add(metric.id);
      });
      for (const target of existing) if (!kept.has(target.metric.id)) em.remove(target);
      this.ctx.audit.record(
        em,
        'setInitiativeTargets',
        'Initiative',
        initiative.id,
        { targets: before },
        {
          targets: targets.map((t, i) => ({
            metric: metrics[i]!.id,
            baseline: t.baseline ?? null,
            targetValue: t.targetValue ?? null,
            expectedDelta: t.expectedDelta ?? null,
          })),
        },
      );
      return initiative;
    });
  }

  private auditChange(
    em: Em,
    action: string,
    initiative: Initiative,
    before: Record<string, unknown>,
  ): void {
    this.ctx.audit.record(
      em,
      action,
      'Initiative',
      initiative.id,
      before,
      initiativeSnapshot(initiative),
    );
  }
}

function targetSnapshot(t: InitiativeTarget) {
  return {
    metric: t.metric.id,
    baseline: t.baseline ?? null,
    targetValue: t.targetValue ?? null,
    expectedDelta: t.expectedDelta ?? null,
  };
}

/** A client-visible initiative closes only with its clients' council approving the latest review. */
async function assertApproved(em: Em, initiative: Initiative): Promise<void> {
  const latest = await em.findOne(
    CouncilReview,
    { initiative },
    { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['council'] },
  );
  if (!latest) {
    throw initiativeError(
      'COUNCIL_APPROVAL_MISSING',
      `Initiative ${initiative.code} is client-visible: an advisory council must approve it before it closes, and no review was requested yet.`,
    );
  }
  if (latest.decision !== CouncilDecision.APPROVED) {
    const state =
      latest.decision === CouncilDecision.PENDING ? 'still pending' : 'asking for changes';
    throw initiativeError(
      'COUNCIL_APPROVAL_MISSING',
      `Initiative ${initiative.code} is client-visible and its latest council review (${latest.council.name}, revision ${latest.revision}) is ${state}; it can close only once that review is APPROVED.`,
    );
  }
}
