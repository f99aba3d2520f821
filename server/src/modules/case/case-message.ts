/** The resolution note as the client receives it, in their language (ru or en). */
export function resolutionMessage(
  locale: 'ru' | 'en',
  contactName: string | null | undefined,
  reference: string,
  note: string,
): { subject: string; body: string } {
  if (locale === 'ru') {
    return {
      subject: 'Ваше обращение решено',
      body: [
        contactName ? `Здравствуйте, ${contactName}!` : 'Здравствуйте!',
        '',
        'Мы разобрали ваш отзыв. Вот что мы сделали:',
        '',
        note,
        '',
        `Номер обращения: ${reference}`,
        '',
        'С уважением,',
        'команда по работе с клиентами',
      ].join('\n'),
    };
  }
  return {
    subject: 'Your feedback has been resolved',
    body: [
      contactName ? `Dear ${contactName},` : 'Hello,',
      '',
      'We have looked into your feedback. This is what we did:',
      '',
      note,
      '',
      `Reference: ${reference}`,
      '',
      'Kind regards,',
      'Customer Experience team',
    ].join('\n'),
  };
}
