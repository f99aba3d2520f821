import { Field, ObjectType } from 'type-graphql';
import { AnalysisType, InitiativeType } from '../initiative/initiative.types.js';

@ObjectType({ description: 'The Pareto analysis of a month and the initiatives it proposed.' })
export class ParetoAnalysisRun {
  @Field(() => AnalysisType) analysis!: AnalysisType;
  @Field(() => Boolean, {
    description: 'False when the month had been analysed before: nothing new was written.',
  })
  created!: boolean;
  @Field(() => [InitiativeType], {
    description:
      'PROPOSED initiatives for the causes up to the cut, each with a root-cause task for the department owning its process class.',
  })
  proposed!: InitiativeType[];
}
