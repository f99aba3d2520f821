import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { FeedbackRow, MetricObservationRow, TransactionalFiguresRow } from './import.inputs.js';
import { ImportService } from './import.service.js';
import { ImportResult, toImportResult } from './import.types.js';

const SEMANTICS =
  'Up to 10,000 rows a call (more: the call is refused with BAD_USER_INPUT and nothing is written). ' +
  'Each row is accepted or refused on its own: refused rows are reported with their errors and write nothing; ' +
  'all accepted rows of the call are committed together in one transaction. Idempotent by externalId. ' +
  'dryRun: the same answer, nothing written.';

const ROWS = { validate: false } as const; // rows are validated one by one, see import.inputs.ts
const DRY_RUN = {
  nullable: true,
  defaultValue: false,
  description: 'Decide every row, write nothing.',
} as const;

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description: `Import metric observations. ${SEMANTICS} A known externalId with the same values is UNCHANGED, with other values UPDATED (its metric, account and period cannot change); a new externalId whose metric/account/period is already held by another record is REFUSED (NATURAL_KEY_TAKEN). Omitted optional fields are stored as null.`,
  })
  async importMetricObservations(
    @Arg('rows', () => [MetricObservationRow], ROWS) rows: MetricObservationRow[],
    @Arg('dryRun', () => Boolean, DRY_RUN) dryRun: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportResult> {
    return toImportResult(
      await ctx.service(ImportService).importMetricObservations(rows, dryRun ?? false),
    );
  }

  @Mutation(() => ImportResult, {
    description: `Import monthly transactional figures per account. ${SEMANTICS} Same update rules as importMetricObservations, keyed by account and period.`,
  })
  async importTransactionalFigures(
    @Arg('rows', () => [TransactionalFiguresRow], ROWS) rows: TransactionalFiguresRow[],
    @Arg('dryRun', () => Boolean, DRY_RUN) dryRun: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportResult> {
    return toImportResult(
      await ctx.service(ImportService).importTransactionalFigures(rows, dryRun ?? false),
    );
  }

  @Mutation(() => ImportResult, {
    description: `Import feedback items. ${SEMANTICS} Feedback is immutable once received: a known externalId is UNCHANGED, never updated. New items are stored RECEIVED; the import does not call Temporal — the feedback reconciler starts their collect workflows in the background shortly after the commit.`,
  })
  async importFeedback(
    @Arg('rows', () => [FeedbackRow], ROWS) rows: FeedbackRow[],
    @Arg('dryRun', () => Boolean, DRY_RUN) dryRun: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportResult> {
    return toImportResult(await ctx.service(ImportService).importFeedback(rows, dryRun ?? false));
  }
}
