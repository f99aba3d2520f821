import { uuidv7 } from '../../db/ids.js';
import type { Em } from '../../db/orm.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { ClassificationSource } from '../feedback/feedback.enums.js';
import {
  feedbackContentViolations,
  feedbackValueViolations,
  normaliseFeedbackText,
} from '../feedback/feedback.rules.js';
import { markAnswered } from '../survey/survey-answer.js';
import { answeredInvitation, invitationsOf } from './feedback-invitations.js';
import { RowErrorCode } from './import.errors.js';
import type { FeedbackRow } from './import.inputs.js';
import {
  duplicatesInBatch,
  findIn,
  findKeyedBy,
  indexBy,
  refused,
  RowCheck,
  type RowDecision,
} from './import.rules.js';

const RULE_CODES = {
  EMPTY_FEEDBACK: RowErrorCode.EMPTY_FEEDBACK,
  RECEIVED_IN_FUTURE: RowErrorCode.IN_FUTURE,
  OUT_OF_RANGE: RowErrorCode.OUT_OF_RANGE,
  TOO_LONG: RowErrorCode.TOO_LONG,
  INVALID_VALUE: RowErrorCode.OUT_OF_RANGE,
} as const;

const emailKey = (accountId: string, email: string) => `${accountId}|${email.trim().toLowerCase()}`;

/**
 * Decides every row of a feedback import. Feedback is immutable once received: a known
 * externalId is UNCHANGED whatever the row says now. New items are stored RECEIVED with
 * `workflowStartedAt = null`, so the feedback reconciler starts their collect workflows.
 */
export async function planFeedback(
  em: Em,
  rows: readonly FeedbackRow[],
  now: Date,
): Promise<RowDecision[]> {
  const duplicates = duplicatesInBatch(rows);
  const accounts = await findKeyedBy(
    em,
    ClientAccount,
    'externalId',
    rows.map((r) => r.accountExternalId),
  );
  const existing = await findKeyedBy(
    em,
    FeedbackItem,
    'externalId',
    rows.map((r) => r.externalId),
  );
  const contactsByExternalId = await findKeyedBy(
    em,
    Contact,
    'externalId',
    rows.map((r) => r.contactExternalId),
  );
  // Contacts store e-mails lower-cased; the account is matched in memory (the key holds it).
  const byEmail = await findIn(
    em,
    Contact,
    'email',
    rows.map((r) => r.contactEmail?.trim().toLowerCase()),
  );
  const contactsByEmail = indexBy(byEmail, (c) => emailKey(c.account.id, c.email ?? ''));
  const invitations = await invitationsOf(em, rows);
  const claimed = new Set<string>();

  return rows.map((row, index): RowDecision => {
    const duplicate = duplicates.get(index);
    if (duplicate) return refused(duplicate);
    const check = new RowCheck();
    check.required('externalId', row.externalId, 200);
    const account = check.reference(
      'accountExternalId',
      row.accountExternalId,
      200,
      accounts,
      RowErrorCode.ACCOUNT_NOT_FOUND,
      `No client account with externalId "${row.accountExternalId}".`,
    );
    for (const v of [...feedbackValueViolations(row), ...feedbackContentViolations(row, now)]) {
      check.add(v.field, RULE_CODES[v.reason], v.message);
    }
    const stored = existing.get(row.externalId);
    if (stored && account && stored.account.id !== account.id) {
      check.add(
        'externalId',
        RowErrorCode.EXTERNAL_ID_REUSED,
        `externalId "${row.externalId}" already belongs to feedback of another account.`,
      );
    }
    const contact = account
      ? resolveContact(check, row, account, contactsByExternalId, contactsByEmail)
      : null;
    if (contact && row.respondentClass && row.respondentClass !== contact.respondentClass) {
      check.add(
        'respondentClass',
        RowErrorCode.RESPONDENT_CLASS_MISMATCH,
        `The contact is recorded as ${contact.respondentClass}, not ${row.respondentClass}; update the contact first.`,
      );
    }
    if (!check.ok || !account) return refused(...check.errors);
    if (stored) return { outcome: 'UNCHANGED', id: stored.id };
    const invitation = answeredInvitation(check, row, account, contact, invitations, claimed);
    if (!check.ok) return refused(...check.errors);
    const id = uuidv7();
    return {
      outcome: 'CREATED',
      id,
      apply: (tx) => {
        const who = contact ?? invitation?.contact ?? null;
        const item = tx.create(FeedbackItem, {
          id,
          externalId: row.externalId,
          account,
          contact: who,
          campaign: invitation?.campaign ?? null,
          respondentClass: row.respondentClass ?? who?.respondentClass ?? null,
          channel: row.channel,
          npsScore: row.npsScore ?? null,
          csiScore: row.csiScore ?? null,
          cesScore: row.cesScore ?? null,
          text: normaliseFeedbackText(row.text),
          language: row.language ?? null,
          complaintClass: row.complaintClass ?? null,
          classificationSource: row.complaintClass ? ClassificationSource.IMPORT : null,
          classifiedAt: row.complaintClass ? now : null,
          receivedAt: row.receivedAt ?? now,
          workflowStartedAt: null,
        });
        if (invitation) markAnswered(invitation, item);
      },
    };
  });
}

function resolveContact(
  check: RowCheck,
  row: FeedbackRow,
  account: ClientAccount,
  byExternalId: Map<string | null | undefined, Contact>,
  byEmail: Map<string, Contact>,
): Contact | null {
  if (row.contactExternalId && row.contactEmail) {
    check.add(
      'contactEmail',
      RowErrorCode.CONTACT_AMBIGUOUS,
      'Give either contactExternalId or contactEmail, not both.',
    );
    return null;
  }
  if (row.contactExternalId) {
    const contact = byExternalId.get(row.contactExternalId);
    if (!contact) {
      check.add(
        'contactExternalId',
        RowErrorCode.CONTACT_NOT_FOUND,
        `No contact with externalId "${row.contactExternalId}".`,
      );
      return null;
    }
    if (contact.account.id !== account.id) {
      check.add(
        'contactExternalId',
        RowErrorCode.CONTACT_NOT_IN_ACCOUNT,
        'The contact belongs to another account.',
      );
      return null;
    }
    return contact;
  }
  if (row.contactEmail?.trim()) {
    const contact = byEmail.get(emailKey(account.id, row.contactEmail));
    if (!contact) {
      check.add(
        'contactEmail',
        RowErrorCode.CONTACT_NOT_FOUND,
        `Account "${row.accountExternalId}" has no contact with e-mail ${row.contactEmail}; create the contact first or leave the contact out.`,
      );
    }
    return contact ?? null;
  }
  return null;
}
