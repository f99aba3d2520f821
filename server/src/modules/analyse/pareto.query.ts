import type { Em } from '../../db/orm.js';
import { selectAggregates, sql } from '../maturity/maturity.evidence.js';
import { dissatisfiedF } from './dissatisfaction.js';
import type { Period } from './pareto.period.js';

/** One cause of dissatisfaction: complaint class × process class × journey stage × segment. */
export interface ParetoCause {
  rank: number;
  complaintClass: string;
  processClassId: string;
  processClassCode: string;
  stage: string;
  segmentId: string;
  segmentCode: string;
  /** The department owning the process class: it gets the root-cause task. */
  departmentId: string;
  count: number;
  share: number;
  cumulativeShare: number;
  /** Among the causes that together make up the cut (~80%) of dissatisfaction. */
  vital: boolean;
}

export interface ParetoResult {
  /** Dissatisfied feedback of the period, attributable or not. */
  dissatisfied: number;
  /** … of which with a complaint class and a touchpoint (so a cause can be named). */
  attributed: number;
  causes: ParetoCause[];
}

/**
 * The period's dissatisfied, classified feedback with a touchpoint, counted per cause. The
 * database groups, ranks and keeps the running sum (a window function, on SQLite and
 * PostgreSQL alike), and marks the causes before the cut: a cause is vital when the causes
 * ranked above it make up less than `cut` of the total.
 */
export async function paretoOf(em: Em, span: Period, cut: number): Promise<ParetoResult> {
  const inPeriod = sql`f.received_at >= ${span.from} and f.received_at < ${span.to}`;
  const totals = await selectAggregates(em, [
    sql`select count(*) as "dissatisfied",
      sum(case when f.complaint_class is not null and f.touchpoint_id is not null then 1 else 0 end) as "attributed"
      from feedback_item f where ${inPeriod} and ${dissatisfiedF()}`,
  ]);
  const ranked = sql`select c.*,
      row_number() over (order by c.n desc, c.cc, c.pc, c.stage, c.seg) as rnk,
      sum(c.n) over (order by c.n desc, c.cc, c.pc, c.stage, c.seg
        rows between unbounded preceding and current row) as running,
      sum(c.n) over () as total
    from (select f.complaint_class as cc, t.process_class_id as pc, t.stage as stage,
        a.segment_id as seg, count(*) as n
      from feedback_item f
      join touchpoint t on t.id = f.touchpoint_id
      join client_account a on a.id = f.account_id
      where ${inPeriod} and f.complaint_class is not null and ${dissatisfiedF()}
      group by f.complaint_class, t.process_class_id, t.stage, a.segment_id) c`;
  const query = sql`select r.cc, r.pc, r.stage, r.seg, r.n, r.rnk, r.running, r.total,
      case when (r.running - r.n) < ${cut} * r.total then 1 else 0 end as vital,
      p.code as pc_code, p.owning_department_id as dept, s.code as seg_code
    from (${ranked}) r
    join process_class p on p.id = r.pc
    join segment s on s.id = r.seg
    order by r.rnk`;
  const rows = await em.execute<Record<string, unknown>[]>(query.text, [...query.params]);
  return {
    dissatisfied: totals.count('dissatisfied'),
    attributed: totals.count('attributed'),
    causes: rows.map((r) => {
      const count = Number(r.n);
      const total = Number(r.total);
      const running = Number(r.running);
      return {
        rank: Number(r.rnk),
        complaintClass: String(r.cc),
        processClassId: String(r.pc),
        processClassCode: String(r.pc_code),
        stage: String(r.stage),
        segmentId: String(r.seg),
        segmentCode: String(r.seg_code),
        departmentId: String(r.dept),
        count,
        share: round4(count / total),
        cumulativeShare: round4(running / total),
        vital: Number(r.vital) === 1,
      };
    }),
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
