import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { MetricObservation } from './metric-observation.entity.js';
import { metricError } from './metric.errors.js';
import type { MetricObservationFilter, RecordMetricObservationInput } from './metric.inputs.js';
import type { MetricObservationOrder } from './metric.types.js';

/** Monthly metric values per account. */
export class MetricObservationService {
  constructor(private readonly ctx: DomainContext) {}

  async getObservation(id: string): Promise<MetricObservation | null> {
    return findById(this.ctx.em, MetricObservation, id);
  }

  async listObservations(
    filter: MetricObservationFilter | undefined,
    order: MetricObservationOrder | undefined,
    args: PageArgs,
  ): Promise<Page<MetricObservation>> {
    const where: FilterQuery<MetricObservation> = {};
    if (filter?.metricId) where.metric = filter.metricId;
    if (filter?.accountId) where.account = filter.accountId;
    if (filter?.periodFrom && filter.periodTo && filter.periodFrom > filter.periodTo) {
      throw metricError(
        'PERIOD_RANGE_REVERSED',
        'periodFrom must not be after periodTo.',
        'filter.periodFrom',
      );
    }
    // YYYY-MM strings order like the months they name.
    if (filter?.periodFrom || filter?.periodTo) {
      where.period = {
        ...(filter.periodFrom ? { $gte: filter.periodFrom } : {}),
        ...(filter.periodTo ? { $lte: filter.periodTo } : {}),
      };
    }
    const orderBy = order ? { [order.field]: order.direction } : { period: 'desc' as const };
    return paginate(this.ctx.em, MetricObservation, where, args, orderBy);
  }

  /** Upsert by metric + account + period: re-sending a month replaces its value. */
  async record(input: RecordMetricObservationInput): Promise<MetricObservation> {
    return this.ctx.em.transactional(async (em) => {
      const metric = await mustFind(em, MetricDefinition, input.metricId, 'metricId', (m, f) =>
        metricError('METRIC_NOT_FOUND', m, f),
      );
      const account = await mustFind(em, ClientAccount, input.accountId, 'accountId', (m, f) =>
        metricError('ACCOUNT_NOT_FOUND', m, f),
      );
      const data = {
        value: input.value,
        sampleSize: input.sampleSize ?? null,
        source: input.source ?? null,
        ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
      };
      const existing = await em.findOne(MetricObservation, {
        metric,
        account,
        period: input.period,
      });
      const before = snapshot(existing);
      const observation = existing
        ? Object.assign(existing, data)
        : em.create(MetricObservation, {
            metric,
            account,
            period: input.period,
            externalId: null,
            ...data,
          });
      this.ctx.audit.record(
        em,
        'recordMetricObservation',
        'MetricObservation',
        observation.id,
        before,
        snapshot(observation),
      );
      return observation;
    });
  }
}
