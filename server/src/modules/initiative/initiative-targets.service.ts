import { mustFindAll } from '../../db/lookup.js';
import type { DomainContext } from '../../domain/context.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { InitiativeTarget } from './initiative-target.entity.js';
import type { Initiative } from './initiative.entity.js';
import { initiativeError, initiativeNotFound } from './initiative.errors.js';
import type { InitiativeTargetInput } from './initiative.inputs.js';
import { assertNotFinished, loadForChange } from './initiative.load.js';

const MAX_TARGETS = 50;

/** The metrics an initiative is meant to move; they feed council agendas and measured effect. */
export class InitiativeTargetService {
  constructor(private readonly ctx: DomainContext) {}

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
        else
          em.create(InitiativeTarget, {
            initiative,
            metric,
            ...values,
            createdAt: this.ctx.clock.now(),
          });
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
}

function targetSnapshot(t: InitiativeTarget) {
  return {
    metric: t.metric.id,
    baseline: t.baseline ?? null,
    targetValue: t.targetValue ?? null,
    expectedDelta: t.expectedDelta ?? null,
  };
}
