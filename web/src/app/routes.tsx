import type { ReactNode } from 'react';
import type { UserRole } from '../gql/graphql.js';
import { BoardPage } from '../features/board/BoardPage.js';
import { CaseDetailPage } from '../features/cases/CaseDetailPage.js';
import { CasesPage } from '../features/cases/CasesPage.js';
import { CouncilInitiativePage, CouncilPage } from '../features/council/CouncilPage.js';
import { DashboardPage } from '../features/dashboard/index.js';
import { FeedbackPage } from '../features/feedback/FeedbackPage.js';
import { InboxCasePage, InboxTaskPage } from '../features/inbox/InboxDetailPages.js';
import { InboxPage } from '../features/inbox/InboxPage.js';
import { InitiativePage } from '../features/initiative/InitiativePage.js';
import type { ShellText } from './app.i18n.js';
import { Placeholder } from './Placeholder.js';

const CX_OFFICE: UserRole[] = ['CX_ADMIN', 'CX_MANAGER'];

/**
 * Every surface of the web client: its path, what renders there, who sees it in the navigation
 * (`nav` absent: reachable by link only), and whether the hub serves it outside this app
 * (`external`: a full page load). Adding a surface is one line here.
 */
export interface Surface {
  path: string;
  element: ReactNode;
  nav?: keyof ShellText['nav'];
  roles: UserRole[];
  external?: boolean;
}

export const routes: Surface[] = [
  { path: '/board', element: <BoardPage />, nav: 'board', roles: CX_OFFICE },
  { path: '/initiatives/:id', element: <InitiativePage />, roles: CX_OFFICE },
  { path: '/cases', element: <CasesPage />, nav: 'cases', roles: CX_OFFICE },
  { path: '/cases/:id', element: <CaseDetailPage />, roles: CX_OFFICE },
  { path: '/dashboard', element: <DashboardPage />, nav: 'dashboard', roles: CX_OFFICE },
  { path: '/feedback', element: <FeedbackPage />, nav: 'feedback', roles: CX_OFFICE },
  {
    path: '/explorer',
    element: <Placeholder />,
    nav: 'explorer',
    roles: CX_OFFICE,
    external: true,
  },
  { path: '/inbox', element: <InboxPage />, nav: 'inbox', roles: ['DEPARTMENT_MEMBER'] },
  { path: '/inbox/tasks/:id', element: <InboxTaskPage />, roles: ['DEPARTMENT_MEMBER'] },
  { path: '/inbox/cases/:id', element: <InboxCasePage />, roles: ['DEPARTMENT_MEMBER'] },
  { path: '/council', element: <CouncilPage />, nav: 'council', roles: ['COUNCIL_MEMBER'] },
  {
    path: '/council/initiatives/:id',
    element: <CouncilInitiativePage />,
    roles: ['COUNCIL_MEMBER'],
  },
];

/** Where `/` leads: the first surface in the navigation of the role, else the feedback page. */
export function homePath(role: UserRole | null | undefined): string {
  const first = routes.find((r) => r.nav && role && r.roles.includes(role));
  return first?.path ?? '/feedback';
}

/** The navigation entries a role may use, in table order. */
export function navFor(role: UserRole | null | undefined): Surface[] {
  return routes.filter((r) => r.nav && role && r.roles.includes(role));
}
