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
import { useFormats } from './format.js';
import type { Span } from './span.js';

const CoverageQuery = graphql(`
  query DashboardCoverage($input: CoverageInput!) {
    respondentCoverage(input: $input) {
      accounts
      fullyCovered
      fullAccountShare
      fullRevenueShare
      classes {
        respondentClass
        accountShare
        revenueShare
        accountsHeard
      }
    }
  }
`);

/** Which respondent classes were heard (`respondentCoverage`), as shares of accounts and revenue. */
export function CoveragePanel({ span }: { span: Span }) {
  const { t } = useI18n();
  const f = useFormats();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CoverageQuery,
    variables: { input: { periodFrom: span.from, periodTo: span.to } },
  });
  const report = data?.respondentCoverage;
  const rows = (report && report.accounts > 0 ? report.classes : []).map((row) => ({
    ...row,
    label: t.respondentClass[row.respondentClass],
  }));
  return (
    <ChartSection
      id="dashboard-coverage"
      title={t.dashboard.coverage.heading}
      fetching={fetching}
      error={error}
      empty={rows.length === 0}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      note={
        report && rows.length > 0
          ? `${t.dashboard.coverage.full}: ${f.number(report.fullyCovered, 0)} / ${f.number(report.accounts, 0)} (${f.percent(report.fullAccountShare)}; ${t.dashboard.coverage.revenueShare}: ${f.percent(report.fullRevenueShare)})`
          : undefined
      }
    >
      <ChartBox>
        <ResponsiveContainer initialDimension={{ width: 600, height: 280 }}>
          <BarChart
            accessibilityLayer={false}
            data={rows}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 1]} tickFormatter={f.percent} />
            <Tooltip formatter={(value) => f.percent(Number(value))} />
            <Legend />
            <Bar
              isAnimationActive={false}
              dataKey="accountShare"
              name={t.dashboard.coverage.accountShare}
              fill="#2456c7"
            />
            <Bar
              isAnimationActive={false}
              dataKey="revenueShare"
              name={t.dashboard.coverage.revenueShare}
              fill="#1f7a3a"
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartBox>
      <DataTable
        caption={t.dashboard.coverage.heading}
        rows={rows}
        rowKey={(row) => row.respondentClass}
        columns={[
          { header: t.dashboard.coverage.respondentClass, cell: (row) => row.label },
          { header: t.dashboard.coverage.accountShare, cell: (row) => f.percent(row.accountShare) },
          { header: t.dashboard.coverage.revenueShare, cell: (row) => f.percent(row.revenueShare) },
        ]}
      />
    </ChartSection>
  );
}
