/** What erasing a contact cleared; the audit event and the answer list these with counts. */
export enum PersonalDataCategory {
  /** Name, e-mail, phone, position and external id of the contact row. */
  CONTACT_DETAILS = 'CONTACT_DETAILS',
  /** Texts of the feedback items the contact gave (scores, classes and dates stay). */
  FEEDBACK_TEXTS = 'FEEDBACK_TEXTS',
  /** Recipient and body of outbox messages to the contact (kind, subject, status, dates stay). */
  MESSAGES = 'MESSAGES',
  /** Advisory-council seats, ended. */
  COUNCIL_SEATS = 'COUNCIL_SEATS',
  /** The council member's portal login: name and e-mail cleared, deactivated. */
  PORTAL_LOGINS = 'PORTAL_LOGINS',
  /** Before/after values in audit events (the events themselves stay). */
  AUDIT_RECORDS = 'AUDIT_RECORDS',
  /** The contact's name, e-mail, phone or texts copied into other free text (inbox, initiatives…). */
  COPIES_IN_TEXTS = 'COPIES_IN_TEXTS',
}
