import { FeedbackStatus, Sentiment } from '../modules/feedback/feedback.enums.js';
import type { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import type { Analysis } from '../modules/initiative/analysis.entity.js';
import type {
  CreateInitiativeInput,
  InitiativeTargetInput,
} from '../modules/initiative/initiative.inputs.js';
import { DAY_MS, type GenContext } from './context.js';
import type { DemoDataset, Row } from './dataset.js';
import type { GeneratedFeedback } from './generate-feedback.js';
import { INITIATIVES } from './initiative-catalogue.js';
import type { InitiativeSpec, Step } from './initiative-script.js';
import { PROCESS_CLASSES } from './journey-catalogue.js';

/** A step with its moment and the ids it needs, ready for the services. */
export type PlannedStep = Step & {
  at: Date;
  /** Tasks: the department, the person (some tasks have one) and the due date. */
  departmentId?: string;
  assigneeId?: string | null;
  dueAt?: Date;
};

/** One catalogue initiative, bound to the demo company: who, about whom, when. */
export interface InitiativePlan {
  spec: InitiativeSpec;
  ownerId: string;
  /** The council concerned by a client-visible initiative, and the member who decides for it. */
  council: { id: string; memberId: string } | null;
  createdAt: Date;
  input: CreateInitiativeInput;
  targets: InitiativeTargetInput[];
  steps: PlannedStep[];
}

const HOUR_MS = 3_600_000;
/** Steps of one day follow each other a few minutes apart from 9:00 UTC; tasks fall due at 17:00. */
const STEP_GAP_MS = 7 * 60_000;
const LINKED_PER_INITIATIVE = 30;

/**
 * Binds every catalogue initiative to the company: its owner, the accounts whose complaints
 * about its process class came before it (one council among them when it is client-visible),
 * the feedback it acts on, and the moment of each step. Linked feedback is IN_ANALYSIS until
 * the initiative takes it up (the services then make it ACTIONED, CLOSED or release it);
 * no item is linked to two initiatives, so its status follows one life.
 */
export function planInitiatives(
  ctx: GenContext,
  feedback: GeneratedFeedback,
  analyses: Row<Analysis>[],
  councilMembers: DemoDataset['councilMembers'],
): InitiativePlan[] {
  const stageOf = new Map(PROCESS_CLASSES.map((p) => [p.code, p.stage]));
  const taken = new Set<string>();
  return INITIATIVES.map((spec, i) => {
    const day = (d: number, hours: number) =>
      new Date(ctx.anchor.getTime() - (spec.createdDaysAgo - d) * DAY_MS + hours * HOUR_MS);
    const createdAt = day(0, 9);
    const negatives = feedback.rows.filter(
      (f, idx) =>
        feedback.processClasses[idx] === spec.processClass &&
        f.sentiment === Sentiment.NEGATIVE &&
        (f.receivedAt as Date) < createdAt &&
        !taken.has(f.id),
    );
    const { affected, council } = chooseAccounts(ctx, spec, negatives);
    const affectedSet = new Set(affected);
    const linked = negatives
      .filter((f) => affectedSet.has(f.account as string))
      .slice(-LINKED_PER_INITIATIVE);
    for (const f of linked) {
      taken.add(f.id);
      f.status = FeedbackStatus.IN_ANALYSIS;
    }
    const ownerId = ctx.users.cx[(i % (ctx.users.cx.length - 1)) + 1]!.id;
    const memberId = council ? councilMembers.find((m) => m.council === council)?.id : undefined;
    return {
      spec,
      ownerId,
      council: council && memberId ? { id: council, memberId } : null,
      createdAt,
      input: {
        title: spec.title,
        problem: spec.problem,
        expectedEffect: spec.expectedEffect,
        clientVisible: spec.clientVisible,
        processGroup: spec.createdIn ?? null,
        ownerId,
        processClassId: ctx.ref('processClasses', spec.processClass),
        stage: stageOf.get(spec.processClass) ?? null,
        analysisId: spec.linkPareto
          ? analyses[0]!.id
          : spec.processClass === 'SHIPMENT_LOGISTICS'
            ? analyses[1]!.id
            : null,
        affectedAccountIds: affected,
        feedbackIds: linked.map((f) => f.id),
        dueAt: day(spec.durationDays, 17),
      },
      targets: spec.targets.map((t) => ({
        metricId: ctx.ref('metrics', t.metric),
        baseline: t.baseline,
        targetValue: t.target,
        expectedDelta: Math.round((t.target - t.baseline) * 100) / 100,
      })),
      steps: spec.script.map((s, k) => {
        if (s.day < (spec.script[k - 1]?.day ?? 0) || s.day >= spec.createdDaysAgo)
          throw new Error(
            `"${spec.title}": step ${s.do} on day ${s.day} is out of order or not past`,
          );
        const at = new Date(day(s.day, 9).getTime() + (k + 1) * STEP_GAP_MS);
        if (s.do !== 'addTask' && s.do !== 'reassignTask') return { ...s, at };
        const people = ctx.users.byDepartment.get(s.department) ?? [];
        return {
          ...s,
          at,
          departmentId: ctx.ref('departments', s.department),
          // About every other task is given to a person as well as to the department.
          assigneeId: people.length > 0 && ctx.rng.chance(0.5) ? ctx.rng.pick(people).id : null,
          dueAt: day(s.dueDay, 17),
        };
      }),
    };
  });
}

/**
 * The accounts that complained most about the process class before the initiative (5 to 15).
 * A client-visible initiative goes to one advisory council: the council of its most
 * complaining council account (or of the most complaining one overall); accounts on other
 * councils are left out, so that one council reviews it.
 */
function chooseAccounts(
  ctx: GenContext,
  spec: InitiativeSpec,
  negatives: Row<FeedbackItem>[],
): { affected: string[]; council: string | null } {
  const counts = new Map<string, number>();
  for (const f of negatives)
    counts.set(f.account as string, (counts.get(f.account as string) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([a]) => a);
  const top = ranked.slice(0, ctx.rng.int(5, 15));
  if (!spec.clientVisible) return { affected: top, council: null };
  const councilOf = new Map(ctx.accounts.map((a) => [a.row.id, a.councilId]));
  const onCouncil = (id: string) => councilOf.get(id) !== undefined;
  const first =
    top.find(onCouncil) ?? ranked.find(onCouncil) ?? ctx.accounts.find((a) => a.councilId)?.row.id;
  const council = first ? councilOf.get(first)! : null;
  if (!first || !council) return { affected: top, council: null };
  const affected = top.filter((a) => !onCouncil(a) || councilOf.get(a) === council);
  return { affected: affected.includes(first) ? affected : [first, ...affected], council };
}
