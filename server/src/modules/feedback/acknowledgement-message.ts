/** The "we received your feedback" message, in the contact's language (ru or en). */
export interface AcknowledgementMessage {
  locale: 'ru' | 'en';
  subject: string;
  body: string;
}

/** The first of the candidates that is Russian or English; English otherwise. */
export function acknowledgementLocale(...candidates: (string | null | undefined)[]): 'ru' | 'en' {
  for (const candidate of candidates) {
    const lang = candidate?.trim().toLowerCase().slice(0, 2);
    if (lang === 'ru' || lang === 'en') return lang;
  }
  return 'en';
}

/** What the client is shown to quote when they reply: the end of the item's id. */
export function acknowledgementReference(feedbackId: string): string {
  return feedbackId.slice(-12);
}

/** `reference` is shown to the client so support can find the item when they reply. */
export function acknowledgementMessage(
  locale: 'ru' | 'en',
  contactName: string | undefined,
  reference: string,
): AcknowledgementMessage {
  if (locale === 'ru') {
    return {
      locale,
      subject: 'Мы получили ваш отзыв',
      body: [
        contactName ? `Здравствуйте, ${contactName}!` : 'Здравствуйте!',
        '',
        'Спасибо, что нашли время поделиться с нами мнением. Мы получили ваш отзыв и взяли его в работу: ' +
          'ответственная команда его разберёт, и мы расскажем вам, что изменим по его итогам.',
        '',
        `Номер обращения: ${reference}`,
        '',
        'С уважением,',
        'команда по работе с клиентами',
      ].join('\n'),
    };
  }
  return {
    locale,
    subject: 'We have received your feedback',
    body: [
      contactName ? `Dear ${contactName},` : 'Hello,',
      '',
      'Thank you for taking the time to tell us what you think. We have received your feedback and taken it ' +
        'into work: the responsible team will look into it, and we will let you know what we change as a result.',
      '',
      `Reference: ${reference}`,
      '',
      'Kind regards,',
      'Customer Experience team',
    ].join('\n'),
  };
}
