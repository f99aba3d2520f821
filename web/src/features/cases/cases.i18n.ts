import type {
  CaseReason,
  CaseResponseClock,
  CaseStatus,
  ComplaintClass,
  RequirementStatus,
} from '../../gql/graphql.js';
import type { Language } from '../../i18n/dictionary.js';
import { useI18n } from '../../i18n/i18n.js';

/** Labels of the cases list and the case page (Russian must have every key). */
const en = {
  list: {
    heading: 'Cases',
    intro: 'Unhappy feedback with an owner and a response deadline.',
    loadFailed: 'Could not load the cases.',
    empty: 'No case matches these filters.',
    emptyAll: 'No cases yet: they open by themselves on complaints and unhappy scores.',
    count: (total: number, lang: Language) =>
      `${new Intl.NumberFormat(lang).format(total)} ${
        lang === 'ru'
          ? plural('ru', total, { one: 'обращение', few: 'обращения', many: 'обращений' })
          : plural('en', total, { one: 'case', other: 'cases' })
      }`,
    next: 'Next page',
    first: 'First page',
    opened: 'Opened',
    clock: 'Response deadline',
    status: 'Status',
    reason: 'Reason',
    account: 'Account',
    department: 'Department',
    owner: 'Owner',
    escalation: 'Escalation',
    noOwner: 'No owner',
    noDepartment: 'No department',
    noEscalation: 'none',
    escalated: 'Escalated',
    reminded: 'Reminded',
  },
  filters: {
    legend: 'Filters',
    status: 'Status',
    department: 'Department',
    overdue: 'Only overdue',
    sort: 'Order',
    sortOpened: 'Newest first',
    sortDue: 'Deadline soonest first',
    any: 'Any',
    clear: 'Clear filters',
  },
  clock: {
    left: (duration: string) => `${duration} left`,
    overdueBy: (duration: string) => `Overdue by ${duration}`,
    dueNow: 'Due now',
    met: 'Met',
    missed: 'Missed',
    due: (date: string) => `due ${date}`,
    answered: (date: string) => `answered ${date}`,
  },
  clockState: {
    RUNNING: 'Running',
    OVERDUE: 'Overdue',
    MET: 'Met',
    MISSED: 'Missed',
  } satisfies Record<CaseResponseClock, string>,
  status: {
    OPEN: 'Open',
    RESPONDED: 'Responded',
    RESOLVED: 'Resolved',
  } satisfies Record<CaseStatus, string>,
  reason: {
    COMPLAINT: 'Complaint',
    DETRACTOR: 'Detractor (NPS)',
    LOW_CSI: 'Low satisfaction (CSI)',
    HIGH_EFFORT: 'High effort (CES)',
  } satisfies Record<CaseReason, string>,
  complaintClass: {
    DELIVERY_DISCIPLINE: 'Delivery discipline',
    DETERIORATION: 'Deterioration',
    QUALITY: 'Quality',
    SERVICE: 'Service',
  } satisfies Record<ComplaintClass, string>,
  requirementStatus: {
    ACTIVE: 'active',
    RETIRED: 'retired',
  } satisfies Record<RequirementStatus, string>,
  detail: {
    back: 'Back to the cases',
    heading: (account: string) => `Case: ${account}`,
    loadFailed: 'Could not load the case.',
    notFound: 'There is no such case, or you may not see it.',
    facts: 'The case',
    feedback: 'The feedback',
    noText: 'The feedback has no text.',
    received: 'Received',
    channel: 'Channel',
    scores: 'Scores',
    complaintClass: 'Complaint class',
    processClass: 'Process class',
    account: 'Account',
    segment: 'Segment',
    requirement: 'Special requirement in play',
    requirementNote: 'Its shorter deadline applies to this case.',
    times: 'Times',
    sla: 'Time allowed to answer',
    firstResponse: 'First response',
    resolution: 'Resolution',
    timeToFirstResponse: 'Time to first response',
    timeToResolution: 'Time to resolution',
    notYet: 'not yet',
    resolutionNote: 'Resolution note sent to the client',
  },
};

/** `n`'s plural form in `lang` (ru: one/few/many) picked from `forms`, `other` as the fallback. */
export function plural(
  lang: Language,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>>,
) {
  const form = new Intl.PluralRules(lang).select(n);
  return forms[form] ?? forms.other ?? forms.many ?? '';
}

export type CasesText = typeof en;

const ru: CasesText = {
  list: {
    heading: 'Обращения',
    intro: 'Недовольные отзывы с ответственным и сроком ответа клиенту.',
    loadFailed: 'Не удалось загрузить обращения.',
    empty: 'Нет обращений, подходящих под фильтры.',
    emptyAll: 'Обращений пока нет: они открываются сами на жалобы и низкие оценки.',
    count: en.list.count,
    next: 'Следующая страница',
    first: 'Первая страница',
    opened: 'Открыто',
    clock: 'Срок ответа',
    status: 'Статус',
    reason: 'Причина',
    account: 'Клиент',
    department: 'Подразделение',
    owner: 'Ответственный',
    escalation: 'Эскалация',
    noOwner: 'Без ответственного',
    noDepartment: 'Без подразделения',
    noEscalation: 'нет',
    escalated: 'Эскалировано',
    reminded: 'Напомнили',
  },
  filters: {
    legend: 'Фильтры',
    status: 'Статус',
    department: 'Подразделение',
    overdue: 'Только просроченные',
    sort: 'Порядок',
    sortOpened: 'Сначала новые',
    sortDue: 'Сначала ближайший срок',
    any: 'Любой',
    clear: 'Сбросить фильтры',
  },
  clock: {
    left: (duration: string) => `Осталось: ${duration}`,
    overdueBy: (duration: string) => `Просрочено: ${duration}`,
    dueNow: 'Срок истекает',
    met: 'Срок соблюдён',
    missed: 'Срок нарушен',
    due: (date: string) => `срок ${date}`,
    answered: (date: string) => `ответ ${date}`,
  },
  clockState: {
    RUNNING: 'Идёт',
    OVERDUE: 'Просрочено',
    MET: 'Соблюдён',
    MISSED: 'Нарушен',
  },
  status: {
    OPEN: 'Открыто',
    RESPONDED: 'Дан ответ',
    RESOLVED: 'Решено',
  },
  reason: {
    COMPLAINT: 'Жалоба',
    DETRACTOR: 'Критик (NPS)',
    LOW_CSI: 'Низкая удовлетворённость (CSI)',
    HIGH_EFFORT: 'Высокие усилия (CES)',
  },
  complaintClass: {
    DELIVERY_DISCIPLINE: 'Дисциплина поставок',
    DETERIORATION: 'Ухудшение',
    QUALITY: 'Качество',
    SERVICE: 'Сервис',
  },
  requirementStatus: {
    ACTIVE: 'действует',
    RETIRED: 'отменено',
  },
  detail: {
    back: 'К списку обращений',
    heading: (account: string) => `Обращение: ${account}`,
    loadFailed: 'Не удалось загрузить обращение.',
    notFound: 'Такого обращения нет, или оно вам недоступно.',
    facts: 'Обращение',
    feedback: 'Отзыв',
    noText: 'У отзыва нет текста.',
    received: 'Получен',
    channel: 'Канал',
    scores: 'Оценки',
    complaintClass: 'Класс жалобы',
    processClass: 'Класс процессов',
    account: 'Клиент',
    segment: 'Сегмент',
    requirement: 'Действует особое требование',
    requirementNote: 'К этому обращению применяется его более короткий срок.',
    times: 'Сроки',
    sla: 'Время на ответ',
    firstResponse: 'Первый ответ',
    resolution: 'Решение',
    timeToFirstResponse: 'Время до первого ответа',
    timeToResolution: 'Время до решения',
    notYet: 'ещё нет',
    resolutionNote: 'Ответ клиенту о решении',
  },
};

const texts: Record<Language, CasesText> = { en, ru };

export function useCasesText(): CasesText {
  return texts[useI18n().lang];
}
