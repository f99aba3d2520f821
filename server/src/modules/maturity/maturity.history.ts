import type { Em } from '../../db/orm.js';
import type { ProcessGroup } from '../initiative/initiative.enums.js';
import {
  AssessmentMethod,
  MaturityAssessment,
  type MaturityEvidence,
} from './maturity-assessment.entity.js';
import type { CriterionResult, GroupMaturity } from './maturity.criteria.js';

function toEvidence(c: CriterionResult): MaturityEvidence {
  return {
    criterion: c.criterion,
    met: c.met,
    detail: `${c.figure} (needs ${c.threshold})`,
    code: c.code,
    level: c.level,
    figure: c.figure,
    threshold: c.threshold,
  };
}

function metSet(evidence: readonly { code?: string; criterion: string; met: boolean }[]): string {
  return evidence
    .filter((e) => e.met)
    .map((e) => e.code ?? e.criterion)
    .sort()
    .join('\n');
}

/**
 * Writes a COMPUTED assessment for each group whose level or set of met criteria differs from
 * that group's latest COMPUTED assessment, so the table holds the history of changes and
 * unchanged evidence writes nothing (running it twice is harmless). One transaction, in which
 * `audit` records each new assessment. Returns the groups that changed.
 */
export async function recordComputedMaturity(
  em: Em,
  results: readonly GroupMaturity[],
  at: Date,
  audit: (tx: Em, assessment: MaturityAssessment) => void,
): Promise<ProcessGroup[]> {
  return em.transactional(async (tx) => {
    const changed: ProcessGroup[] = [];
    // Sequential on purpose: one connection inside the transaction; five small reads.
    for (const result of results) {
      const [latest] = await tx.find(
        MaturityAssessment,
        { processGroup: result.processGroup, method: AssessmentMethod.COMPUTED },
        { orderBy: { assessedAt: 'desc', id: 'desc' }, limit: 1 },
      );
      if (
        latest &&
        latest.level === result.level &&
        metSet(latest.evidence) === metSet(result.criteria)
      ) {
        continue;
      }
      const assessment = tx.create(MaturityAssessment, {
        processGroup: result.processGroup,
        // 0 is a valid computed level: not even level 1 is evidenced.
        level: result.level,
        method: AssessmentMethod.COMPUTED,
        evidence: result.criteria.map(toEvidence),
        note: null,
        assessedBy: null,
        assessedAt: at,
      });
      audit(tx, assessment);
      changed.push(result.processGroup);
    }
    return changed;
  });
}
