import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { fromGlobalId, toGlobalId } from '../../graphql/relay.js';
import { snapshot } from '../audit/audit.service.js';
import { Segment } from '../client/segment.entity.js';
import { ImportanceWeight } from './importance-weight.entity.js';
import { ValueFactor } from './value-factor.entity.js';
import { WeightSet } from './weight-set.entity.js';
import { valueError } from './value.errors.js';
import {
  MAX_WEIGHTS_PER_CALL,
  type CreateWeightSetInput,
  type ImportanceWeightFilter,
  type ImportanceWeightInput,
  type WeightSetFilter,
} from './value.inputs.js';
import type { ImportanceWeightOrder, WeightSetOrder } from './value.types.js';

export class WeightService {
  constructor(private readonly ctx: DomainContext) {}

  async getWeightSet(globalId: string): Promise<WeightSet | null> {
    return this.ctx.em.findOne(WeightSet, { id: fromGlobalId(globalId, 'WeightSet') });
  }

  async currentWeightSet(): Promise<WeightSet | null> {
    return this.ctx.em.findOne(WeightSet, { isCurrent: true });
  }

  async listWeightSets(
    filter: WeightSetFilter | undefined,
    order: WeightSetOrder | undefined,
    args: PageArgs,
  ): Promise<Page<WeightSet>> {
    const where: FilterQuery<WeightSet> = {};
    if (filter?.sources?.length) where.source = { $in: filter.sources };
    if (filter?.isCurrent != null) where.isCurrent = filter.isCurrent;
    const orderBy = order ? { [order.field]: order.direction } : { version: 'desc' as const };
    return paginate(this.ctx.em, WeightSet, where, args, orderBy);
  }

  /** A new version (max + 1), not current until `setCurrentWeightSet`. */
  async createWeightSet(input: CreateWeightSetInput): Promise<WeightSet> {
    const sourceId = input.copyFromWeightSetId
      ? fromGlobalId(input.copyFromWeightSetId, 'WeightSet', 'copyFromWeightSetId')
      : null;
    return this.ctx.em.transactional(async (em) => {
      const source = sourceId ? await em.findOne(WeightSet, { id: sourceId }) : null;
      if (sourceId && !source) {
        throw valueError(
          'WEIGHT_SET_NOT_FOUND',
          `No weight set with id ${input.copyFromWeightSetId}.`,
          'copyFromWeightSetId',
        );
      }
      const [latest] = await em.find(WeightSet, {}, { orderBy: { version: 'desc' }, limit: 1 });
      const set = em.create(WeightSet, {
        version: (latest?.version ?? 0) + 1,
        label: input.label.trim(),
        source: input.source,
        isCurrent: false,
        notes: input.notes ?? null,
      });
      let copied = 0;
      if (source) {
        const weights = await em.find(ImportanceWeight, { weightSet: source });
        for (const w of weights) {
          em.create(ImportanceWeight, {
            weightSet: set,
            segment: w.segment,
            respondentClass: w.respondentClass,
            factor: w.factor,
            weight: w.weight,
            spread: w.spread ?? null,
            sampleSize: w.sampleSize ?? null,
          });
        }
        copied = weights.length;
      }
      this.ctx.audit.record(em, 'createWeightSet', 'WeightSet', set.id, null, {
        ...snapshot(set),
        copiedWeights: copied,
      });
      return set;
    });
  }

  /**
   * Makes one set current. A single UPDATE flips every row, so concurrent switches
   * serialise on the row locks and always leave exactly one current set.
   */
  async setCurrentWeightSet(globalId: string): Promise<WeightSet> {
    const id = fromGlobalId(globalId, 'WeightSet');
    return this.ctx.em.transactional(async (em) => {
      const set = await em.findOne(WeightSet, { id });
      if (!set)
        throw valueError('WEIGHT_SET_NOT_FOUND', `No weight set with id ${globalId}.`, 'id');
      if (set.isCurrent) return set;
      const previous = await em.findOne(WeightSet, { isCurrent: true });
      const before = snapshot(set);
      await em.nativeUpdate(WeightSet, { id: { $ne: null } }, { isCurrent: raw('(id = ?)', [id]) });
      set.isCurrent = true;
      if (previous) {
        const previousBefore = snapshot(previous);
        previous.isCurrent = false;
        this.ctx.audit.record(
          em,
          'setCurrentWeightSet',
          'WeightSet',
          previous.id,
          previousBefore,
          snapshot(previous),
        );
      }
      this.ctx.audit.record(em, 'setCurrentWeightSet', 'WeightSet', set.id, before, snapshot(set));
      return set;
    });
  }

  /** Inserts or replaces weights of a (non-current) set, all or nothing. */
  async setImportanceWeights(
    globalId: string,
    weights: ImportanceWeightInput[],
  ): Promise<WeightSet> {
    const id = fromGlobalId(globalId, 'WeightSet', 'weightSetId');
    if (weights.length === 0 || weights.length > MAX_WEIGHTS_PER_CALL) {
      throw valueError(
        'TOO_MANY_WEIGHTS',
        `weights must contain 1 to ${MAX_WEIGHTS_PER_CALL} rows, got ${weights.length}.`,
        'weights',
      );
    }
    const rows = weights.map((w, i) => ({
      ...w,
      segmentDbId: fromGlobalId(w.segmentId, 'Segment', `weights[${i}].segmentId`),
      factorDbId: fromGlobalId(w.factorId, 'ValueFactor', `weights[${i}].factorId`),
    }));
    const key = (segment: string, cls: string, factor: string) => `${segment}|${cls}|${factor}`;
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const k = key(r.segmentDbId, r.respondentClass, r.factorDbId);
      if (seen.has(k)) {
        throw valueError(
          'DUPLICATE_WEIGHT',
          `weights[${i}] repeats a segment, respondent class and factor given earlier.`,
          `weights[${i}]`,
        );
      }
      seen.add(k);
    });
    return this.ctx.em.transactional(async (em) => {
      const set = await em.findOne(WeightSet, { id });
      if (!set)
        throw valueError(
          'WEIGHT_SET_NOT_FOUND',
          `No weight set with id ${globalId}.`,
          'weightSetId',
        );
      if (set.isCurrent) {
        throw valueError(
          'WEIGHT_SET_IS_CURRENT',
          `Weight set version ${set.version} is current and cannot be edited; create a new version and make it current instead.`,
          'weightSetId',
        );
      }
      const segments = await this.mustLoadAll(
        em,
        Segment,
        rows.map((r) => r.segmentDbId),
        'SEGMENT_NOT_FOUND',
        'Segment',
      );
      const factors = await this.mustLoadAll(
        em,
        ValueFactor,
        rows.map((r) => r.factorDbId),
        'FACTOR_NOT_FOUND',
        'ValueFactor',
      );
      const existing = await em.find(ImportanceWeight, { weightSet: set });
      const byKey = new Map(
        existing.map((w) => [key(w.segment.id, w.respondentClass, w.factor.id), w]),
      );
      let inserted = 0;
      for (const r of rows) {
        const data = {
          weight: r.weight,
          spread: r.spread ?? null,
          sampleSize: r.sampleSize ?? null,
        };
        const known = byKey.get(key(r.segmentDbId, r.respondentClass, r.factorDbId));
        if (known) {
          Object.assign(known, data);
        } else {
          inserted += 1;
          em.create(ImportanceWeight, {
            weightSet: set,
            segment: segments.get(r.segmentDbId)!,
            respondentClass: r.respondentClass,
            factor: factors.get(r.factorDbId)!,
            ...data,
          });
        }
      }
      // One audit row for the batch: thousands of per-weight rows would bury the trail.
      this.ctx.audit.record(
        em,
        'setImportanceWeights',
        'WeightSet',
        set.id,
        { weightCount: existing.length },
        {
          weightCount: existing.length + inserted,
          inserted,
          updated: rows.length - inserted,
        },
      );
      return set;
    });
  }

  private async mustLoadAll<E extends Segment | ValueFactor>(
    em: Em,
    entity: new () => E,
    ids: string[],
    reason: 'SEGMENT_NOT_FOUND' | 'FACTOR_NOT_FOUND',
    type: 'Segment' | 'ValueFactor',
  ): Promise<Map<string, E>> {
    const unique = [...new Set(ids)];
    const found = (await em.find(entity as never, { id: { $in: unique } } as never)) as E[];
    const byId = new Map(found.map((e) => [e.id, e]));
    const missing = unique.filter((id) => !byId.has(id)).map((id) => toGlobalId(type, id));
    if (missing.length) {
      const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
      throw valueError(
        reason,
        `No ${type} with id ${missing.slice(0, 3).join(', ')}${more}.`,
        'weights',
      );
    }
    return byId;
  }

  async listWeights(
    filter: ImportanceWeightFilter | undefined,
    order: ImportanceWeightOrder | undefined,
    args: PageArgs,
  ): Promise<Page<ImportanceWeight>> {
    const where: FilterQuery<ImportanceWeight> = {};
    where.weightSet = filter?.weightSetId
      ? fromGlobalId(filter.weightSetId, 'WeightSet', 'filter.weightSetId')
      : { isCurrent: true };
    if (filter?.segmentId)
      where.segment = fromGlobalId(filter.segmentId, 'Segment', 'filter.segmentId');
    if (filter?.factorId)
      where.factor = fromGlobalId(filter.factorId, 'ValueFactor', 'filter.factorId');
    if (filter?.respondentClass) where.respondentClass = filter.respondentClass;
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'asc' as const };
    return paginate(this.ctx.em, ImportanceWeight, where, args, orderBy);
  }
}
