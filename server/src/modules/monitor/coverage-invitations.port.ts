import type { RespondentClass } from '../client/client.enums.js';

/** What inviting one respondent class of one account did. */
export interface CoverageInvitation {
  /** Invitations queued (0 when none was sent). */
  invited: number;
  /** The campaign that fitted, when one did. */
  campaignId?: string | null;
  /** Why nothing was sent (no campaign fits, fatigue, no contact of that class…). */
  reason?: string | null;
}

/**
 * The port through which the monitor asks the surveys module to invite the contacts of one
 * respondent class of one account "where a campaign fits" when it finds a coverage gap. The
 * surveys module serves it (`surveyCoverageInviter`, the default); `DomainDeps.coverageInvites`
 * replaces it, e.g. in tests that record what was asked.
 */
export interface CoverageInviter {
  inviteForCoverage(
    accountId: string,
    respondentClass: RespondentClass,
  ): Promise<CoverageInvitation>;
}
