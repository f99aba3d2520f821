import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { Analysis } from '../initiative/analysis.entity.js';
import { Initiative } from '../initiative/initiative.entity.js';
import { AnalysisKind } from '../initiative/initiative.enums.js';
import { DISSATISFACTION } from './dissatisfaction.js';
import { closedPeriod, type Period } from './pareto.period.js';
import { propose } from './pareto.proposals.js';
import { paretoOf, type ParetoResult } from './pareto.query.js';

/** What one run for a period left: its analysis and the initiatives it proposed. */
export interface ParetoRun {
  analysis: Analysis;
  /** False when an earlier run had already analysed the period (nothing was written now). */
  created: boolean;
  proposed: Initiative[];
}

/** Concurrent initiative creations may take the numbers this run picked; it retries. */
const ATTEMPTS = 5;

export const paretoRunKey = (period: string) => `pareto:${period}`;

/**
 * Analyse (process group 2): the Pareto of a month's dissatisfaction by complaint class ×
 * process class × journey stage × segment, stored as an Analysis with its inputs, and
 * initiatives proposed for the causes up to the cut. Idempotent per period: the analysis's
 * run key is unique, so a second run (the schedule, the API, a retried activity) finds the
 * first one's outcome and writes nothing.
 */
export class ParetoAnalysisService {
  constructor(private readonly ctx: DomainContext) {}

  async run(period: string, opts: { startWorkflows?: boolean } = {}): Promise<ParetoRun> {
    const span = closedPeriod(period, this.ctx.clock.now());
    for (let attempt = 1; ; attempt++) {
      const earlier = await this.earlier(period);
      if (earlier) return earlier;
      try {
        const run = await this.ctx.em.transactional((em) => this.analyse(em, span));
        if (opts.startWorkflows !== false) await this.startWorkflows(run.proposed);
        return run;
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= ATTEMPTS)
          throw error;
      }
    }
  }

  /** The run that already analysed the period, if any. */
  async earlier(period: string): Promise<ParetoRun | null> {
    const em = this.ctx.em.fork();
    const analysis = await em.findOne(Analysis, { runKey: paretoRunKey(period) });
    if (!analysis) return null;
    const proposed = await em.find(Initiative, { analysis }, { orderBy: { code: 'asc' } });
    return { analysis, created: false, proposed };
  }

  private async analyse(em: Em, span: Period): Promise<ParetoRun> {
    const { cutShare, rootCauseTaskDays } = this.ctx.deps.config.pareto;
    const pareto = await paretoOf(em, span, cutShare);
    const analysis = em.create(Analysis, {
      kind: AnalysisKind.PARETO,
      title: `Pareto of dissatisfaction, ${span.period}`,
      periodFrom: span.period,
      periodTo: span.period,
      summary: summary(pareto, cutShare),
      result: { causes: pareto.causes, vitalFew: pareto.causes.filter((c) => c.vital).length },
      inputs: {
        period: span.period,
        from: span.from.toISOString(),
        to: span.to.toISOString(),
        cutShare,
        rootCauseTaskDays,
        dissatisfaction: { ...DISSATISFACTION, sentiment: 'NEGATIVE', channel: 'COMPLAINT' },
        dissatisfied: pareto.dissatisfied,
        attributed: pareto.attributed,
      },
      runKey: paretoRunKey(span.period),
      createdBy: null,
      createdAt: this.ctx.clock.now(),
    });
    this.ctx.audit.record(
      em,
      'runParetoAnalysis',
      'Analysis',
      analysis.id,
      null,
      snapshot(analysis),
    );
    const proposed = await propose(this.ctx, em, {
      analysis,
      span,
      causes: pareto.causes,
      firstNumber: await nextInitiativeNumber(em),
      taskDays: rootCauseTaskDays,
    });
    return { analysis, created: true, proposed };
  }

  /** As createInitiative does: after the commit; the reconciler starts what fails here. */
  private async startWorkflows(initiatives: Initiative[]): Promise<void> {
    for (const initiative of initiatives) {
      try {
        await this.ctx.deps.initiatives.start(initiative.id);
        await this.ctx.em.nativeUpdate(
          Initiative,
          { id: initiative.id, workflowStartedAt: null },
          { workflowStartedAt: this.ctx.clock.now() },
        );
      } catch (error) {
        this.ctx.deps.log.warn('Proposed initiative stored; the reconciler starts its workflow', {
          initiativeId: initiative.id,
          reason: error instanceof Error ? error.message : String(error),
        });
        return;
      }
    }
  }
}

/** The highest INI- number by value, plus one (as createInitiative numbers them). */
async function nextInitiativeNumber(em: Em): Promise<number> {
  const rows = await em.execute<{ code: string }[]>(
    `select code from initiative where code like 'INI-%' order by length(code) desc, code desc limit 1`,
  );
  const last = rows[0] ? Number.parseInt(rows[0].code.slice(4), 10) : 0;
  return (Number.isFinite(last) ? last : 0) + 1;
}

function summary(p: ParetoResult, cut: number): string {
  const vital = p.causes.filter((c) => c.vital);
  const covered = vital.at(-1)?.cumulativeShare ?? 0;
  return `${p.dissatisfied} dissatisfied feedback items, ${p.attributed} with a complaint class and a touchpoint; ${vital.length} of ${p.causes.length} causes make up ${Math.round(covered * 100)}% of them (cut at ${Math.round(cut * 100)}%).`;
}
