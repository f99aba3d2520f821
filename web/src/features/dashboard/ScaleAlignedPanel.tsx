import {
  CartesianGrid,
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
import { useFormats } from './format.js';
import type { Span } from './span.js';

const ScaleAlignedQuery = graphql(`
  query DashboardScaleAligned($input: ScaleAlignmentInput!) {
    scaleAlignedScores(input: $input) {
      spearman
      accounts {
        account {
          id
          name
        }
        raw
        aligned
        rankShift
        responses
      }
    }
  }
`);

/** Raw vs scale-aligned NPS per account (`scaleAlignedScores`): off the diagonal, rankings differ. */
export function ScaleAlignedPanel({ span }: { span: Span }) {
  const { t } = useI18n();
  const f = useFormats();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ScaleAlignedQuery,
    variables: { input: { metric: 'NPS', periodFrom: span.from, periodTo: span.to } },
  });
  const report = data?.scaleAlignedScores;
  const rows = report?.accounts ?? [];
  const name = (row: (typeof rows)[number]) => row.account?.name ?? t.dashboard.unnamedAccount;
  return (
    <ChartSection
      id="dashboard-scale"
      title={t.dashboard.scale.heading}
      fetching={fetching}
      error={error}
      empty={rows.length === 0}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      note={
        report && rows.length > 0
          ? `${t.dashboard.scale.spearman}: ${f.number(report.spearman, 2)}`
          : undefined
      }
    >
      <ChartBox>
        <ResponsiveContainer initialDimension={{ width: 600, height: 280 }}>
          <ScatterChart
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="raw"
              name={t.dashboard.scale.raw}
              tickFormatter={(value: number) => f.number(value)}
            />
            <YAxis
              type="number"
              dataKey="aligned"
              name={t.dashboard.scale.aligned}
              tickFormatter={(value: number) => f.number(value)}
            />
            <Tooltip formatter={(value) => f.number(Number(value))} />
            <Scatter
              isAnimationActive={false}
              data={rows}
              fill="#2456c7"
              name={t.dashboard.scale.aligned}
            />
          </ScatterChart>
        </ResponsiveContainer>
      </ChartBox>
      <DataTable
        caption={t.dashboard.scale.heading}
        rows={rows}
        rowKey={(row, i) => row.account?.id ?? `hidden-${i}`}
        columns={[
          { header: t.dashboard.account, cell: name },
          { header: t.dashboard.scale.raw, cell: (row) => f.number(row.raw) },
          { header: t.dashboard.scale.aligned, cell: (row) => f.number(row.aligned) },
          { header: t.dashboard.scale.rankShift, cell: (row) => f.number(row.rankShift) },
        ]}
      />
    </ChartSection>
  );
}
