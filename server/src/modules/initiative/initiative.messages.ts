import { Milestone } from './initiative.enums.js';

export type Locale = 'ru' | 'en';

export interface Message {
  subject: string;
  body: string;
}

/** What a "you said, we did" message is about. */
export interface MilestoneFacts {
  code: string;
  title: string;
  expectedEffect: string | null;
  revision: number;
  /** The brief of the revision that started (revision > 1: what the council asked for). */
  brief?: string | null;
  taskTitle?: string | null;
  outcomeNote?: string | null;
  /** The recipient's own feedback is linked to the initiative. */
  fromTheirFeedback: boolean;
}

const greeting = (locale: Locale, name: string | null | undefined) =>
  locale === 'ru'
    ? name
      ? `Здравствуйте, ${name}!`
      : 'Здравствуйте!'
    : name
      ? `Dear ${name},`
      : 'Hello,';

const signature = (locale: Locale) =>
  locale === 'ru'
    ? ['', 'С уважением,', 'команда по работе с клиентами']
    : ['', 'Kind regards,', 'Customer Experience team'];

/** The first of the candidates that is Russian or English; English otherwise. */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const lang = candidate?.trim().toLowerCase().slice(0, 2);
    if (lang === 'ru' || lang === 'en') return lang;
  }
  return 'en';
}

/** Why the contact hears of the initiative: their own feedback started it, or it concerns their company. */
export function becauseLine(locale: Locale, fromTheirFeedback: boolean): string {
  const ru = locale === 'ru';
  return fromTheirFeedback
    ? ru
      ? 'Вы рассказали нам об этой проблеме — спасибо: ваш отзыв стал одной из причин этих изменений.'
      : 'You told us about this problem — thank you: your feedback is one of the reasons for this work.'
    : ru
      ? 'Мы сообщаем вам, потому что это касается вашей компании.'
      : 'We are letting you know because it concerns your company.';
}

/** A council reminder's subject, whatever text the request had: it says it is a reminder. */
export function reminderSubject(locale: Locale, subject: string, reminder: number): string {
  if (reminder <= 0) return subject;
  return `${locale === 'ru' ? 'Напоминание' : 'Reminder'}: ${subject}`;
}

/** "You said, we did": one milestone of a client-visible initiative, told to one client contact. */
export function milestoneMessage(
  locale: Locale,
  milestone: Milestone,
  name: string | null | undefined,
  f: MilestoneFacts,
): Message {
  const ru = locale === 'ru';
  const because = becauseLine(locale, f.fromTheirFeedback);
  const aim = f.expectedEffect
    ? ru
      ? `Чего мы добиваемся: ${f.expectedEffect}`
      : `What we aim for: ${f.expectedEffect}`
    : null;
  const ref = ru ? `Проект: ${f.code}` : `Project: ${f.code}`;
  let subject: string;
  let lines: (string | null)[];
  switch (milestone) {
    case Milestone.STARTED:
      if (f.revision > 1) {
        subject = ru
          ? `Дорабатываем по вашим замечаниям: ${f.title}`
          : `Reworking it as you asked: ${f.title}`;
        lines = [
          ru
            ? `Консультативный совет клиентов попросил изменить проект «${f.title}». Мы начали его доработку (редакция ${f.revision}).`
            : `The client advisory council asked for changes to "${f.title}". We have started reworking it (revision ${f.revision}).`,
          f.brief ? (ru ? `Что меняем: ${f.brief}` : `What changes: ${f.brief}`) : null,
        ];
      } else {
        subject = ru ? `Мы начали работу: ${f.title}` : `We have started work on: ${f.title}`;
        lines = [
          because,
          ru
            ? `Мы запустили проект улучшений «${f.title}».`
            : `We have started the improvement project "${f.title}".`,
          aim,
          ru
            ? 'Мы будем сообщать вам о каждом сделанном шаге.'
            : 'We will tell you about each step we complete.',
        ];
      }
      break;
    case Milestone.TASK_DONE:
      subject = ru
        ? `Сделан шаг: ${f.taskTitle ?? f.title}`
        : `Step completed: ${f.taskTitle ?? f.title}`;
      lines = [
        ru
          ? `В проекте «${f.title}» выполнен шаг: ${f.taskTitle ?? ''}.`
          : `A step of "${f.title}" is done: ${f.taskTitle ?? ''}.`,
        f.outcomeNote ? (ru ? `Результат: ${f.outcomeNote}` : `Outcome: ${f.outcomeNote}`) : null,
      ];
      break;
    case Milestone.MONITORING:
      subject = ru ? `Изменения внедрены: ${f.title}` : `Changes in place: ${f.title}`;
      lines = [
        ru
          ? `Все запланированные изменения по проекту «${f.title}» внедрены. Теперь мы измеряем, как они работают для вас.`
          : `Everything planned for "${f.title}" is in place. We are now measuring how well it works for you.`,
        aim,
      ];
      break;
    case Milestone.CLOSED:
      subject = ru ? `Проект завершён: ${f.title}` : `Completed: ${f.title}`;
      lines = [
        because,
        ru
          ? `Проект «${f.title}» завершён${f.revision > 1 ? ` с учётом замечаний совета (редакций: ${f.revision})` : ''}.`
          : `"${f.title}" is complete${f.revision > 1 ? `, including the changes your council asked for (${f.revision} revisions)` : ''}.`,
        aim,
        f.outcomeNote ? (ru ? `Итог: ${f.outcomeNote}` : `Result: ${f.outcomeNote}`) : null,
        ru ? 'Спасибо, что помогаете нам становиться лучше.' : 'Thank you for helping us improve.',
      ];
      break;
  }
  const body = [
    greeting(locale, name),
    '',
    ...lines.filter((l): l is string => !!l),
    '',
    ref,
    ...signature(locale),
  ];
  return { subject, body: body.join('\n') };
}

/** A council member is asked to review (or reminded of) one revision of an initiative. */
export function councilReviewMessage(
  locale: Locale,
  name: string | null | undefined,
  f: { code: string; title: string; revision: number; council: string; reminder: number },
): Message {
  const ru = locale === 'ru';
  const subject =
    f.reminder > 0
      ? ru
        ? `Напоминание: ждём решения совета по «${f.title}»`
        : `Reminder: your council's decision on "${f.title}" is awaited`
      : ru
        ? `Просим совет рассмотреть: ${f.title}`
        : `For your council's review: ${f.title}`;
  const lines = [
    greeting(locale, name),
    '',
    ru
      ? `Совет «${f.council}» просят рассмотреть ход проекта «${f.title}» (редакция ${f.revision}): сделанные и открытые задачи, сообщения клиентам, целевые показатели с базовым и последним значением.`
      : `The council "${f.council}" is asked to review the progress of "${f.title}" (revision ${f.revision}): tasks done and open, messages to clients, target metrics with their baseline and latest value.`,
    ru
      ? 'Совет может одобрить результат или попросить изменений, указав, каких именно.'
      : 'The council can approve the result or ask for changes, saying which.',
    '',
    ru ? `Проект: ${f.code}` : `Project: ${f.code}`,
    ...signature(locale),
  ];
  return { subject, body: lines.join('\n') };
}
