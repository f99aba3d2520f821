import type { FilterQuery } from '@mikro-orm/core';
import type { Em } from '../../../db/orm.js';
import { paginate, type Page, type PageArgs } from '../../../db/paginate.js';
import type { DomainContext } from '../../../domain/context.js';
import { InitiativeRevision } from '../../initiative/initiative-revision.entity.js';
import { InitiativeTarget } from '../../initiative/initiative-target.entity.js';
import { Initiative } from '../../initiative/initiative.entity.js';
import { InitiativeStatus, ProcessGroup } from '../../initiative/initiative.enums.js';
import { SATISFACTION_METRIC_CODES } from '../../maturity/maturity.evidence.js';
import { EffectStatus, estimateEffect, type AccountChange } from './did.js';
import { metricsByAccount, satisfactionByAccount } from './effect.query.js';
import { effectWindows } from './effect.window.js';
import { InitiativeEffect } from './initiative-effect.entity.js';

const DAY_MS = 86_400_000;

/** The measures every effect reports, from feedback answers; targets add their metrics. */
const SATISFACTION = SATISFACTION_METRIC_CODES;

interface Measure {
  code: string;
  metricId: string | null;
  target: InitiativeTarget | null;
  accounts: AccountChange[];
}

/**
 * Initiative effects: computed and stored when an initiative reaches MONITOR (inside the
 * transaction that moves it) and recomputed by the monitor while it is monitored or corrected,
 * and for a while after it closed. Each computation replaces the initiative's rows, so a
 * retried activity or monitor run leaves one row per measure.
 */
export class InitiativeEffectService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Recomputes one initiative's effect rows in `em` (the caller's transaction), as of the
   * context's clock. Answers the rows written (one per measure: NPS, CSI, each target metric).
   */
  async recompute(em: Em, initiative: Initiative): Promise<number> {
    const now = this.ctx.clock.now();
    const startedAt = initiative.startedAt ?? (await this.firstRevisionAt(em, initiative));
    const w = effectWindows(startedAt, now, this.ctx.deps.config.initiativeEffect.beforeMonths);
    const targets = await em.find(
      InitiativeTarget,
      { initiative },
      { populate: ['metric'], orderBy: { createdAt: 'asc' } },
    );
    const satisfactionTargets = new Map(
      targets
        .filter((t) => (SATISFACTION as readonly string[]).includes(t.metric.code))
        .map((t) => [t.metric.code, t]),
    );
    const metricTargets = targets.filter((t) => !satisfactionTargets.has(t.metric.code));
    // Before a month after the start is complete there is nothing to compare: rows say so.
    const satisfaction = w.hasAfter
      ? await satisfactionByAccount(em, initiative.id, w)
      : { nps: [], csi: [] };
    const metrics = w.hasAfter
      ? await metricsByAccount(
          em,
          initiative.id,
          metricTargets.map((t) => t.metric.id),
          w,
        )
      : new Map<string, AccountChange[]>();
    const measures: Measure[] = SATISFACTION.map((code) => {
      const target = satisfactionTargets.get(code) ?? null;
      const accounts = code === 'NPS' ? satisfaction.nps : satisfaction.csi;
      return { code, metricId: target?.metric.id ?? null, target, accounts };
    });
    for (const t of metricTargets)
      measures.push({
        code: t.metric.code,
        metricId: t.metric.id,
        target: t,
        accounts: metrics.get(t.metric.id) ?? [],
      });
    await em.nativeDelete(InitiativeEffect, { initiative: initiative.id });
    for (const m of measures) {
      const e = estimateEffect(m.accounts);
      em.create(InitiativeEffect, {
        initiative,
        measure: m.code,
        metricId: m.metricId,
        targeted: m.target !== null,
        baseline: m.target?.baseline ?? null,
        targetValue: m.target?.targetValue ?? null,
        expectedDelta: m.target?.expectedDelta ?? null,
        startedAt,
        beforeFrom: w.beforeFrom,
        beforeTo: w.beforeTo,
        afterFrom: w.afterFrom,
        afterTo: w.afterTo,
        status: w.hasAfter ? e.status : EffectStatus.NO_POST_PERIOD,
        treatedN: e.treatedN,
        controlN: e.controlN,
        treatedBefore: e.treatedBefore,
        treatedAfter: e.treatedAfter,
        controlBefore: e.controlBefore,
        controlAfter: e.controlAfter,
        did: e.did,
        standardError: e.standardError,
        df: e.df,
        pValue: e.pValue,
        ciLow: e.low,
        ciHigh: e.high,
        computedAt: now,
      });
    }
    await em.flush();
    return measures.length;
  }

  /**
   * The monitor's step: every initiative being monitored or corrected, and those closed from
   * MONITOR or CORRECT in the last `closedRecomputeDays`, each in a transaction of its own.
   */
  async recomputeDue(): Promise<number> {
    const now = this.ctx.clock.now();
    const closedSince = new Date(
      now.getTime() - this.ctx.deps.config.initiativeEffect.closedRecomputeDays * DAY_MS,
    );
    const groups = [ProcessGroup.MONITOR, ProcessGroup.CORRECT];
    const due = await this.ctx.em.find(
      Initiative,
      {
        processGroup: { $in: groups },
        startedAt: { $ne: null },
        $or: [
          {
            status: {
              $in: [
                InitiativeStatus.ACTIVE,
                InitiativeStatus.AWAITING_COUNCIL,
                InitiativeStatus.ON_HOLD,
              ],
            },
          },
          { status: InitiativeStatus.CLOSED, closedAt: { $gte: closedSince } },
        ],
      },
      { orderBy: { id: 'asc' } },
    );
    let written = 0;
    for (const { id } of due) {
      written += await this.ctx.em.transactional(async (em) =>
        this.recompute(em, await em.findOneOrFail(Initiative, { id })),
      );
    }
    return written;
  }

  /** Effect rows for the dashboard, newest computation first. */
  async list(
    filter: { initiativeId?: string | null; measure?: string | null; status?: EffectStatus | null },
    args: PageArgs,
  ): Promise<Page<InitiativeEffect>> {
    const where: FilterQuery<InitiativeEffect> = {};
    if (filter.initiativeId) where.initiative = filter.initiativeId;
    if (filter.measure) where.measure = filter.measure;
    if (filter.status) where.status = filter.status;
    return paginate(this.ctx.em, InitiativeEffect, where, args, { computedAt: 'desc' });
  }

  private async firstRevisionAt(em: Em, initiative: Initiative): Promise<Date> {
    const first = await em.findOne(InitiativeRevision, { initiative, number: 1 });
    return first?.openedAt ?? initiative.createdAt;
  }
}
