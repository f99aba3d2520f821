import { DISSATISFACTION } from '../modules/analyse/dissatisfaction.js';
import { FeedbackChannel, Sentiment } from '../modules/feedback/feedback.enums.js';
import type { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import { periodOf, type GenContext } from './context.js';
import type { Row } from './dataset.js';
import type { GeneratedFeedback } from './generate-feedback.js';
import { PROCESS_CLASSES } from './journey-catalogue.js';

/** The cut the hub's Pareto uses by default (`CX_PARETO_CUT`). */
const CUT = 0.8;

/** One cause as `server/src/modules/analyse/pareto.query.ts` records it. */
export interface DemoParetoCause {
  rank: number;
  complaintClass: string;
  processClassId: string;
  processClassCode: string;
  stage: string;
  segmentId: string;
  segmentCode: string;
  departmentId: string;
  count: number;
  share: number;
  cumulativeShare: number;
  vital: boolean;
}

export interface DemoPareto {
  dissatisfied: number;
  attributed: number;
  causes: DemoParetoCause[];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The method's dissatisfaction, as `dissatisfiedF()` writes it in SQL. */
function dissatisfied(f: Row<FeedbackItem>): boolean {
  const { detractorMaxNps, lowCsiBelow, lowCesAtMost } = DISSATISFACTION;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const nps = num(f.npsScore);
  const csi = num(f.csiScore);
  const ces = num(f.cesScore);
  return (
    f.sentiment === Sentiment.NEGATIVE ||
    f.channel === FeedbackChannel.COMPLAINT ||
    (nps !== null && nps <= detractorMaxNps) ||
    (csi !== null && csi < lowCsiBelow) ||
    (ces !== null && ces <= lowCesAtMost)
  );
}

/**
 * The Pareto of the demo's dissatisfaction over the months `from`…`to` (both included), counted
 * per complaint class × process class × journey stage × segment and cut at 80%, in the shape
 * the hub's Pareto analysis records (so the dashboard and the initiative page read it alike).
 */
export function demoPareto(
  ctx: GenContext,
  feedback: GeneratedFeedback,
  from: string,
  to: string,
): DemoPareto {
  const stageOf = new Map(PROCESS_CLASSES.map((pc) => [pc.code, pc] as const));
  const segmentOf = new Map(ctx.accounts.map((a) => [a.row.id, a.segmentCode] as const));
  const counts = new Map<string, number>();
  let unhappy = 0;
  let attributed = 0;
  feedback.rows.forEach((f, i) => {
    const period = periodOf(f.receivedAt as Date);
    if (period < from || period > to || !dissatisfied(f)) return;
    unhappy += 1;
    if (!f.complaintClass || !f.touchpoint) return;
    attributed += 1;
    const key = [
      f.complaintClass,
      feedback.processClasses[i]!,
      segmentOf.get(f.account as string)!,
    ];
    counts.set(key.join('|'), (counts.get(key.join('|')) ?? 0) + 1);
  });
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  let running = 0;
  const causes = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, count], index): DemoParetoCause => {
      const [complaintClass, processClassCode, segmentCode] = key.split('|') as [
        string,
        string,
        string,
      ];
      const processClass = stageOf.get(processClassCode)!;
      const vital = running < CUT * total;
      running += count;
      return {
        rank: index + 1,
        complaintClass,
        processClassId: ctx.ref('processClasses', processClassCode),
        processClassCode,
        stage: processClass.stage,
        segmentId: ctx.segmentIds.get(segmentCode)!,
        segmentCode,
        departmentId: ctx.ref('departments', processClass.department),
        count,
        share: round4(count / total),
        cumulativeShare: round4(running / total),
        vital,
      };
    });
  return { dissatisfied: unhappy, attributed, causes };
}
