import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { ComputableSharePanel } from './ComputableSharePanel.js';
import { CoveragePanel } from './CoveragePanel.js';
import { FinancePanel } from './FinancePanel.js';
import { lastTwelveMonths } from './format.js';
import { MarginAtRiskPanel } from './MarginAtRiskPanel.js';
import { MaturityPanel } from './MaturityPanel.js';
import { JourneyHeatMapPanel, ParetoPanel } from './ParetoPanels.js';
import { ScaleAlignedPanel } from './ScaleAlignedPanel.js';
import type { Span } from './span.js';
import { TrendPanel } from './TrendPanel.js';
import './dashboard.css';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The CX office's dashboard: every chart asks the analytics API for the months chosen (by
 * default the twelve complete months before today) and draws only what it answers.
 */
export function DashboardPage({ today = new Date() }: { today?: Date }) {
  const { t } = useI18n();
  const [span, setSpan] = useState<Span>(() => lastTwelveMonths(today));
  const fromId = useId();
  const toId = useId();
  const change = (key: keyof Span) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    if (monthPattern.test(value)) setSpan((current) => ({ ...current, [key]: value }));
  };
  return (
    <div className="dashboard">
      <header className="dashboard-header">
        <div>
          <h1>{t.dashboard.heading}</h1>
          <p className="muted">{t.dashboard.intro}</p>
        </div>
        <div className="dashboard-span">
          <label htmlFor={fromId}>{t.dashboard.periodFrom}</label>
          <input
            id={fromId}
            type="month"
            value={span.from}
            max={span.to}
            onChange={change('from')}
          />
          <label htmlFor={toId}>{t.dashboard.periodTo}</label>
          <input id={toId} type="month" value={span.to} min={span.from} onChange={change('to')} />
        </div>
      </header>
      <div className="dashboard-grid">
        <TrendPanel span={span} />
        <ScaleAlignedPanel span={span} />
        <ParetoPanel />
        <JourneyHeatMapPanel />
        <FinancePanel span={span} />
        <MarginAtRiskPanel />
        <CoveragePanel span={span} />
        <ComputableSharePanel span={span} />
        <MaturityPanel />
      </div>
    </div>
  );
}
