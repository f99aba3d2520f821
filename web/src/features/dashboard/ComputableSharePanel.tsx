import { useId, useState } from 'react';
import {
  CartesianGrid,
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

const ComputableShareQuery = graphql(`
  query DashboardComputableShare($input: ComputableShareInput) {
    computableShare(input: $input) {
      segment {
        id
        name
      }
      stage
      rising
      points {
        period
        computableShare
        computableObservations
        triggerObservations
      }
    }
  }
`);

const palette = ['#2456c7', '#c2410c', '#1f7a3a', '#7c3aed', '#0e7490', '#a16207', '#be185d'];

/**
 * Computable vs trigger share of metric observations per segment and journey stage, by month.
 * One segment's lines are drawn at a time (a segment picker above the chart), with a legend
 * below that wraps in full; the text alternative lists every series.
 */
export function ComputableSharePanel({ span }: { span: Span }) {
  const { t } = useI18n();
  const f = useFormats();
  const pickerId = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ComputableShareQuery,
    variables: { input: { periodFrom: span.from, periodTo: span.to } },
  });
  const series = (data?.computableShare ?? []).map((entry) => ({
    ...entry,
    key: `${entry.segment.id}:${entry.stage ?? ''}`,
    label: `${entry.segment.name} · ${entry.stage ? t.dashboard.stage[entry.stage] : t.dashboard.computable.allStages}${entry.rising ? ` (${t.dashboard.computable.rising})` : ''}`,
  }));
  const segments = [
    ...new Map(series.map((entry) => [entry.segment.id, entry.segment.name])).entries(),
  ];
  const risingSegments = new Set(series.filter((e) => e.rising).map((e) => e.segment.id));
  // The segment chosen, or the first the API lists (also when the chosen one is gone).
  const segmentId = segments.some(([id]) => id === picked) ? picked : (segments[0]?.[0] ?? null);
  const shown = series
    .filter((entry) => entry.segment.id === segmentId)
    .map((entry) => ({
      ...entry,
      color: palette[series.indexOf(entry) % palette.length]!,
      short: `${entry.stage ? t.dashboard.stage[entry.stage] : t.dashboard.computable.allStages}${entry.rising ? ` (${t.dashboard.computable.rising})` : ''}`,
    }));
  const rows = series.flatMap((entry) =>
    entry.points.map((point) => ({
      ...point,
      series: entry.label,
      key: `${entry.key}:${point.period}`,
    })),
  );
  const periods = [...new Set(rows.map((row) => row.period))].sort();
  const points = periods.map((period) => ({
    label: f.month(period),
    ...Object.fromEntries(
      shown.map((entry) => [
        entry.key,
        entry.points.find((point) => point.period === period)?.computableShare ?? null,
      ]),
    ),
  }));
  return (
    <ChartSection
      id="dashboard-computable"
      title={t.dashboard.computable.heading}
      fetching={fetching}
      error={error}
      empty={rows.length === 0}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      <div className="chart-picker">
        <label htmlFor={pickerId}>{t.dashboard.segment}</label>
        <select
          id={pickerId}
          value={segmentId ?? ''}
          onChange={(event) => setPicked(event.target.value)}
        >
          {segments.map(([id, name]) => (
            <option key={id} value={id}>
              {risingSegments.has(id) ? `${name} (${t.dashboard.computable.rising})` : name}
            </option>
          ))}
        </select>
      </div>
      <ChartBox>
        <ResponsiveContainer initialDimension={{ width: 600, height: 280 }}>
          <LineChart
            accessibilityLayer={false}
            data={points}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 1]} tickFormatter={f.percent} />
            <Tooltip formatter={(value) => f.percent(Number(value))} />
            {shown.map((entry) => (
              <Line
                isAnimationActive={false}
                key={entry.key}
                dataKey={entry.key}
                name={entry.short}
                stroke={entry.color}
                strokeWidth={entry.rising ? 3 : 1.5}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartBox>
      <ul className="chart-legend" aria-hidden="true">
        {shown.map((entry) => (
          <li key={entry.key}>
            <span className="chart-legend-swatch" style={{ backgroundColor: entry.color }} />
            {entry.short}
          </li>
        ))}
      </ul>
      <DataTable
        caption={t.dashboard.computable.heading}
        rows={rows}
        rowKey={(row) => row.key}
        columns={[
          { header: t.dashboard.segment, cell: (row) => row.series },
          { header: t.dashboard.month, cell: (row) => f.month(row.period) },
          {
            header: t.dashboard.computable.computable,
            cell: (row) => f.number(row.computableObservations, 0),
          },
          {
            header: t.dashboard.computable.trigger,
            cell: (row) => f.number(row.triggerObservations, 0),
          },
          { header: t.dashboard.computable.share, cell: (row) => f.percent(row.computableShare) },
        ]}
      />
    </ChartSection>
  );
}
