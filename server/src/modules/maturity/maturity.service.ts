import type { FilterQuery } from '@mikro-orm/core';
import { findById } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ProcessGroup } from '../initiative/initiative.enums.js';
import { User } from '../organisation/user.entity.js';
import { AssessmentMethod, MaturityAssessment } from './maturity-assessment.entity.js';
import { maturityError } from './maturity.errors.js';
import type { GroupMaturity } from './maturity.criteria.js';
import { evaluateMaturity } from './maturity.evaluator.js';
import { recordComputedMaturity } from './maturity.history.js';
import type { MaturityAssessmentFilter, RecordMaturityAssessmentInput } from './maturity.inputs.js';

export interface LatestMaturity {
  processGroup: ProcessGroup;
  manual: MaturityAssessment | null;
  computed: MaturityAssessment | null;
}

export class MaturityService {
  constructor(private readonly ctx: DomainContext) {}

  async record(input: RecordMaturityAssessmentInput): Promise<MaturityAssessment> {
    const evidence = (input.evidence ?? []).map((e) => ({
      criterion: e.criterion.trim(),
      met: e.met,
      ...(e.detail?.trim() ? { detail: e.detail.trim() } : {}),
    }));
    const seen = new Set<string>();
    evidence.forEach((e, i) => {
      const key = e.criterion.toLowerCase();
      if (seen.has(key)) {
        throw maturityError(
          'DUPLICATE_CRITERION',
          `evidence[${i}] repeats the criterion "${e.criterion}".`,
          `evidence[${i}].criterion`,
        );
      }
      seen.add(key);
    });
    return this.ctx.em.transactional(async (em) => {
      const userId = this.ctx.viewer.userId;
      const assessment = em.create(MaturityAssessment, {
        processGroup: input.processGroup,
        level: input.level,
        method: AssessmentMethod.MANUAL,
        evidence,
        note: input.note?.trim() || null,
        assessedBy: userId ? em.getReference(User, userId) : null,
      });
      this.ctx.audit.record(
        em,
        'recordMaturityAssessment',
        'MaturityAssessment',
        assessment.id,
        null,
        snapshot(assessment),
      );
      return assessment;
    });
  }

  async get(id: string): Promise<MaturityAssessment | null> {
    return findById(this.ctx.em, MaturityAssessment, id);
  }

  /** Newest first: the id (uuidv7) follows assessedAt and breaks ties. */
  async list(
    filter: MaturityAssessmentFilter | undefined,
    args: PageArgs,
  ): Promise<Page<MaturityAssessment>> {
    const where: FilterQuery<MaturityAssessment> = {};
    if (filter?.processGroup) where.processGroup = filter.processGroup;
    return paginate(this.ctx.em, MaturityAssessment, where, args, { assessedAt: 'desc' });
  }

  /** Every group's level computed now from the evidence (five aggregate statements). */
  async evaluateNow(): Promise<{ at: Date; groups: GroupMaturity[] }> {
    const at = this.ctx.clock.now();
    return {
      at,
      groups: await evaluateMaturity(this.ctx.em, at, this.ctx.deps.config.maturityThresholds),
    };
  }

  /**
   * Evaluates now and records a COMPUTED assessment for each group whose level or criteria
   * changed (the maturity workflow does this on its schedule and after evidence changes).
   */
  async recompute(): Promise<ProcessGroup[]> {
    const { at, groups } = await this.evaluateNow();
    return recordComputedMaturity(this.ctx.em, groups, at, (tx, a) =>
      this.ctx.audit.record(tx, 'recomputeMaturity', 'MaturityAssessment', a.id, null, snapshot(a)),
    );
  }

  /** Latest manual and computed assessment of each of the five groups (at most ten rows read). */
  async latest(): Promise<LatestMaturity[]> {
    const groups = Object.values(ProcessGroup);
    const methods = Object.values(AssessmentMethod);
    // Sequential on purpose: one EntityManager serves the request, and ten tiny reads are cheap.
    const pairs: {
      processGroup: ProcessGroup;
      method: AssessmentMethod;
      row: MaturityAssessment | null;
    }[] = [];
    for (const processGroup of groups) {
      for (const method of methods) {
        const [row] = await this.ctx.em.find(
          MaturityAssessment,
          { processGroup, method },
          { orderBy: { assessedAt: 'desc', id: 'desc' }, limit: 1 },
        );
        pairs.push({ processGroup, method, row: row ?? null });
      }
    }
    return groups.map((processGroup) => ({
      processGroup,
      manual:
        pairs.find((p) => p.processGroup === processGroup && p.method === AssessmentMethod.MANUAL)
          ?.row ?? null,
      computed:
        pairs.find((p) => p.processGroup === processGroup && p.method === AssessmentMethod.COMPUTED)
          ?.row ?? null,
    }));
  }
}
