/** The survey invitation, in the contact's language (ru or en). */
export interface InvitationMessage {
  locale: 'ru' | 'en';
  subject: string;
  body: string;
}

export interface InvitationMessageInput {
  contactName: string;
  accountName: string;
  /** The questionnaire's title, what the client is asked to fill in. */
  title: string;
  /** Quoted in the answer, so the answer is linked to this invitation. */
  reference: string;
}

export function invitationMessage(
  locale: 'ru' | 'en',
  m: InvitationMessageInput,
): InvitationMessage {
  if (locale === 'ru') {
    return {
      locale,
      subject: `Опрос: ${m.title}`,
      body: [
        `Здравствуйте, ${m.contactName}!`,
        '',
        `Нам важно мнение ${m.accountName}. Пожалуйста, уделите несколько минут опросу «${m.title}»: ` +
          'по вашим ответам мы решаем, что улучшать в первую очередь.',
        '',
        `Номер приглашения: ${m.reference}`,
        '',
        'С уважением,',
        'команда по работе с клиентами',
      ].join('\n'),
    };
  }
  return {
    locale,
    subject: `Survey: ${m.title}`,
    body: [
      `Dear ${m.contactName},`,
      '',
      `We would like to hear how ${m.accountName} sees our work. Please take a few minutes for the survey ` +
        `"${m.title}": your answers decide what we improve first.`,
      '',
      `Invitation reference: ${m.reference}`,
      '',
      'Kind regards,',
      'Customer Experience team',
    ].join('\n'),
  };
}

/** Why the fatigue rule held an invitation back, in words the CX office reads. */
export function heldReason(
  daysAgo: number,
  campaignName: string,
  sentAt: Date,
  windowDays: number,
): string {
  const when = daysAgo === 0 ? 'today' : daysAgo === 1 ? '1 day ago' : `${daysAgo} days ago`;
  return (
    `Held back by the fatigue rule: invited ${when} (${sentAt.toISOString().slice(0, 10)}) ` +
    `by campaign "${campaignName}"; no contact is invited more than once in ${windowDays} days.`
  ).slice(0, 500);
}
