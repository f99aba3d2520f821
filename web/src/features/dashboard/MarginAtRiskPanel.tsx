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

/** Width of the segment names beside the bars, and the characters a line of them holds. */
const NAME_AXIS_WIDTH = 150;
const NAME_LINE_CHARS = 18;

/** A label broken into lines of at most `max` characters, at spaces (a longer word stays whole). */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

/** A segment name beside its bars, wrapped so a long one is read in full. */
function NameTick({ x, y, payload }: { x?: number; y?: number; payload?: { value?: unknown } }) {
  const lines = wrapLabel(String(payload?.value ?? ''), NAME_LINE_CHARS);
  const first = -((lines.length - 1) * 0.6);
  return (
    <text className="segment-name" x={x} y={y} textAnchor="end" fontSize={12} fill="#444">
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${first + 0.35}em` : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * Gross margin (12 months) and the part earned from accounts in the forecast's danger zone, as
 * horizontal bars: the segment names stand beside them, wrapped, however many segments there are.
 */
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
  // Room for two bars and a wrapped name per segment, the axis and the legend.
  const height = Math.max(240, rows.length * 64 + 80);
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
      <ChartBox height={height}>
        <ResponsiveContainer initialDimension={{ width: 600, height }}>
          <BarChart
            accessibilityLayer={false}
            data={rows}
            layout="vertical"
            margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={f.compactMoney} />
            <YAxis
              type="category"
              dataKey="name"
              width={NAME_AXIS_WIDTH}
              interval={0}
              tick={<NameTick />}
            />
            <Tooltip formatter={(value) => f.money(Number(value))} />
            <Legend />
            <Bar
              isAnimationActive={false}
              dataKey="margin"
              name={t.dashboard.marginAtRisk.margin}
              fill="#9db4e8"
            />
            <Bar
              isAnimationActive={false}
              dataKey="marginAtRisk"
              name={t.dashboard.marginAtRisk.atRisk}
              fill="#b3261e"
            />
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
