import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { ProcessGroup } from '../initiative/initiative.enums.js';
import { AssessmentMethod, type MaturityAssessment } from './maturity-assessment.entity.js';
import type { CriterionResult } from './maturity.criteria.js';

// The one registration of ProcessGroup; the initiative module imports this file for it.
registerEnumType(ProcessGroup, {
  name: 'ProcessGroup',
  description: 'The five CX process groups: collect, analyse, implement, monitor, correct.',
});
registerEnumType(AssessmentMethod, {
  name: 'AssessmentMethod',
  description: 'COMPUTED from the hub’s own data, or MANUAL: assessed by a person.',
});

@ObjectType('MaturityEvidence', {
  description: 'One criterion of a maturity level and whether it is met.',
})
export class MaturityEvidenceType {
  @Field(() => String) criterion!: string;
  @Field(() => Boolean) met!: boolean;
  @Field(() => String, { nullable: true }) detail!: string | null;
}

@ObjectType('MaturityAssessment', {
  implements: Node,
  description: 'A maturity level (1–5) of one process group.',
})
export class MaturityAssessmentType extends Node {
  @Field(() => ProcessGroup) processGroup!: ProcessGroup;
  @Field(() => Int, {
    description: '1–5; a COMPUTED assessment may be 0 (not even level 1 holds).',
  })
  level!: number;
  @Field(() => AssessmentMethod) method!: AssessmentMethod;
  @Field(() => [MaturityEvidenceType]) evidence!: MaturityEvidenceType[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) assessedAt!: Date;
  dbId!: string;
  assessedById!: string | null;
}

@ObjectType('MaturityCriterion', {
  description: 'One criterion of one maturity level, measured on the hub’s own data.',
})
export class MaturityCriterionType {
  @Field(() => String, { description: 'Stable code, e.g. COLLECT_ACK_SLA.' }) code!: string;
  @Field(() => Int) level!: number;
  @Field(() => String, { description: 'The criterion in words.' }) criterion!: string;
  @Field(() => Boolean) met!: boolean;
  @Field(() => String, { description: 'What was measured, in words.' }) figure!: string;
  @Field(() => Float, { nullable: true, description: 'The measured number behind the figure.' })
  value!: number | null;
  @Field(() => String, { description: 'What the criterion needs.' }) threshold!: string;
}

@ObjectType('ProcessGroupMaturity', {
  description:
    'One process group: its level computed now from the evidence, every criterion with its figure, what is missing for the next level, and the latest manual and recorded computed assessments.',
})
export class ProcessGroupMaturity {
  @Field(() => ProcessGroup) processGroup!: ProcessGroup;
  @Field(() => Int, {
    description: 'Computed now: 0–5, the highest level whose criteria and all below hold.',
  })
  level!: number;
  @Field(() => [MaturityCriterionType]) criteria!: MaturityCriterionType[];
  @Field(() => [MaturityCriterionType], {
    description: 'The unmet criteria of the next level (empty at level 5).',
  })
  missingForNextLevel!: MaturityCriterionType[];
  @Field(() => Date) evaluatedAt!: Date;
  @Field(() => MaturityAssessmentType, {
    nullable: true,
    description: 'The newest assessment of either method.',
  })
  latest!: MaturityAssessmentType | null;
  @Field(() => MaturityAssessmentType, { nullable: true }) manual!: MaturityAssessmentType | null;
  @Field(() => MaturityAssessmentType, { nullable: true }) computed!: MaturityAssessmentType | null;
}

@ObjectType()
export class MaturityAssessmentConnection extends Connection(
  MaturityAssessmentType,
  'MaturityAssessment',
) {}

export function toCriterionType(c: CriterionResult): MaturityCriterionType {
  return Object.assign(new MaturityCriterionType(), {
    code: c.code,
    level: c.level,
    criterion: c.criterion,
    met: c.met,
    figure: c.figure,
    value: c.value,
    threshold: c.threshold,
  });
}

export function toMaturityAssessmentType(e: MaturityAssessment): MaturityAssessmentType {
  return Object.assign(new MaturityAssessmentType(), {
    id: toGlobalId('MaturityAssessment', e.id),
    dbId: e.id,
    processGroup: e.processGroup,
    level: e.level,
    method: e.method,
    evidence: (e.evidence ?? []).map((x) =>
      Object.assign(new MaturityEvidenceType(), {
        criterion: x.criterion,
        met: x.met,
        detail: x.detail ?? null,
      }),
    ),
    note: e.note ?? null,
    assessedAt: e.assessedAt,
    assessedById: e.assessedBy?.id ?? null,
  });
}
