// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { ReactNode } from 'react';
import { CombinedError, Provider, type Client } from 'urql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { concat, fromValue, never } from 'wonka';
import { ComputableSharePanel } from '../../web/src/features/dashboard/ComputableSharePanel.js';
import { CoveragePanel } from '../../web/src/features/dashboard/CoveragePanel.js';
import { DashboardPage } from '../../web/src/features/dashboard/DashboardPage.js';
import { FinancePanel } from '../../web/src/features/dashboard/FinancePanel.js';
import {
  MarginAtRiskPanel,
  wrapLabel,
} from '../../web/src/features/dashboard/MarginAtRiskPanel.js';
import { MaturityPanel } from '../../web/src/features/dashboard/MaturityPanel.js';
import { JourneyHeatMapPanel, ParetoPanel } from '../../web/src/features/dashboard/ParetoPanels.js';
import { heatCells, paretoCauses } from '../../web/src/features/dashboard/pareto.js';
import { ScaleAlignedPanel } from '../../web/src/features/dashboard/ScaleAlignedPanel.js';
import { TrendPanel } from '../../web/src/features/dashboard/TrendPanel.js';
import { I18nProvider } from '../../web/src/i18n/i18n.js';

type Answer = { data?: unknown; error?: unknown };

/** An urql client that answers each operation, by name, with the given data (or nothing). */
function stubClient(answers: Record<string, Answer>): { client: Client; asked: string[] } {
  const asked: string[] = [];
  const client = {
    executeQuery: ({ query, variables }: { query: DocumentNode; variables: unknown }) => {
      const operation = query.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      );
      const name = operation?.name?.value ?? '';
      asked.push(`${name} ${JSON.stringify(variables)}`);
      const answer = answers[name];
      // A live query's source stays open (urql clears an error when it ends).
      return concat([
        fromValue({
          operation: { kind: 'query', query, variables, key: 1, context: {} },
          data: answer?.data,
          error: answer?.error,
          stale: false,
          hasNext: false,
        }),
        never,
      ]);
    },
    executeMutation: () => fromValue({}),
    executeSubscription: () => fromValue({}),
  } as unknown as Client;
  return { client, asked };
}

function renderWith(answers: Record<string, Answer>, ui: ReactNode) {
  const { client, asked } = stubClient(answers);
  const result = render(
    <Provider value={client}>
      <I18nProvider>{ui}</I18nProvider>
    </Provider>,
  );
  return { ...result, asked };
}

/** The rows of a panel's text alternative (the visually hidden table), as cell texts. */
function hiddenRows(heading: string): string[][] {
  const section = screen.getByRole('region', { name: heading });
  const table = section.querySelector('.visually-hidden table');
  if (!table) throw new Error(`no text alternative in "${heading}"`);
  return [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
  );
}

function chartDrawn(heading: string): boolean {
  const section = screen.getByRole('region', { name: heading });
  return section.querySelector('.chart-box svg') !== null;
}

const span = { from: '2026-01', to: '2026-03' };

beforeEach(() => {
  window.localStorage.setItem('cx-hub.lang', 'en');
});
afterEach(cleanup);

describe('dashboard charts', () => {
  it('trend: draws NPS and CSI per month and lists them, asking for the company in the span', () => {
    const { asked } = renderWith(
      {
        DashboardTrend: {
          data: {
            periodFigures: {
              nodes: [
                { period: '2026-01', nps: 12.5, csi: 71.25, responses: 40 },
                { period: '2026-02', nps: -3, csi: null, responses: 7 },
              ],
            },
          },
        },
      },
      <TrendPanel span={span} />,
    );
    expect(asked[0]).toContain('"level":"COMPANY"');
    expect(asked[0]).toContain('"periodFrom":"2026-01"');
    expect(chartDrawn('NPS and CSI trend (company)')).toBe(true);
    expect(hiddenRows('NPS and CSI trend (company)')).toEqual([
      ['Jan 2026', '12.5', '71.3', '40'],
      ['Feb 2026', '-3', '—', '7'],
    ]);
  });

  it('trend: Russian number and month formats', () => {
    window.localStorage.setItem('cx-hub.lang', 'ru');
    renderWith(
      {
        DashboardTrend: {
          data: {
            periodFigures: { nodes: [{ period: '2026-01', nps: 12.5, csi: 1, responses: 1 }] },
          },
        },
      },
      <TrendPanel span={span} />,
    );
    const [row] = hiddenRows('Динамика NPS и CSI (компания)');
    expect(row?.[0]).toMatch(/янв/);
    expect(row?.[1]).toBe('12,5');
  });

  it('trend: the empty state when the API answers no months, and no chart', () => {
    renderWith(
      { DashboardTrend: { data: { periodFigures: { nodes: [] } } } },
      <TrendPanel span={span} />,
    );
    const section = screen.getByRole('region', { name: 'NPS and CSI trend (company)' });
    expect(within(section).getByText('No data for these months yet.')).toBeTruthy();
    expect(section.querySelector('svg')).toBeNull();
  });

  it('a refusal is explained with its code and message, with a retry', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'Not allowed for your role.', extensions: { code: 'FORBIDDEN' } }],
    });
    renderWith({ DashboardMarginAtRisk: { error } }, <MarginAtRiskPanel />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('FORBIDDEN');
    expect(alert.textContent).toContain('Not allowed for your role.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('scale-aligned vs raw: one point per account, listed with the rank shift', () => {
    renderWith(
      {
        DashboardScaleAligned: {
          data: {
            scaleAlignedScores: {
              spearman: 0.8,
              accounts: [
                {
                  account: { id: 'a1', name: 'Acme' },
                  raw: 40,
                  aligned: 55.5,
                  rankShift: 2,
                  responses: 9,
                },
                { account: null, raw: 10, aligned: 5, rankShift: -1, responses: 3 },
              ],
            },
          },
        },
      },
      <ScaleAlignedPanel span={span} />,
    );
    const heading = 'Scale-aligned vs raw NPS per account';
    expect(chartDrawn(heading)).toBe(true);
    expect(hiddenRows(heading)).toEqual([
      ['Acme', '40', '55.5', '2'],
      ['Account not visible to you', '10', '5', '-1'],
    ]);
    expect(screen.getByText('Rank agreement (Spearman): 0.8')).toBeTruthy();
  });

  const paretoData = {
    analyses: {
      nodes: [
        {
          id: 'an1',
          periodFrom: '2026-02',
          periodTo: '2026-02',
          result: {
            causes: [
              {
                rank: 1,
                complaintClass: 'DELIVERY',
                processClassCode: 'LOGISTICS',
                stage: 'POST_SALE',
                segmentCode: 'KEY',
                count: 6,
                share: 0.6,
                cumulativeShare: 0.6,
                vital: true,
              },
              {
                rank: 2,
                complaintClass: 'QUALITY',
                processClassCode: 'LOGISTICS',
                stage: 'POST_SALE',
                segmentCode: 'SMB',
                count: 3,
                share: 0.3,
                cumulativeShare: 0.9,
                vital: false,
              },
              {
                rank: 3,
                complaintClass: 'PRICE',
                processClassCode: 'SALES',
                stage: 'EVALUATION_AND_DEAL',
                segmentCode: 'KEY',
                count: 1,
                share: 0.1,
                cumulativeShare: 1,
                vital: false,
              },
            ],
            vitalFew: 1,
          },
        },
      ],
    },
  };

  it('Pareto: bars and cumulative share of the latest analysis, listed with the vital few', () => {
    renderWith({ DashboardLatestPareto: { data: paretoData } }, <ParetoPanel />);
    const heading = 'Pareto of dissatisfaction causes (latest analysis)';
    expect(chartDrawn(heading)).toBe(true);
    expect(hiddenRows(heading)).toEqual([
      ['1', 'DELIVERY · LOGISTICS · KEY · Post-sale', '6', '60%', '✓'],
      ['2', 'QUALITY · LOGISTICS · SMB · Post-sale', '3', '90%', ''],
      ['3', 'PRICE · SALES · KEY · Evaluation and deal', '1', '100%', ''],
    ]);
    expect(screen.getByText('Analysis of Feb 2026')).toBeTruthy();
  });

  it('Pareto: an analysis recorded over several months names its first and last month', () => {
    const node = { ...paretoData.analyses.nodes[0]!, periodFrom: '2025-12', periodTo: '2026-08' };
    renderWith(
      { DashboardLatestPareto: { data: { analyses: { nodes: [node] } } } },
      <ParetoPanel />,
    );
    expect(screen.getByText('Analysis of Dec 2025 – Aug 2026')).toBeTruthy();
  });

  it('Pareto: the chart draws the 40 largest of many causes, the text alternative lists all', () => {
    const causes = Array.from({ length: 50 }, (_, i) => ({
      rank: i + 1,
      complaintClass: 'DELIVERY',
      processClassCode: `PC${i + 1}`,
      stage: 'USAGE',
      segmentCode: 'KEY',
      count: 50 - i,
      share: 0.01,
      cumulativeShare: Math.min(1, (i + 1) / 50),
      vital: i < 20,
    }));
    const node = { ...paretoData.analyses.nodes[0]!, result: { causes, vitalFew: 20 } };
    const answers = { DashboardLatestPareto: { data: { analyses: { nodes: [node] } } } };
    const heading = 'Pareto of dissatisfaction causes (latest analysis)';
    const { unmount } = renderWith(answers, <ParetoPanel />);
    const section = screen.getByRole('region', { name: heading });
    expect(section.querySelectorAll('.chart-box .recharts-bar-rectangle')).toHaveLength(40);
    expect(hiddenRows(heading)).toHaveLength(50);
    expect(
      screen.getByText(
        /The 40 largest of 50 causes are drawn; all are listed for screen readers\./,
      ),
    ).toBeTruthy();
    unmount();
    window.localStorage.setItem('cx-hub.lang', 'ru');
    renderWith(answers, <ParetoPanel />);
    expect(screen.getByText(/На графике 40 крупнейших из 50 причин;/)).toBeTruthy();
  });

  it('journey heat map: the Pareto counts per stage × process class', () => {
    renderWith({ DashboardLatestPareto: { data: paretoData } }, <JourneyHeatMapPanel />);
    const section = screen.getByRole('region', { name: /Journey heat map/ });
    const rows = [...section.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    // Columns: process class, Awareness, Evaluation and deal, Post-sale, Usage.
    expect(rows).toEqual([
      ['LOGISTICS', '0', '0', '9', '0'],
      ['SALES', '0', '1', '0', '0'],
    ]);
  });

  it('Pareto and heat map: the empty state when no analysis was recorded', () => {
    renderWith(
      { DashboardLatestPareto: { data: { analyses: { nodes: [] } } } },
      <>
        <ParetoPanel />
        <JourneyHeatMapPanel />
      </>,
    );
    expect(screen.getAllByText('No data for these months yet.')).toHaveLength(2);
  });

  it('satisfaction vs margin: divergent accounts are marked, in the chart legend and the list', () => {
    renderWith(
      {
        DashboardFinance: {
          data: {
            financeLinkage: { divergentAccounts: [{ account: { id: 'a2' } }] },
            periodFigures: {
              nodes: [
                { account: { id: 'a1', name: 'Acme' }, nps: 30, grossMargin: 120000 },
                { account: { id: 'a2', name: 'Borey' }, nps: 60, grossMargin: 50000 },
                { account: { id: 'a3', name: 'Silent' }, nps: null, grossMargin: 1000 },
              ],
            },
          },
        },
      },
      <FinancePanel span={span} />,
    );
    const heading = 'Satisfaction vs gross margin per account (last month)';
    expect(chartDrawn(heading)).toBe(true);
    expect(hiddenRows(heading)).toEqual([
      ['Acme', '30', '120,000', ''],
      ['Borey', '60', '50,000', '✓'],
    ]);
  });

  /** The tick labels a chart drew on its axes. */
  function tickTexts(heading: string): string[] {
    const section = screen.getByRole('region', { name: heading });
    return [...section.querySelectorAll('.recharts-cartesian-axis-tick-value')].map(
      (tick) => tick.textContent ?? '',
    );
  }

  const millions = {
    DashboardFinance: {
      data: {
        financeLinkage: { divergentAccounts: [] },
        periodFigures: {
          nodes: [
            { account: { id: 'a1', name: 'Acme' }, nps: -40, grossMargin: 250_000 },
            { account: { id: 'a2', name: 'Borey' }, nps: 80, grossMargin: 1_500_000 },
          ],
        },
      },
    },
    DashboardMarginAtRisk: {
      data: {
        marginAtRisk: {
          period: '2026-04',
          total: { margin: 2_000_000, marginAtRisk: 500_000, shareAtRisk: 0.25 },
          segments: [
            {
              segment: { id: 's1', name: 'Key accounts' },
              margin: 2_000_000,
              marginAtRisk: 500_000,
              shareAtRisk: 0.25,
            },
          ],
        },
      },
    },
  };

  it.each([
    [
      'en',
      'Satisfaction vs gross margin per account (last month)',
      'Margin at risk per segment',
      /^\d+(\.\d)?[KM]$/,
    ],
    [
      'ru',
      'Удовлетворённость и валовая маржа по клиентам (последний месяц)',
      'Маржа под угрозой по сегментам',
      /^\d+(,\d)?\s(тыс\.|млн)$/,
    ],
  ])(
    'money axes tick in compact notation (%s), the list keeps the full figures',
    (lang, finance, atRisk, compact) => {
      window.localStorage.setItem('cx-hub.lang', lang);
      renderWith(
        millions,
        <>
          <FinancePanel span={span} />
          <MarginAtRiskPanel />
        </>,
      );
      for (const heading of [finance, atRisk]) {
        const money = tickTexts(heading).filter((tick) => compact.test(tick));
        expect(money.length, tickTexts(heading).join(' | ')).toBeGreaterThan(1);
        expect(tickTexts(heading).some((tick) => /\d[,\s]000\b/.test(tick))).toBe(false);
      }
      expect(hiddenRows(finance)[1]![2]).toMatch(/^1[,\s]500[,\s]000$/);
    },
  );

  it('margin at risk: horizontal bars with every segment name beside them, wrapped', () => {
    const segment = (id: string, name: string) => ({
      segment: { id, name },
      margin: 1_000_000,
      marginAtRisk: 200_000,
      shareAtRisk: 0.2,
    });
    renderWith(
      {
        DashboardMarginAtRisk: {
          data: {
            marginAtRisk: {
              period: '2026-04',
              total: { margin: 4_000_000, marginAtRisk: 800_000, shareAtRisk: 0.2 },
              segments: [
                segment('s1', 'Chemicals — large producers'),
                segment('s2', 'Construction — small firms'),
                segment('s3', 'Distributors & dealers'),
                segment('s4', 'Food and beverage manufacturers'),
              ],
            },
          },
        },
      },
      <MarginAtRiskPanel />,
    );
    const section = screen.getByRole('region', { name: 'Margin at risk per segment' });
    const names = [...section.querySelectorAll('.chart-box text.segment-name')];
    const lines = names.map((tick) =>
      [...tick.querySelectorAll('tspan')].map((line) => line.textContent ?? ''),
    );
    // Every name is drawn (none hidden for lack of room), in full, in lines of ≤ 18 characters.
    expect(lines.map((l) => l.join(' '))).toEqual([
      'Chemicals — large producers',
      'Construction — small firms',
      'Distributors & dealers',
      'Food and beverage manufacturers',
      'All segments',
    ]);
    expect(lines.flat().every((line) => line.length <= 18)).toBe(true);
    expect(lines[0]!.length).toBeGreaterThan(1);
  });

  it('wrapLabel breaks at spaces and keeps a long word whole', () => {
    expect(wrapLabel('Construction — small firms', 18)).toEqual(['Construction —', 'small firms']);
    expect(wrapLabel('Überlangesegmentname x', 10)).toEqual(['Überlangesegmentname', 'x']);
  });

  it('margin at risk: per segment and in total', () => {
    renderWith(
      {
        DashboardMarginAtRisk: {
          data: {
            marginAtRisk: {
              period: '2026-04',
              total: { margin: 1000, marginAtRisk: 250, shareAtRisk: 0.25 },
              segments: [
                {
                  segment: { id: 's1', name: 'Key accounts' },
                  margin: 1000,
                  marginAtRisk: 250,
                  shareAtRisk: 0.25,
                },
              ],
            },
          },
        },
      },
      <MarginAtRiskPanel />,
    );
    const heading = 'Margin at risk per segment';
    expect(chartDrawn(heading)).toBe(true);
    expect(hiddenRows(heading)).toEqual([
      ['Key accounts', '1,000', '250', '25%'],
      ['All segments', '1,000', '250', '25%'],
    ]);
    expect(screen.getByText('Forecast month: Apr 2026')).toBeTruthy();
  });

  it('margin at risk: empty when no segment has accounts', () => {
    renderWith(
      {
        DashboardMarginAtRisk: {
          data: {
            marginAtRisk: {
              period: null,
              total: { margin: 0, marginAtRisk: 0, shareAtRisk: null },
              segments: [],
            },
          },
        },
      },
      <MarginAtRiskPanel />,
    );
    expect(screen.getByText('No data for these months yet.')).toBeTruthy();
  });

  it('coverage: shares of accounts and revenue per respondent class', () => {
    renderWith(
      {
        DashboardCoverage: {
          data: {
            respondentCoverage: {
              accounts: 4,
              fullyCovered: 1,
              fullAccountShare: 0.25,
              fullRevenueShare: 0.4,
              classes: [
                {
                  respondentClass: 'ECONOMIC_BUYER',
                  accountShare: 0.5,
                  revenueShare: 0.75,
                  accountsHeard: 2,
                },
                { respondentClass: 'OPERATOR', accountShare: 1, revenueShare: 1, accountsHeard: 4 },
              ],
            },
          },
        },
      },
      <CoveragePanel span={span} />,
    );
    const heading = 'Coverage of respondent classes';
    expect(chartDrawn(heading)).toBe(true);
    expect(hiddenRows(heading)).toEqual([
      ['Economic buyer', '50%', '75%'],
      ['Operator', '100%', '100%'],
    ]);
  });

  it('computable share: one line per segment and stage, every month listed', () => {
    renderWith(
      {
        DashboardComputableShare: {
          data: {
            computableShare: [
              {
                segment: { id: 's1', name: 'Key' },
                stage: 'USAGE',
                rising: true,
                points: [
                  {
                    period: '2026-01',
                    computableShare: 0.5,
                    computableObservations: 5,
                    triggerObservations: 5,
                  },
                  {
                    period: '2026-02',
                    computableShare: 0.75,
                    computableObservations: 6,
                    triggerObservations: 2,
                  },
                ],
              },
            ],
          },
        },
      },
      <ComputableSharePanel span={span} />,
    );
    const heading = 'Computable vs trigger share of metric observations';
    expect(chartDrawn(heading)).toBe(true);
    expect(hiddenRows(heading)).toEqual([
      ['Key · Usage (rising)', 'Jan 2026', '5', '5', '50%'],
      ['Key · Usage (rising)', 'Feb 2026', '6', '2', '75%'],
    ]);
  });

  it('computable share: one segment at a time, picked above the chart, its legend in full below', () => {
    const point = (period: string, share: number) => ({
      period,
      computableShare: share,
      computableObservations: share * 10,
      triggerObservations: 10 - share * 10,
    });
    const entry = (id: string, name: string, stage: string | null, rising: boolean) => ({
      segment: { id, name },
      stage,
      rising,
      points: [point('2026-01', 0.5), point('2026-02', 0.6)],
    });
    renderWith(
      {
        DashboardComputableShare: {
          data: {
            computableShare: [
              entry('s1', 'Chemicals — large producers', 'POST_SALE', false),
              entry('s1', 'Chemicals — large producers', null, true),
              entry('s2', 'Construction — small firms', 'USAGE', false),
              entry('s2', 'Construction — small firms', 'POST_SALE', false),
              entry('s2', 'Construction — small firms', 'AWARENESS', false),
            ],
          },
        },
      },
      <ComputableSharePanel span={span} />,
    );
    const heading = 'Computable vs trigger share of metric observations';
    const section = screen.getByRole('region', { name: heading });
    const legend = () =>
      [...section.querySelectorAll('.chart-legend li')].map((li) => li.textContent);
    const picker = within(section).getByLabelText<HTMLSelectElement>('Segment');
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'Chemicals — large producers (rising)',
      'Construction — small firms',
    ]);
    expect(picker.value).toBe('s1');
    expect(legend()).toEqual(['Post-sale', 'metrics of no stage (rising)']);
    // recharts' own legend (cut at a fixed height) is gone.
    expect(section.querySelector('.recharts-legend-wrapper')).toBeNull();
    fireEvent.change(picker, { target: { value: 's2' } });
    expect(legend()).toEqual(['Usage', 'Post-sale', 'Awareness']);
    // The text alternative keeps every series of every segment.
    expect(hiddenRows(heading)).toHaveLength(10);
  });

  it('maturity: the radar and, per group, what is missing for the next level', () => {
    renderWith(
      {
        DashboardMaturity: {
          data: {
            maturity: [
              {
                processGroup: 'COLLECT',
                level: 2,
                missingForNextLevel: [
                  {
                    code: 'COLLECT_ACK_SLA',
                    level: 3,
                    criterion: 'Acknowledged within a day',
                    threshold: '≥ 90%',
                    figure: '72% acknowledged in time',
                  },
                ],
              },
              { processGroup: 'MONITOR', level: 5, missingForNextLevel: [] },
            ],
          },
        },
      },
      <MaturityPanel />,
    );
    const section = screen.getByRole('region', { name: 'Maturity per process group' });
    expect(section.querySelector('.chart-box svg')).not.toBeNull();
    expect(within(section).getByRole('heading', { name: 'Collect: Level 2' })).toBeTruthy();
    expect(
      within(section).getByText('Acknowledged within a day — ≥ 90% (72% acknowledged in time)'),
    ).toBeTruthy();
    expect(within(section).getByText('Top level reached.')).toBeTruthy();
  });

  it('the page asks every chart for the twelve complete months before today', () => {
    const { asked } = renderWith({}, <DashboardPage today={new Date('2026-05-15T10:00:00Z')} />);
    expect(screen.getByLabelText('From month')).toHaveProperty('value', '2025-05');
    expect(screen.getByLabelText('To month')).toHaveProperty('value', '2026-04');
    expect(asked.find((a) => a.startsWith('DashboardTrend'))).toContain(
      '"periodFrom":"2025-05","periodTo":"2026-04"',
    );
    expect(asked.map((a) => a.split(' ')[0]).sort()).toEqual(
      expect.arrayContaining([
        'DashboardComputableShare',
        'DashboardCoverage',
        'DashboardFinance',
        'DashboardLatestPareto',
        'DashboardMarginAtRisk',
        'DashboardMaturity',
        'DashboardScaleAligned',
        'DashboardTrend',
      ]),
    );
  });
});

describe('Pareto result reading', () => {
  it('leaves out malformed causes and sums the heat-map cells', () => {
    const causes = paretoCauses({
      causes: [
        {
          rank: 1,
          complaintClass: 'A',
          processClassCode: 'P',
          stage: 'USAGE',
          segmentCode: 'S',
          count: 2,
          share: 0.5,
          cumulativeShare: 0.5,
          vital: true,
        },
        {
          rank: 2,
          complaintClass: 'B',
          processClassCode: 'P',
          stage: 'USAGE',
          segmentCode: 'T',
          count: 2,
          share: 0.5,
          cumulativeShare: 1,
        },
        { rank: 3, complaintClass: 'C' },
        'junk',
      ],
    });
    expect(causes.map((c) => c.rank)).toEqual([1, 2]);
    expect(causes[1]?.vital).toBe(false);
    expect(heatCells(causes)).toEqual([{ stage: 'USAGE', processClassCode: 'P', count: 4 }]);
    expect(paretoCauses(null)).toEqual([]);
    expect(paretoCauses({ causes: 'x' })).toEqual([]);
  });
});
