import type {
  CouncilDecision,
  InitiativeStatus,
  ProcessGroup,
} from '../modules/initiative/initiative.enums.js';

/**
 * One step of a demo initiative's life, `day` days after it was created. The owner takes
 * every step except `decide`, which a member of the concerned council takes; the loader
 * applies each through the lifecycle services (`play-initiatives.ts`), so the rules decide
 * what the step leads to (reviews requested on leaving IMPLEMENT, revisions opened by a
 * council's change request, messages to clients …). Tasks are named by a key of the script.
 */
export type Step = { day: number } & (
  | { do: 'move'; to: ProcessGroup; brief?: string }
  | { do: 'addTask'; task: string; department: string; title: string; dueDay: number }
  | { do: 'startTask'; task: string }
  | { do: 'completeTask'; task: string; note?: string }
  | { do: 'rejectTask'; task: string; note: string }
  | { do: 'reassignTask'; task: string; department: string; dueDay: number; note: string }
  | { do: 'setTargets' }
  | { do: 'requestReview' }
  | { do: 'decide'; decision: CouncilDecision; comments?: string }
  | { do: 'close'; note: string }
  | { do: 'hold'; reason: string }
  | { do: 'cancel'; reason: string }
);

export interface InitiativeSpec {
  /** Where the initiative is created: COLLECT, or ANALYSE (the default of the API). */
  createdIn?: ProcessGroup;
  processClass: string;
  title: string;
  problem: string;
  expectedEffect: string;
  clientVisible: boolean;
  linkPareto: boolean;
  createdDaysAgo: number;
  durationDays: number;
  targets: { metric: string; baseline: number; target: number }[];
  /** Every step lies before today (`day` < `createdDaysAgo`); open tasks due before today are overdue. */
  script: Step[];
  /** Where the script must leave it; the loader fails when the rules lead elsewhere. */
  ends: [ProcessGroup, InitiativeStatus];
}

/** Short constructors, so that a script reads as a diary. */
export const step = {
  move: (day: number, to: ProcessGroup, brief?: string): Step =>
    brief ? { day, do: 'move', to, brief } : { day, do: 'move', to },
  task: (day: number, task: string, department: string, title: string, dueDay: number): Step => ({
    day,
    do: 'addTask',
    task,
    department,
    title,
    dueDay,
  }),
  start: (day: number, task: string): Step => ({ day, do: 'startTask', task }),
  done: (day: number, task: string, note?: string): Step =>
    note ? { day, do: 'completeTask', task, note } : { day, do: 'completeTask', task },
  reject: (day: number, task: string, note: string): Step => ({
    day,
    do: 'rejectTask',
    task,
    note,
  }),
  reassign: (
    day: number,
    task: string,
    department: string,
    dueDay: number,
    note: string,
  ): Step => ({
    day,
    do: 'reassignTask',
    task,
    department,
    dueDay,
    note,
  }),
  targets: (day: number): Step => ({ day, do: 'setTargets' }),
  askCouncil: (day: number): Step => ({ day, do: 'requestReview' }),
  decide: (day: number, decision: CouncilDecision, comments?: string): Step =>
    comments ? { day, do: 'decide', decision, comments } : { day, do: 'decide', decision },
  close: (day: number, note: string): Step => ({ day, do: 'close', note }),
  hold: (day: number, reason: string): Step => ({ day, do: 'hold', reason }),
  cancel: (day: number, reason: string): Step => ({ day, do: 'cancel', reason }),
};
