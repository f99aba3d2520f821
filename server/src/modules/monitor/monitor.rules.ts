/** The thresholds of the monitoring rules; each is configurable (see `server/src/config.ts`). */
export interface MonitorRules {
  /** Complete months the divergence rule looks back over (trends by least squares). */
  divergenceMonths: number;
  /** Fewest scored feedback items an account needs before its satisfaction trend is judged. */
  divergenceMinScores: number;
  /**
   * "Satisfaction rises": the trend of the satisfaction score (0–100: CSI, NPS×10 and CES
   * rescaled, averaged per item) is at least this many points a month …
   */
  satisfactionRisePerMonth: number;
  /** … and stands out from the noise: its t-statistic (trend / standard error) is at least this. */
  divergenceMinT: number;
  /**
   * "Payment behaviour does not improve": days paid late fall by less than this many days a
   * month (their trend is above minus this value).
   */
  daysLateFallPerMonth: number;
  /** A respondent class not heard from for this many days is a coverage gap. */
  coverageGapDays: number;
  /** A key contact who has not answered for this many days is silent. */
  keyContactSilentDays: number;
}

export const DEFAULT_MONITOR_RULES: Readonly<MonitorRules> = Object.freeze({
  divergenceMonths: 12,
  divergenceMinScores: 12,
  satisfactionRisePerMonth: 0.5,
  divergenceMinT: 2.5,
  daysLateFallPerMonth: 0.5,
  coverageGapDays: 180,
  keyContactSilentDays: 120,
});
