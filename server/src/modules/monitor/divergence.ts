import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Em } from '../../db/orm.js';
import { raw, shiftMonth, sql, type Sql } from '../maturity/maturity.evidence.js';
import { LIVE_ACCOUNT } from './period-figures.js';
import { Sentiment } from '../feedback/feedback.enums.js';
import type { MonitorRules } from './monitor.rules.js';
import { MONTH_INDEX_SQL, monthStart, readNumber } from './monitor.window.js';

const DAYS_PER_MONTH = 30.44;

/** One account's trends over the window: what the divergence rule reads and reports. */
export interface DivergenceFigures {
  accountId: string;
  ownerId: string | null;
  periodFrom: string;
  periodTo: string;
  /** Scored feedback items, and the least-squares trend of their score in points a month. */
  scores: number;
  satisfactionPerMonth: number;
  /** The trend of the items' sentiment (positive 1, neutral 0, negative −1) a month. */
  sentimentPerMonth: number;
  /**
   * How clearly satisfaction rose: the t-statistics (trend / its standard error) of the scores
   * and of the sentiment, combined as (t₁ + t₂) / √2.
   */
  satisfactionT: number;
  /** Mean score of the first and the last third of the window, for people to read. */
  satisfactionFirst: number | null;
  satisfactionLast: number | null;
  /** Months with payment figures, and the trend of days paid late in days a month. */
  paymentMonths: number;
  daysLatePerMonth: number;
  daysLateFirst: number | null;
  daysLateLast: number | null;
}

/**
 * One item's satisfaction on 0–100: the mean of its CSI, its NPS × 10 and its CES (1–7)
 * rescaled, over those it has; null when it has none.
 */
const ITEM_SCORE = `(coalesce(f.csi_score, 0) + coalesce(f.nps_score * 10.0, 0)
  + coalesce((f.ces_score - 1) * 100.0 / 6, 0))
  / nullif(case when f.csi_score is not null then 1 else 0 end + case when f.nps_score is not null
  then 1 else 0 end + case when f.ces_score is not null then 1 else 0 end, 0)`;

/** One item's sentiment as a number: positive 1, neutral 0, negative −1 (null: not classified). */
const ITEM_SENTIMENT = `case f.sentiment when '${Sentiment.POSITIVE}' then 1 when '${Sentiment.NEUTRAL}' then 0
  when '${Sentiment.NEGATIVE}' then -1 end`;

/** Months since `start` of a datetime column, fractional (SQLite keeps epoch milliseconds). */
function monthsSince(em: Em, column: string, start: Date): Sql {
  return em.getPlatform() instanceof PostgreSqlPlatform
    ? sql`(extract(epoch from ${raw(column)}) - ${start.getTime() / 1000}) / ${86_400 * DAYS_PER_MONTH}`
    : sql`(${raw(column)} - ${start.getTime()}) * 1.0 / ${86_400_000 * DAYS_PER_MONTH}`;
}

interface Sums {
  n: number;
  sx: number;
  sy: number;
  sxy: number;
  sxx: number;
  syy: number;
}

/** Least-squares slope and its t-statistic from the six sums. */
export function trend({ n, sx, sy, sxy, sxx, syy }: Sums): { slope: number; t: number } {
  if (n < 3) return { slope: 0, t: 0 };
  const cxx = sxx - (sx * sx) / n;
  const cxy = sxy - (sx * sy) / n;
  const cyy = syy - (sy * sy) / n;
  if (cxx <= 0) return { slope: 0, t: 0 };
  const slope = cxy / cxx;
  const residual = Math.max(0, cyy - slope * cxy) / (n - 2);
  const se = Math.sqrt(residual / cxx);
  return { slope, t: se > 0 ? slope / se : 0 };
}

const sums = (xs: Sql, ys: Sql, prefix: string) => {
  const [x, y] = [sql`(${xs})`, sql`(${ys})`];
  return sql`count(${y}) as ${raw(`${prefix}n`)}, sum(case when ${y} is not null then ${x} end) as ${raw(`${prefix}sx`)},
    sum(${y}) as ${raw(`${prefix}sy`)}, sum(${x} * ${y}) as ${raw(`${prefix}sxy`)},
    sum(case when ${y} is not null then ${x} * ${x} end) as ${raw(`${prefix}sxx`)},
    sum(${y} * ${y}) as ${raw(`${prefix}syy`)}`;
};

/**
 * The satisfaction and payment trends of every live account over the complete months
 * [from, to], from one statement: six sums per series and account (feedback items for
 * satisfaction, monthly transactional figures for payments); the trends are their closed form.
 */
export async function accountTrends(
  em: Em,
  from: string,
  to: string,
): Promise<DivergenceFigures[]> {
  const [start, end] = [monthStart(from), monthStart(shiftMonth(to, 1))];
  const months = (end.getTime() - start.getTime()) / (86_400_000 * DAYS_PER_MONTH);
  const x = monthsSince(em, 'f.received_at', start);
  const px = sql`${raw(MONTH_INDEX_SQL('t.period'))} - ${raw(MONTH_INDEX_SQL(`'${from}'`))}`;
  const score = raw(ITEM_SCORE);
  const third = Math.round(monthsBetween(from, to) / 3);
  const q = sql`select a.id as "accountId", a.owner_id as "ownerId", s.*, p.*
    from client_account a
    join (select f.account_id as s_account, ${sums(x, score, 's')}, ${sums(x, raw(ITEM_SENTIMENT), 'm')},
        avg(case when ${x} < ${months / 3} then ${score} end) as s_first,
        avg(case when ${x} >= ${(2 * months) / 3} then ${score} end) as s_last
      from feedback_item f where f.received_at >= ${start} and f.received_at < ${end}
      group by f.account_id) s on s.s_account = a.id
    join (select t.account_id as p_account, ${sums(px, raw('t.avg_days_late'), 'p')},
        avg(case when ${px} <= ${third - 1} then t.avg_days_late end) as p_first,
        avg(case when ${px} > ${monthsBetween(from, to) - third} then t.avg_days_late end) as p_last
      from transactional_figures t where t.period >= ${from} and t.period <= ${to}
      group by t.account_id) p on p.p_account = a.id
    where ${LIVE_ACCOUNT}`;
  const rows = await em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
  const round = (v: number | null, digits = 2) => (v === null ? null : Number(v.toFixed(digits)));
  return rows.map((r) => {
    const read = (prefix: string): Sums => {
      const n = (k: string) => readNumber(r[`${prefix}${k}`]) ?? 0;
      return { n: n('n'), sx: n('sx'), sy: n('sy'), sxy: n('sxy'), sxx: n('sxx'), syy: n('syy') };
    };
    const satisfaction = read('s');
    const payments = read('p');
    const sentiment = trend(read('m'));
    const s = trend(satisfaction);
    const p = trend(payments);
    return {
      accountId: String(r.accountId),
      ownerId: r.ownerId ? String(r.ownerId) : null,
      periodFrom: from,
      periodTo: to,
      scores: satisfaction.n,
      satisfactionPerMonth: round(s.slope) ?? 0,
      sentimentPerMonth: round(sentiment.slope, 3) ?? 0,
      // Scores and sentiment are two views of one satisfaction: their t-statistics combined
      // (Stouffer) say how clearly it rose.
      satisfactionT: round((s.t + sentiment.t) / Math.SQRT2) ?? 0,
      satisfactionFirst: round(readNumber(r.s_first), 1),
      satisfactionLast: round(readNumber(r.s_last), 1),
      paymentMonths: payments.n,
      daysLatePerMonth: round(p.slope) ?? 0,
      daysLateFirst: round(readNumber(r.p_first), 1),
      daysLateLast: round(readNumber(r.p_last), 1),
    };
  });
}

/** "Satisfaction rises, payment behaviour does not": the rule on one account's trends. */
export function isDivergent(t: DivergenceFigures, rules: MonitorRules): boolean {
  return (
    t.scores >= rules.divergenceMinScores &&
    t.paymentMonths >= 3 &&
    t.satisfactionPerMonth >= rules.satisfactionRisePerMonth &&
    t.satisfactionT >= rules.divergenceMinT &&
    t.daysLatePerMonth > -rules.daysLateFallPerMonth
  );
}

function monthsBetween(from: string, to: string): number {
  const idx = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  return idx(to) - idx(from) + 1;
}
