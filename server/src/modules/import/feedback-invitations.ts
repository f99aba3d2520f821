import { isUuid } from '../../db/ids.js';
import type { Em } from '../../db/orm.js';
import type { ClientAccount } from '../client/client-account.entity.js';
import type { Contact } from '../client/contact.entity.js';
import { SurveyInvitation } from '../survey/survey-invitation.entity.js';
import { InvitationStatus } from '../survey/survey.enums.js';
import { RowErrorCode } from './import.errors.js';
import type { FeedbackRow } from './import.inputs.js';
import { findIn, indexBy, type RowCheck } from './import.rules.js';

/** The invitations the rows answer, by id, in one query per chunk. */
export async function invitationsOf(
  em: Em,
  rows: readonly FeedbackRow[],
): Promise<Map<string, SurveyInvitation>> {
  const ids = rows.map((r) => r.invitationReference?.trim()).filter((v) => !!v && isUuid(v));
  const found = await findIn(em, SurveyInvitation, 'id', ids);
  return indexBy(found, (i) => i.id);
}

/**
 * The invitation a row answers, when it names one and agrees with it (the same account and
 * contact, sent and not answered yet, not claimed by an earlier row of the call).
 */
export function answeredInvitation(
  check: RowCheck,
  row: FeedbackRow,
  account: ClientAccount,
  contact: Contact | null,
  invitations: Map<string, SurveyInvitation>,
  claimed: Set<string>,
): SurveyInvitation | null {
  const ref = row.invitationReference?.trim();
  if (!ref) return null;
  const field = 'invitationReference';
  const invitation = invitations.get(ref);
  if (!invitation) {
    check.add(field, RowErrorCode.INVITATION_NOT_FOUND, `No survey invitation "${ref}".`);
  } else if (invitation.account.id !== account.id) {
    check.add(
      field,
      RowErrorCode.INVITATION_MISMATCH,
      'The invitation was sent to another account.',
    );
  } else if (contact && contact.id !== invitation.contact.id) {
    check.add(
      field,
      RowErrorCode.INVITATION_MISMATCH,
      'The invitation was sent to another contact.',
    );
  } else if (invitation.status !== InvitationStatus.SENT || claimed.has(invitation.id)) {
    check.add(
      field,
      RowErrorCode.INVITATION_MISMATCH,
      invitation.status === InvitationStatus.HELD
        ? 'The invitation was held back by the fatigue rule and never sent.'
        : 'The invitation has already been answered.',
    );
  } else {
    claimed.add(invitation.id);
    return invitation;
  }
  return null;
}
