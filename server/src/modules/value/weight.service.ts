import { raw, type FilterQuery } from '@mikro-orm/core';
import { findById, mustFind, mustFindAll, type NotFound } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
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

const notFound =
  (reason: 'WEIGHT_SET_NOT_FOUND' | 'SEGMENT_NOT_FOUND' | 'FACTOR_NOT_FOUND'): NotFound =>
  (message, field) =>
    valueError(reason, message, field);

const byId = <E extends { id: string }>(rows: E[]) => new Map(rows.map((row) => [row.id, row]));

export class WeightService {
  constructor(private readonly ctx: DomainContext) {}

  async getWeightSet(id: string): Promise<WeightSet | null> {
    return findById(this.ctx.em, WeightSet, id);
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
    return this.ctx.em.transactional(async (em) => {
      const source = input.copyFromWeightSetId
        ? await mustFind(
            em,
            WeightSet,
            input.copyFromWeightSetId,
            'copyFromWeightSetId',
            notFound('WEIGHT_SET_NOT_FOUND'),
          )
        : null;
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
  async setCurrentWeightSet(id: string): Promise<WeightSet> {
    return this.ctx.em.transactional(async (em) => {
      const set = await mustFind(em, WeightSet, id, 'id', notFound('WEIGHT_SET_NOT_FOUND'));
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
  async setImportanceWeights(id: string, rows: ImportanceWeightInput[]): Promise<WeightSet> {
    if (rows.length === 0 || rows.length > MAX_WEIGHTS_PER_CALL) {
      throw valueError(
        'TOO_MANY_WEIGHTS',
        `weights must contain 1 to ${MAX_WEIGHTS_PER_CALL} rows, got ${rows.length}.`,
        'weights',
      );
    }
    const key = (segment: string, cls: string, factor: string) => `${segment}|${cls}|${factor}`;
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const k = key(r.segmentId, r.respondentClass, r.factorId);
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
      const set = await mustFind(
        em,
        WeightSet,
        id,
        'weightSetId',
        notFound('WEIGHT_SET_NOT_FOUND'),
      );
      if (set.isCurrent) {
        throw valueError(
          'WEIGHT_SET_IS_CURRENT',
          `Weight set version ${set.version} is current and cannot be edited; create a new version and make it current instead.`,
          'weightSetId',
        );
      }
      const segments = byId(
        await mustFindAll(
          em,
          Segment,
          rows.map((r) => r.segmentId),
          'weights',
          notFound('SEGMENT_NOT_FOUND'),
          (i) => `weights[${i}].segmentId`,
        ),
      );
      const factors = byId(
        await mustFindAll(
          em,
          ValueFactor,
          rows.map((r) => r.factorId),
          'weights',
          notFound('FACTOR_NOT_FOUND'),
          (i) => `weights[${i}].factorId`,
        ),
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
        const known = byKey.get(key(r.segmentId, r.respondentClass, r.factorId));
        if (known) {
          Object.assign(known, data);
        } else {
          inserted += 1;
          em.create(ImportanceWeight, {
            weightSet: set,
            segment: segments.get(r.segmentId)!,
            respondentClass: r.respondentClass,
            factor: factors.get(r.factorId)!,
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

  async listWeights(
    filter: ImportanceWeightFilter | undefined,
    order: ImportanceWeightOrder | undefined,
    args: PageArgs,
  ): Promise<Page<ImportanceWeight>> {
    const where: FilterQuery<ImportanceWeight> = {};
    where.weightSet = filter?.weightSetId ? filter.weightSetId : { isCurrent: true };
    if (filter?.segmentId) where.segment = filter.segmentId;
    if (filter?.factorId) where.factor = filter.factorId;
    if (filter?.respondentClass) where.respondentClass = filter.respondentClass;
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'asc' as const };
    return paginate(this.ctx.em, ImportanceWeight, where, args, orderBy);
  }
}
