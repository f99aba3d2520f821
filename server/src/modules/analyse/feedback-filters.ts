import type { FilterQuery } from '@mikro-orm/core';
import type { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackChannel, Sentiment } from '../feedback/feedback.enums.js';
import type { FeedbackFilter } from '../feedback/feedback.inputs.js';
import { DISSATISFACTION } from './dissatisfaction.js';

/**
 * The feedback list's filters by the Pareto's dimensions (process class and stage through the
 * touchpoint, segment through the account) and by dissatisfaction: conditions for the SQL
 * `where`, merged into the list's own (`where` may already hold the account).
 */
export function analyseFilters(
  filter: FeedbackFilter | undefined,
  where: FilterQuery<FeedbackItem>,
): FilterQuery<FeedbackItem> {
  const extra: Record<string, unknown> = {};
  const touchpoint: Record<string, unknown> = {};
  if (filter?.processClassIds?.length) touchpoint.processClass = { $in: filter.processClassIds };
  if (filter?.stages?.length) touchpoint.stage = { $in: filter.stages };
  if (Object.keys(touchpoint).length) extra.touchpoint = touchpoint;
  if (filter?.segmentIds?.length) {
    const account = (where as { account?: unknown }).account;
    extra.account = {
      ...(account ? { id: account } : {}),
      segment: { $in: filter.segmentIds },
    };
  }
  if (filter?.dissatisfied === true) {
    extra.$or = [
      { sentiment: Sentiment.NEGATIVE },
      { channel: FeedbackChannel.COMPLAINT },
      { npsScore: { $lte: DISSATISFACTION.detractorMaxNps } },
      { csiScore: { $lt: DISSATISFACTION.lowCsiBelow } },
      { cesScore: { $lte: DISSATISFACTION.lowCesAtMost } },
    ];
  }
  return extra as FilterQuery<FeedbackItem>;
}
