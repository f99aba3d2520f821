import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { ChartBox, ChartSection, DataTable } from './ChartSection.js';
import { useFormats } from './format.js';
import type { Span } from './span.js';

const TrendQuery = graphql(`
  query DashboardTrend($filter: PeriodFigureFilter!) {
    periodFigures(filter: $filter, first: 100) {
      nodes {
        period
        nps
        csi
        responses
      }
    }
  }
`);

/** NPS and CSI of the company per month (`periodFigures`, level COMPANY). */
export function TrendPanel({ span }: { span: Span }) {
  const { t } = useI18n();
  const f = useFormats();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TrendQuery,
    variables: { filter: { level: 'COMPANY', periodFrom: span.from, periodTo: span.to } },
  });
  const rows = data?.periodFigures.nodes ?? [];
  const points = rows.map((row) => ({ ...row, label: f.month(row.period) }));
  return (
    <ChartSection
      id="dashboard-trend"
      title={t.dashboard.trend.heading}
      fetching={fetching}
      error={error}
      empty={rows.length === 0}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      <ChartBox>
        <ResponsiveContainer initialDimension={{ width: 600, height: 280 }}>
          <LineChart
            accessibilityLayer={false}
            data={points}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis tickFormatter={(value: number) => f.number(value)} />
            <Tooltip formatter={(value) => f.number(Number(value))} />
            <Legend />
            <Line
              isAnimationActive={false}
              type="monotone"
              dataKey="nps"
              name={t.dashboard.trend.nps}
              stroke="#2456c7"
              connectNulls
            />
            <Line
              isAnimationActive={false}
              type="monotone"
              dataKey="csi"
              name={t.dashboard.trend.csi}
              stroke="#c2410c"
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartBox>
      <DataTable
        caption={t.dashboard.trend.heading}
        rows={rows}
        rowKey={(row) => row.period}
        columns={[
          { header: t.dashboard.month, cell: (row) => f.month(row.period) },
          { header: t.dashboard.trend.nps, cell: (row) => f.number(row.nps) },
          { header: t.dashboard.trend.csi, cell: (row) => f.number(row.csi) },
          {
            header: t.dashboard.trend.responses,
            cell: (row) => f.number(row.responses, 0),
          },
        ]}
      />
    </ChartSection>
  );
}
