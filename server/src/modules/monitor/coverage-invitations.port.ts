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
 * surveys module provides it (`DomainDeps.coverageInvites`); until it is wired, the default
 * below sends nothing and says so in the alert's figures.
 */
export interface CoverageInviter {
  inviteForCoverage(
    accountId: string,
    respondentClass: RespondentClass,
  ): Promise<CoverageInvitation>;
}

export const NO_INVITER_REASON = 'NO_INVITER';

export const noCoverageInviter: CoverageInviter = {
  inviteForCoverage: () =>
    Promise.resolve({
      invited: 0,
      campaignId: null,
      reason: `${NO_INVITER_REASON}: no survey dispatch is connected, so no invitation was sent`,
    }),
};
