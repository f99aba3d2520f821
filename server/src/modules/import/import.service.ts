import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { planFeedback } from './feedback.importer.js';
import { planFigures } from './figures.importer.js';
import { importError, MAX_IMPORT_ROWS } from './import.errors.js';
import type {
  FeedbackRow,
  MetricObservationRow,
  TransactionalFiguresRow,
} from './import.inputs.js';
import type { RowDecision, RowError } from './import.rules.js';
import { planObservations } from './observation.importer.js';

/** What one row came to; `id` is the stored row's (null when refused, or created in a dry run). */
export interface ImportRowSummary {
  index: number;
  externalId: string | null;
  outcome: RowDecision['outcome'];
  id: string | null;
  errors: RowError[];
}

/** Counts and per-row outcomes of one import call, over rows of `entityType`. */
export interface ImportSummary {
  entityType: string;
  dryRun: boolean;
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: ImportRowSummary[];
}

type Planner<Row> = (em: Em, rows: readonly Row[], now: Date) => Promise<RowDecision[]>;

/**
 * Bulk, idempotent imports for integrators. Semantics: every row is decided on its own;
 * refused rows are reported and write nothing, and all accepted rows of one call are
 * written in one transaction (all of them or, on a crash, none). A dry run decides the
 * same way and writes nothing.
 */
export class ImportService {
  constructor(private readonly ctx: DomainContext) {}

  importMetricObservations(
    rows: readonly MetricObservationRow[],
    dryRun: boolean,
  ): Promise<ImportSummary> {
    return this.run(
      'importMetricObservations',
      'MetricObservation',
      rows,
      dryRun,
      planObservations,
    );
  }

  importTransactionalFigures(
    rows: readonly TransactionalFiguresRow[],
    dryRun: boolean,
  ): Promise<ImportSummary> {
    return this.run(
      'importTransactionalFigures',
      'TransactionalFigures',
      rows,
      dryRun,
      planFigures,
    );
  }

  importFeedback(rows: readonly FeedbackRow[], dryRun: boolean): Promise<ImportSummary> {
    return this.run('importFeedback', 'FeedbackItem', rows, dryRun, planFeedback);
  }

  private async run<Row extends { externalId: string }>(
    action: string,
    entityType: string,
    rows: readonly Row[],
    dryRun: boolean,
    plan: Planner<Row>,
  ): Promise<ImportSummary> {
    if (rows.length > MAX_IMPORT_ROWS) {
      throw importError(
        'TOO_MANY_ROWS',
        `An import takes at most ${MAX_IMPORT_ROWS} rows a call, this one has ${rows.length}; split the rows into several calls. Nothing was imported.`,
        'rows',
      );
    }
    // The import's own id names it in the audit trail (one row per committed call).
    const importId = uuidv7();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(importId, action, entityType, rows, dryRun, plan);
      } catch (error) {
        // A concurrent call stored one of our keys between our reads and our commit:
        // everything was rolled back, so deciding again from fresh reads is safe.
        if (attempt < 3 && error instanceof UniqueConstraintViolationException) continue;
        throw error;
      }
    }
  }

  private async attempt<Row extends { externalId: string }>(
    importId: string,
    action: string,
    entityType: string,
    rows: readonly Row[],
    dryRun: boolean,
    plan: Planner<Row>,
  ): Promise<ImportSummary> {
    const now = this.ctx.clock.now();
    // A private EntityManager: thousands of managed rows should not linger in the request's one.
    return this.ctx.em.fork().transactional(async (em) => {
      const decisions = await plan(em, rows, now);
      const result = summarise(entityType, rows, decisions, dryRun);
      if (dryRun) return result;
      for (const decision of decisions) {
        if (decision.outcome === 'CREATED') decision.apply(em);
        else if (decision.outcome === 'UPDATED') decision.apply();
      }
      const { accepted, created, updated, unchanged, refused } = result;
      this.ctx.audit.record(em, action, entityType, importId, null, {
        rows: rows.length,
        accepted,
        created,
        updated,
        unchanged,
        refused,
      });
      return result; // the transaction flushes and commits everything staged above
    });
  }
}

function summarise(
  entityType: string,
  rows: readonly { externalId: string }[],
  decisions: readonly RowDecision[],
  dryRun: boolean,
): ImportSummary {
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  const results = decisions.map((d, index): ImportRowSummary => {
    counts[d.outcome.toLowerCase() as keyof typeof counts] += 1;
    const showId =
      d.outcome === 'UPDATED' || d.outcome === 'UNCHANGED' || (d.outcome === 'CREATED' && !dryRun);
    return {
      index,
      externalId: rows[index]?.externalId ?? null,
      outcome: d.outcome,
      id: showId && 'id' in d ? d.id : null,
      errors: d.outcome === 'REFUSED' ? d.errors.map((e) => ({ ...e })) : [],
    };
  });
  return {
    entityType,
    dryRun,
    accepted: counts.created + counts.updated + counts.unchanged,
    ...counts,
    rows: results,
  };
}
