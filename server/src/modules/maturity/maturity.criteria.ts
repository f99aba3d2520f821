import type { Em } from '../../db/orm.js';
import type { ProcessGroup } from '../initiative/initiative.enums.js';
import type { EvidenceWindow } from './maturity.evidence.js';
import type { MaturityThresholds } from './maturity.thresholds.js';

export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

/** One criterion of one level, evaluated against the hub's data. */
export interface CriterionResult {
  /** Stable code, e.g. `COLLECT_ACK_SLA`; history compares by it. */
  code: string;
  level: number;
  processGroup: ProcessGroup;
  /** The criterion as a sentence a CX manager understands. */
  criterion: string;
  met: boolean;
  /** The measured value in words, e.g. "94% acknowledged within 1 h (1,812 of 1,927)". */
  figure: string;
  /** The measured number behind the figure (a share, a count, r), or null when not computable. */
  value: number | null;
  /** What the criterion needs, e.g. "≥ 90% within 1 h". */
  threshold: string;
}

/** A process group's computed level (0 = not even level 1) and every criterion behind it. */
export interface GroupMaturity {
  processGroup: ProcessGroup;
  level: number;
  criteria: CriterionResult[];
  /** The unmet criteria of level + 1 (empty at level 5). */
  missingForNextLevel: CriterionResult[];
}

/** What a criterion's measurement yields. */
export interface Measured {
  met: boolean;
  value: number | null;
  figure: string;
}

/** A criterion over the evidence `E` that its group gathers. */
export interface CriterionDef<E> {
  code: string;
  level: MaturityLevel;
  criterion: (t: MaturityThresholds, w: EvidenceWindow) => string;
  threshold: (t: MaturityThresholds, w: EvidenceWindow) => string;
  measure: (evidence: E, t: MaturityThresholds, w: EvidenceWindow) => Measured;
}

/** A process group: one evidence query and the criteria read from its result. */
export interface GroupDef<E> {
  processGroup: ProcessGroup;
  gather: (em: Em, w: EvidenceWindow, t: MaturityThresholds) => Promise<E>;
  criteria: readonly CriterionDef<E>[];
}

/** A group with its evidence type hidden, so the evaluator can list all five. */
export interface MaturityGroup {
  processGroup: ProcessGroup;
  evaluate: (em: Em, w: EvidenceWindow, t: MaturityThresholds) => Promise<CriterionResult[]>;
}

export function defineGroup<E>(def: GroupDef<E>): MaturityGroup {
  return {
    processGroup: def.processGroup,
    evaluate: async (em, w, t) => {
      const evidence = await def.gather(em, w, t);
      return def.criteria.map((c) => ({
        code: c.code,
        level: c.level,
        processGroup: def.processGroup,
        criterion: c.criterion(t, w),
        threshold: c.threshold(t, w),
        ...c.measure(evidence, t, w),
      }));
    },
  };
}

/**
 * The highest level whose criteria, and those of every level below, are all met. A level
 * without criteria could never be evidenced, so it stops the climb.
 */
export function levelOf(criteria: readonly CriterionResult[]): number {
  let level = 0;
  for (let next = 1; next <= 5; next++) {
    const own = criteria.filter((c) => c.level === next);
    if (own.length === 0 || own.some((c) => !c.met)) break;
    level = next;
  }
  return level;
}

export function summarise(processGroup: ProcessGroup, criteria: CriterionResult[]): GroupMaturity {
  const level = levelOf(criteria);
  return {
    processGroup,
    level,
    criteria,
    missingForNextLevel: criteria.filter((c) => c.level === level + 1 && !c.met),
  };
}
