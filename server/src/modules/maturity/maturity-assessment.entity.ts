import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ProcessGroup } from '../initiative/initiative.enums.js';
import { User } from '../organisation/user.entity.js';

export enum AssessmentMethod {
  COMPUTED = 'COMPUTED',
  MANUAL = 'MANUAL',
}

export interface MaturityEvidence {
  criterion: string;
  met: boolean;
  detail?: string;
  /** COMPUTED assessments: the criterion's stable code, its level, the measured figure and the threshold. */
  code?: string;
  level?: number;
  figure?: string;
  threshold?: string;
}

/** A maturity level (1–5) of one process group, computed from data or assessed by hand. */
const MaturityAssessmentSchema = defineEntity({
  name: 'MaturityAssessment',
  tableName: 'maturity_assessment',
  indexes: [{ properties: ['processGroup', 'assessedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    processGroup: p.enum(() => ProcessGroup),
    // 1..5, validated by the service (a CHECK expression does not round-trip on PostgreSQL).
    level: p.integer(),
    method: p.enum(() => AssessmentMethod),
    evidence: p.json<MaturityEvidence[]>(),
    note: p.text().nullable(),
    assessedBy: () => p.manyToOne(User).nullable(),
    assessedAt: p.datetime().onCreate(() => new Date()),
  },
});
export class MaturityAssessment extends MaturityAssessmentSchema.class {}
MaturityAssessmentSchema.setClass(MaturityAssessment);
export { MaturityAssessmentSchema };
