import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { ProcessGroup } from '../initiative/initiative.enums.js';
import { AssessmentMethod, type MaturityAssessment } from './maturity-assessment.entity.js';

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
  @Field(() => Int, { description: '1–5' }) level!: number;
  @Field(() => AssessmentMethod) method!: AssessmentMethod;
  @Field(() => [MaturityEvidenceType]) evidence!: MaturityEvidenceType[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) assessedAt!: Date;
  dbId!: string;
  assessedById!: string | null;
}

@ObjectType('ProcessGroupMaturity', { description: 'The latest assessments of one process group.' })
export class ProcessGroupMaturity {
  @Field(() => ProcessGroup) processGroup!: ProcessGroup;
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
