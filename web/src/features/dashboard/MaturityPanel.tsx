import {
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
} from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { ChartBox, ChartSection } from './ChartSection.js';
import { useFormats } from './format.js';

const MaturityQuery = graphql(`
  query DashboardMaturity {
    maturity {
      processGroup
      level
      missingForNextLevel {
        code
        level
        criterion
        threshold
        figure
      }
    }
  }
`);

/**
 * The maturity level (0–5) of each process group as a radar, and beside it, in words, what each
 * group still misses for its next level (which also serves as the radar's text alternative).
 */
export function MaturityPanel() {
  const { t } = useI18n();
  const f = useFormats();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MaturityQuery });
  const groups = (data?.maturity ?? []).map((group) => ({
    ...group,
    label: t.dashboard.processGroup[group.processGroup],
  }));
  return (
    <ChartSection
      id="dashboard-maturity"
      title={t.dashboard.maturity.heading}
      fetching={fetching}
      error={error}
      empty={groups.length === 0}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      <div className="maturity-layout">
        <ChartBox height={300}>
          <ResponsiveContainer initialDimension={{ width: 360, height: 300 }}>
            <RadarChart accessibilityLayer={false} data={groups} outerRadius="62%">
              <PolarGrid />
              <PolarAngleAxis dataKey="label" />
              <PolarRadiusAxis domain={[0, 5]} tickCount={6} />
              <Radar
                isAnimationActive={false}
                dataKey="level"
                name={t.dashboard.maturity.level}
                stroke="#2456c7"
                fill="#2456c7"
                fillOpacity={0.35}
              />
            </RadarChart>
          </ResponsiveContainer>
        </ChartBox>
        <ul className="maturity-list">
          {groups.map((group) => (
            <li key={group.processGroup}>
              <h3>
                {group.label}: {t.dashboard.maturity.level} {f.number(group.level, 0)}
              </h3>
              {group.missingForNextLevel.length === 0 ? (
                <p className="muted">{t.dashboard.maturity.topLevel}</p>
              ) : (
                <>
                  <p className="muted">{t.dashboard.maturity.missing}:</p>
                  <ul>
                    {group.missingForNextLevel.map((criterion) => (
                      <li key={criterion.code}>
                        {criterion.criterion} — {criterion.threshold} ({criterion.figure})
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    </ChartSection>
  );
}
