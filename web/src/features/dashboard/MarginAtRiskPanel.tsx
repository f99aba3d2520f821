import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { ChartBox, ChartSection, DataTable } from './ChartSection.js';
import { MONEY_AXIS_WIDTH, useFormats } from './format.js';

const MarginAtRiskQuery = graphql(`
  query DashboardMarginAtRisk {
    marginAtRisk {
      period
      total {
        margin
        marginAtRisk
        shareAtRisk
      }
      segments {
        segment {
          id
          name
        }
        margin
        marginAtRisk
        shareAtRisk
      }
    }
  }
`);

/** Gross margin (12 months) and the part earned from accounts in the forecast's danger zone. */
export function MarginAtRiskPanel() {
  const { t } = useI18n();
  const f = useFormats();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MarginAtRiskQuery });
  const report = data?.marginAtRisk;
  const rows = [
    ...(report?.segments.map((row) => ({ key: row.segment.id, name: row.segment.name, ...row })) ??
      []),
    ...(report && report.segments.length > 0
      ? [{ key: 'total', name: t.dashboard.marginAtRisk.total, ...report.total }]
      : []),
  ];
  return (
    <ChartSection
      id="dashboard-margin-at-risk"
      title={t.dashboard.marginAtRisk.heading}
      fetching={fetching}
      error={error}
      empty={rows.length === 0}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      note={
        report?.period
          ? `${t.dashboard.marginAtRisk.forecast}: ${f.month(report.period)}`
          : undefined
      }
    >
      <ChartBox>
        <ResponsiveContainer initialDimension={{ width: 600, height: 280 }}>
          <BarChart
            accessibilityLayer={false}
            data={rows}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis tickFormatter={f.compactMoney} width={MONEY_AXIS_WIDTH} />
            <Tooltip formatter={(value) => f.money(Number(value))} />
            <Legend />
            <Bar dataKey="margin" name={t.dashboard.marginAtRisk.margin} fill="#9db4e8" />
            <Bar dataKey="marginAtRisk" name={t.dashboard.marginAtRisk.atRisk} fill="#b3261e" />
          </BarChart>
        </ResponsiveContainer>
      </ChartBox>
      <DataTable
        caption={t.dashboard.marginAtRisk.heading}
        rows={rows}
        rowKey={(row) => row.key}
        columns={[
          { header: t.dashboard.segment, cell: (row) => row.name },
          { header: t.dashboard.marginAtRisk.margin, cell: (row) => f.money(row.margin) },
          { header: t.dashboard.marginAtRisk.atRisk, cell: (row) => f.money(row.marginAtRisk) },
          { header: t.dashboard.marginAtRisk.share, cell: (row) => f.percent(row.shareAtRisk) },
        ]}
      />
    </ChartSection>
  );
}
