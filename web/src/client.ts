import { cacheExchange, type KeyingConfig } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';
import { createLiveSocket, liveExchange, liveUrl } from './shared/live.js';

/**
 * Types without an identity of their own: graphcache stores them inside their parent instead of
 * warning about a missing key. Every `Node` type is keyed by its global `id` without listing it.
 * A new connection type is one more entry in `connections`.
 */
const connections = [
  'FeedbackItem',
  'ClientAccount',
  'Initiative',
  'User',
  'ProcessClass',
  'Segment',
  'PeriodFigure',
  'Analysis',
];
/** The analytics reports the dashboard reads: computed answers, not stored objects. */
const analyticsReports = [
  'PeriodFigure',
  'ScaleAlignment',
  'AlignedAccountScore',
  'MarginAtRisk',
  'MarginAtRiskTotal',
  'SegmentMarginAtRisk',
  'Coverage',
  'RespondentClassCoverage',
  'ComputableShareSeries',
  'ComputableSharePoint',
  'ProcessGroupMaturity',
  'MaturityCriterion',
  'FinanceLinkageReport',
  'FinanceDivergentAccount',
];
/** What the department inbox and the council portal read without an identity of its own. */
const inboxAndCouncil = [
  'CouncilAgenda',
  'CouncilAgendaTask',
  'CouncilAgendaTarget',
  'MilestoneCount',
  ...['InitiativeTask', 'Case', 'InboxEntry', 'Department'].flatMap((node) => [
    `${node}Connection`,
    `${node}Edge`,
  ]),
];
const embeddedTypes = [
  'PageInfo',
  'SubmitFeedbackPayload',
  // Measured per initiative and measure; no identity of its own.
  'InitiativeEffect',
  ...analyticsReports,
  ...inboxAndCouncil,
  ...connections.flatMap((node) => [`${node}Connection`, `${node}Edge`]),
];
const keys: KeyingConfig = Object.fromEntries(embeddedTypes.map((type) => [type, () => null]));

/** The CSRF token the server set at sign-in (cookie `cx_csrf`), or empty when signed out. */
export function csrfToken(): string {
  const match = /(?:^|;\s*)cx_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1] ?? '') : '';
}

/**
 * The one urql client of the web app, with a normalised cache; subscriptions go over a
 * WebSocket to the same origin (`shared/live.ts`), opened only while one is followed.
 */
export function createClient(url = '/graphql', socketUrl = liveUrl(window.location, url)): Client {
  return new Client({
    url,
    // Apollo's CSRF prevention refuses simple GET requests; POST with JSON is never "simple".
    preferGetMethod: false,
    // The session cookie travels by itself; its CSRF token goes back in a header (double submit).
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'apollo-require-preflight': 'true', 'x-csrf-token': csrfToken() },
    }),
    exchanges: [
      cacheExchange({
        keys,
        updates: {
          Mutation: {
            // A new item belongs at the top of every feedback list; let them refetch.
            submitFeedback(_result, _args, cache) {
              for (const field of cache.inspectFields('Query')) {
                if (field.fieldName === 'feedbackItems') {
                  cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
                }
              }
            },
          },
        },
      }),
      fetchExchange,
      liveExchange(createLiveSocket(socketUrl, csrfToken)),
    ],
  });
}
