import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { ChartBox, ChartSection, DataTable } from './ChartSection.js';
import { useDashboardText } from './dashboard.i18n.js';
import { useFormats } from './format.js';
import { heatCells, paretoCauses, type ParetoCauseView } from './pareto.js';

const LatestParetoQuery = graphql(`
  query DashboardLatestPareto {
    analyses(filter: { kinds: [PARETO] }, first: 1) {
      nodes {
        id
        periodFrom
        periodTo
        result
      }
    }
  }
`);

function useLatestPareto() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: LatestParetoQuery });
  const analysis = data?.analyses.nodes[0];
  return {
    analysis,
    causes: paretoCauses(analysis?.result),
    fetching,
    error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** How many causes the chart draws at most: more make bars a pixel wide. */
export const DRAWN_CAUSES = 40;

const causeLabel = (cause: ParetoCauseView) =>
  `${cause.complaintClass} · ${cause.processClassCode} · ${cause.segmentCode}`;

/** The causes of the latest Pareto analysis: counts as bars, the cumulative share as a line. */
export function ParetoPanel() {
  const { t, lang } = useI18n();
  const text = useDashboardText();
  const f = useFormats();
  const { analysis, causes, fetching, error, retry } = useLatestPareto();
  const stage = (code: string) => t.dashboard.stage[code as keyof typeof t.dashboard.stage] ?? code;
  // The chart draws the largest causes (the API's ranking); the text alternative lists all.
  const points = causes
    .slice(0, DRAWN_CAUSES)
    .map((cause) => ({ ...cause, label: String(cause.rank) }));
  // An analysis covers one month (the schedule's) or a span (recorded by hand).
  const months = (from: string, to: string | null) =>
    to && to !== from ? `${f.month(from)} – ${f.month(to)}` : f.month(from);
  return (
    <ChartSection
      id="dashboard-pareto"
      title={t.dashboard.pareto.heading}
      fetching={fetching}
      error={error}
      empty={causes.length === 0}
      onRetry={retry}
      note={
        analysis?.periodFrom ? (
          <>
            {`${t.dashboard.pareto.period} ${months(analysis.periodFrom, analysis.periodTo)}`}
            {causes.length > DRAWN_CAUSES && (
              <>
                <br />
                {text.paretoDrawn(DRAWN_CAUSES, causes.length, lang)}
              </>
            )}
          </>
        ) : undefined
      }
    >
      <ChartBox>
        <ResponsiveContainer initialDimension={{ width: 600, height: 280 }}>
          <ComposedChart
            accessibilityLayer={false}
            data={points}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            barCategoryGap="10%"
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis yAxisId="count" tickFormatter={(value: number) => f.number(value, 0)} />
            <YAxis yAxisId="share" orientation="right" domain={[0, 1]} tickFormatter={f.percent} />
            <Tooltip
              formatter={(value, _name, item) =>
                item.dataKey === 'cumulativeShare'
                  ? f.percent(Number(value))
                  : f.number(Number(value), 0)
              }
            />
            <Bar
              isAnimationActive={false}
              yAxisId="count"
              dataKey="count"
              name={t.dashboard.pareto.count}
              fill="#2456c7"
            />
            <Line
              yAxisId="share"
              dataKey="cumulativeShare"
              name={t.dashboard.pareto.cumulative}
              stroke="#c2410c"
              dot={points.length <= 30}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartBox>
      <DataTable
        caption={t.dashboard.pareto.heading}
        rows={causes}
        rowKey={(cause) => String(cause.rank)}
        columns={[
          { header: '#', cell: (cause) => cause.rank },
          {
            header: t.dashboard.pareto.cause,
            cell: (cause) => `${causeLabel(cause)} · ${stage(cause.stage)}`,
          },
          { header: t.dashboard.pareto.count, cell: (cause) => f.number(cause.count, 0) },
          {
            header: t.dashboard.pareto.cumulative,
            cell: (cause) => f.percent(cause.cumulativeShare),
          },
          { header: t.dashboard.pareto.vital, cell: (cause) => (cause.vital ? '✓' : '') },
        ]}
      />
    </ChartSection>
  );
}

const stageOrder = ['AWARENESS', 'EVALUATION_AND_DEAL', 'POST_SALE', 'USAGE'] as const;

/**
 * Journey heat map, stage × process class, from the causes of the latest Pareto analysis. It is
 * drawn as a table (the table is its own text alternative), each cell shaded by its count.
 */
export function JourneyHeatMapPanel() {
  const { t } = useI18n();
  const f = useFormats();
  const { causes, fetching, error, retry } = useLatestPareto();
  const cells = heatCells(causes);
  const processClasses = [...new Set(cells.map((cell) => cell.processClassCode))].sort();
  const max = Math.max(1, ...cells.map((cell) => cell.count));
  const count = (stage: string, processClass: string) =>
    cells.find((cell) => cell.stage === stage && cell.processClassCode === processClass)?.count ??
    0;
  return (
    <ChartSection
      id="dashboard-heat-map"
      title={t.dashboard.heatMap.heading}
      fetching={fetching}
      error={error}
      empty={cells.length === 0}
      onRetry={retry}
      note={t.dashboard.heatMap.source}
    >
      <div className="table-scroll">
        <table className="heat-map">
          <thead>
            <tr>
              <th scope="col">{t.dashboard.heatMap.processClass}</th>
              {stageOrder.map((stage) => (
                <th key={stage} scope="col">
                  {t.dashboard.stage[stage]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {processClasses.map((processClass) => (
              <tr key={processClass}>
                <th scope="row">{processClass}</th>
                {stageOrder.map((stage) => {
                  const n = count(stage, processClass);
                  const intensity = n / max;
                  return (
                    <td
                      key={stage}
                      className={
                        intensity > 0.5 ? 'numeric heat-cell heat-strong' : 'numeric heat-cell'
                      }
                      style={{ backgroundColor: `rgba(179, 38, 30, ${0.06 + 0.8 * intensity})` }}
                    >
                      {f.number(n, 0)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartSection>
  );
}
