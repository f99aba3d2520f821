import type { UserRole } from '../gql/graphql.js';
import type { Language } from '../i18n/dictionary.js';
import { useI18n } from '../i18n/i18n.js';

/** Labels of the app shell and its navigation, per language (Russian must have every key). */
const en = {
  skipLink: 'Skip to content',
  navigation: 'Surfaces',
  signedInAs: 'Signed in as',
  nav: {
    board: 'Initiative board',
    cases: 'Cases',
    dashboard: 'Dashboard',
    feedback: 'Feedback',
    explorer: 'API explorer',
    inbox: 'Inbox',
    council: 'Council portal',
  },
  placeholder: 'This surface is being built.',
  notFound: 'There is no page at this address.',
  role: {
    CX_ADMIN: 'CX office administrator',
    CX_MANAGER: 'CX office manager',
    DEPARTMENT_MEMBER: 'Department member',
    COUNCIL_MEMBER: 'Council member',
  } satisfies Record<UserRole, string>,
  tokenViewer: 'API token',
};

export type ShellText = typeof en;

const ru: ShellText = {
  skipLink: 'Перейти к содержимому',
  navigation: 'Разделы',
  signedInAs: 'Вы вошли как',
  nav: {
    board: 'Доска инициатив',
    cases: 'Обращения',
    dashboard: 'Панель показателей',
    feedback: 'Отзывы',
    explorer: 'Обозреватель API',
    inbox: 'Входящие',
    council: 'Портал совета',
  },
  placeholder: 'Этот раздел в разработке.',
  notFound: 'По этому адресу страницы нет.',
  role: {
    CX_ADMIN: 'Администратор CX-офиса',
    CX_MANAGER: 'Менеджер CX-офиса',
    DEPARTMENT_MEMBER: 'Сотрудник подразделения',
    COUNCIL_MEMBER: 'Член клиентского совета',
  },
  tokenViewer: 'API-токен',
};

const texts: Record<Language, ShellText> = { en, ru };

export function useShellText(): ShellText {
  return texts[useI18n().lang];
}
