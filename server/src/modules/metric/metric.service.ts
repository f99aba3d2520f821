import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind, type NotFound } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { ValueFactor } from '../value/value-factor.entity.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { MetricObservation } from './metric-observation.entity.js';
import { MetricKind } from './metric.enums.js';
import { metricError } from './metric.errors.js';
import type {
  CreateMetricDefinitionInput,
  MetricDefinitionFilter,
  MetricKindShareFilter,
  UpdateMetricDefinitionInput,
} from './metric.inputs.js';
import type { MetricDefinitionOrder, MetricKindShare } from './metric.types.js';

const notFound =
  (
    reason:
      'METRIC_NOT_FOUND' | 'PROCESS_CLASS_NOT_FOUND' | 'FACTOR_NOT_FOUND' | 'ACCOUNT_NOT_FOUND',
  ): NotFound =>
  (message, field) =>
    metricError(reason, message, field);

export class MetricService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<MetricDefinition | null> {
    return findById(this.ctx.em, MetricDefinition, id);
  }

  async list(
    filter: MetricDefinitionFilter | undefined,
    order: MetricDefinitionOrder | undefined,
    args: PageArgs,
  ): Promise<Page<MetricDefinition>> {
    const where: FilterQuery<MetricDefinition> = {};
    if (filter?.layer) where.layer = filter.layer;
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.stage) where.stage = filter.stage;
    if (filter?.active != null) where.active = filter.active;
    if (filter?.processClassId) where.processClass = filter.processClassId;
    if (filter?.factorId) where.factor = filter.factorId;
    if (filter?.search?.trim()) {
      const like = containsInsensitive(this.ctx.em, filter.search);
      where.$or = [{ code: like }, { name: like }, { nameRu: like }];
    }
    const orderBy = order ? { [order.field]: order.direction } : { code: 'asc' as const };
    return paginate(this.ctx.em, MetricDefinition, where, args, orderBy);
  }

  async create(input: CreateMetricDefinitionInput): Promise<MetricDefinition> {
    return this.ctx.em.transactional(async (em) => {
      if (await em.count(MetricDefinition, { code: input.code })) {
        throw metricError(
          'METRIC_CODE_TAKEN',
          `A metric with code "${input.code}" already exists.`,
          'code',
        );
      }
      checkChannel(input.kind, input.collectionChannel);
      const metric = em.create(MetricDefinition, {
        code: input.code,
        name: input.name.trim(),
        nameRu: input.nameRu?.trim() ?? null,
        layer: input.layer,
        kind: input.kind,
        collectionMethod: input.collectionMethod,
        collectionChannel: input.collectionChannel ?? null,
        processClass: await this.processClass(em, input.processClassId),
        stage: input.stage ?? null,
        factor: await this.factor(em, input.factorId),
        unit: input.unit,
        betterDirection: input.betterDirection,
        target: input.target ?? null,
        active: input.active ?? true,
        description: input.description ?? null,
      });
      this.ctx.audit.record(
        em,
        'createMetricDefinition',
        'MetricDefinition',
        metric.id,
        null,
        snapshot(metric),
      );
      return metric;
    });
  }

  async update(id: string, input: UpdateMetricDefinitionInput): Promise<MetricDefinition> {
    return this.ctx.em.transactional(async (em) => {
      const m = await mustFind(em, MetricDefinition, id, 'id', notFound('METRIC_NOT_FOUND'));
      const before = snapshot(m);
      if (input.name != null) m.name = input.name.trim();
      if (input.nameRu !== undefined) m.nameRu = input.nameRu?.trim() ?? null;
      if (input.layer != null) m.layer = input.layer;
      if (input.kind != null) m.kind = input.kind;
      if (input.collectionMethod != null) m.collectionMethod = input.collectionMethod;
      if (input.collectionChannel !== undefined) m.collectionChannel = input.collectionChannel;
      if (input.processClassId !== undefined)
        m.processClass = await this.processClass(em, input.processClassId);
      if (input.stage !== undefined) m.stage = input.stage;
      if (input.factorId !== undefined) m.factor = await this.factor(em, input.factorId);
      if (input.unit != null) m.unit = input.unit;
      if (input.betterDirection != null) m.betterDirection = input.betterDirection;
      if (input.target !== undefined) m.target = input.target;
      if (input.active != null) m.active = input.active;
      if (input.description !== undefined) m.description = input.description;
      checkChannel(m.kind, m.collectionChannel);
      this.ctx.audit.record(
        em,
        'updateMetricDefinition',
        'MetricDefinition',
        m.id,
        before,
        snapshot(m),
      );
      return m;
    });
  }

  /** Only metrics never observed can go; observed ones are deactivated instead, keeping history. */
  async delete(id: string): Promise<string> {
    return this.ctx.em.transactional(async (em) => {
      const m = await mustFind(em, MetricDefinition, id, 'id', notFound('METRIC_NOT_FOUND'));
      const observations = await em.count(MetricObservation, { metric: m });
      if (observations) {
        throw metricError(
          'METRIC_HAS_OBSERVATIONS',
          `Metric "${m.code}" has ${observations} observation(s) and cannot be deleted; set active to false instead.`,
          'id',
        );
      }
      this.ctx.audit.record(
        em,
        'deleteMetricDefinition',
        'MetricDefinition',
        m.id,
        snapshot(m),
        null,
      );
      em.remove(m);
      return id;
    });
  }

  async kindShare(filter: MetricKindShareFilter | undefined): Promise<MetricKindShare> {
    const where: FilterQuery<MetricDefinition> = { active: true };
    if (filter?.layer) where.layer = filter.layer;
    if (filter?.stage) where.stage = filter.stage;
    const computable = await this.ctx.em.count(MetricDefinition, {
      ...where,
      kind: MetricKind.COMPUTABLE,
    });
    const trigger = await this.ctx.em.count(MetricDefinition, {
      ...where,
      kind: MetricKind.TRIGGER,
    });
    const total = computable + trigger;
    return { computable, trigger, computableShare: total ? computable / total : 0 };
  }

  private async processClass(em: Em, id: string | null | undefined): Promise<ProcessClass | null> {
    if (!id) return null;
    return mustFind(em, ProcessClass, id, 'processClassId', notFound('PROCESS_CLASS_NOT_FOUND'));
  }

  private async factor(em: Em, id: string | null | undefined): Promise<ValueFactor | null> {
    if (!id) return null;
    return mustFind(em, ValueFactor, id, 'factorId', notFound('FACTOR_NOT_FOUND'));
  }
}

function checkChannel(kind: MetricKind, channel: unknown): void {
  if (channel && kind !== MetricKind.TRIGGER) {
    throw metricError(
      'CHANNEL_WITHOUT_TRIGGER',
      'collectionChannel applies to TRIGGER metrics only; a COMPUTABLE metric comes from internal systems.',
      'collectionChannel',
    );
  }
}
