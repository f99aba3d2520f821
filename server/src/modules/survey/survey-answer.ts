import { isUuid } from '../../db/ids.js';
import type { Em } from '../../db/orm.js';
import type { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import { InvitationStatus } from './survey.enums.js';
import { surveyError } from './survey.errors.js';

/** What feedback that answers an invitation says about who answers. */
export interface AnswerClaim {
  invitationId: string;
  accountId: string;
  contactId?: string | null;
  campaignId?: string | null;
  /** A new contact given inline: an invitation already names its contact. */
  newContact?: boolean;
}

/**
 * The invitation a feedback item answers, after checking the item agrees with it: the same
 * account, contact and campaign, an invitation that was sent and not answered yet.
 */
export async function invitationAnswered(em: Em, claim: AnswerClaim): Promise<SurveyInvitation> {
  const found = isUuid(claim.invitationId)
    ? await em.findOne(
        SurveyInvitation,
        { id: claim.invitationId },
        { populate: ['contact', 'campaign'] },
      )
    : null;
  if (!found) {
    throw surveyError(
      'INVITATION_NOT_FOUND',
      'No survey invitation matches invitationId.',
      'invitationId',
    );
  }
  const mismatch = (what: string, field: string) =>
    surveyError('INVITATION_MISMATCH', `The invitation was sent to ${what}.`, field);
  if (found.account.id !== claim.accountId) throw mismatch('another account', 'accountId');
  if (claim.contactId && claim.contactId !== found.contact.id) {
    throw mismatch('another contact', 'contactId');
  }
  if (claim.newContact) throw mismatch('a known contact; leave contact out', 'contact');
  if (claim.campaignId && claim.campaignId !== found.campaign.id) {
    throw mismatch('by another campaign', 'campaignId');
  }
  if (found.status === InvitationStatus.HELD) {
    throw surveyError(
      'INVITATION_NOT_SENT',
      'That invitation was held back by the fatigue rule and never sent; it cannot be answered.',
      'invitationId',
    );
  }
  if (found.status === InvitationStatus.ANSWERED) {
    throw surveyError(
      'INVITATION_ANSWERED',
      'That invitation has already been answered by another feedback item.',
      'invitationId',
    );
  }
  return found;
}

/** Links the invitation to the feedback item that answers it (in the item's transaction). */
export function markAnswered(invitation: SurveyInvitation, item: FeedbackItem): void {
  invitation.status = InvitationStatus.ANSWERED;
  invitation.feedback = item;
  invitation.answeredAt = item.receivedAt;
}
