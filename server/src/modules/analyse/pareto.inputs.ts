import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Which month to analyse.' })
export class RunParetoAnalysisInput {
  @Field(() => String, { description: 'A month that is over, as YYYY-MM (e.g. 2026-11).' })
  @Length(1, 20, { message: 'period must be a month written as YYYY-MM' })
  period!: string;
}
