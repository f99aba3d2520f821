import type { DomainContext } from '../../domain/context.js';
import type { CoverageInviter } from '../monitor/coverage-invitations.port.js';
import { SurveyDispatchService } from './survey-dispatch.service.js';

/**
 * The monitor's coverage port served by survey dispatch: a gap in one respondent class of one
 * account invites that class's contacts through a campaign that fits, under the fatigue rule.
 */
export function surveyCoverageInviter(ctx: DomainContext): CoverageInviter {
  return {
    async inviteForCoverage(accountId, respondentClass) {
      const outcome = await ctx
        .service(SurveyDispatchService)
        .inviteForCoverage(accountId, respondentClass);
      return {
        invited: outcome.sent,
        campaignId: outcome.campaignId,
        reason: outcome.sent > 0 ? null : outcome.summary,
      };
    },
  };
}
