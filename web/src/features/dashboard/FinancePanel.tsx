import {
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { ChartBox, ChartSection, DataTable } from './ChartSection.js';
import { MONEY_AXIS_WIDTH, useFormats } from './format.js';
import type { Span } from './span.js';

const FinanceQuery = graphql(`
  query DashboardFinance($linkage: FinanceLinkageInput!, $figures: PeriodFigureFilter!) {
    financeLinkage(input: $linkage) {
      divergentAccounts {
        account {
          id
        }
      }
    }
    periodFigures(filter: $figures, first: 100) {
      nodes {
        account {
          id
          name
        }
        nps
        grossMargin
      }
    }
  }
`);

/**
 * Satisfaction (NPS) vs gross margin per account in the span's last month (`periodFigures`,
 * level ACCOUNT), with the accounts `financeLinkage` finds divergent (satisfaction rising while
 * payments do not) drawn apart.
 */
export function FinancePanel({ span }: { span: Span }) {
  const { t } = useI18n();
  const f = useFormats();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: FinanceQuery,
    variables: {
      linkage: { periodFrom: span.from, periodTo: span.to, satisfactionMetric: 'NPS' },
      figures: { level: 'ACCOUNT', periodFrom: span.to, periodTo: span.to },
    },
  });
  const divergent = new Set(
    data?.financeLinkage.divergentAccounts.map((entry) => entry.account.id) ?? [],
  );
  const rows = (data?.periodFigures.nodes ?? []).flatMap((row) =>
    row.account && row.nps != null && row.grossMargin != null
      ? [
          {
            id: row.account.id,
            name: row.account.name,
            nps: row.nps,
            grossMargin: row.grossMargin,
            divergent: divergent.has(row.account.id),
          },
        ]
      : [],
  );
  return (
    <ChartSection
      id="dashboard-finance"
      title={t.dashboard.finance.heading}
      fetching={fetching}
      error={error}
      empty={rows.length === 0}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      <ChartBox>
        <ResponsiveContainer initialDimension={{ width: 600, height: 280 }}>
          <ScatterChart
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="nps"
              name={t.dashboard.finance.satisfaction}
              tickFormatter={(value: number) => f.number(value)}
            />
            <YAxis
              type="number"
              dataKey="grossMargin"
              name={t.dashboard.finance.margin}
              tickFormatter={f.compactMoney}
              width={MONEY_AXIS_WIDTH}
            />
            <Tooltip
              formatter={(value, _name, item) =>
                item.dataKey === 'grossMargin' ? f.money(Number(value)) : f.number(Number(value))
              }
            />
            <Legend />
            <Scatter
              isAnimationActive={false}
              data={rows.filter((row) => !row.divergent)}
              fill="#2456c7"
              name={t.dashboard.finance.ordinary}
            />
            <Scatter
              isAnimationActive={false}
              data={rows.filter((row) => row.divergent)}
              fill="#b3261e"
              shape="diamond"
              name={t.dashboard.finance.divergent}
            />
          </ScatterChart>
        </ResponsiveContainer>
      </ChartBox>
      <DataTable
        caption={t.dashboard.finance.heading}
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          { header: t.dashboard.account, cell: (row) => row.name },
          { header: t.dashboard.finance.satisfaction, cell: (row) => f.number(row.nps) },
          { header: t.dashboard.finance.margin, cell: (row) => f.money(row.grossMargin) },
          {
            header: t.dashboard.finance.divergent,
            cell: (row) => (row.divergent ? '✓' : ''),
          },
        ]}
      />
    </ChartSection>
  );
}
