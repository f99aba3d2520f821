import { IdField } from '../graphql/global-ids.js';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { InitiativeStatus } from '../modules/initiative/initiative.enums.js';

@InputType({
  description: 'Which initiative changes to receive; empty means every one you may read.',
})
export class InitiativeChangedFilter {
  @IdField(['Initiative'], { nullable: true, description: 'Only these initiatives (global ids).' })
  @IsOptional()
  @ArrayMaxSize(100)
  ids?: string[] | null;

  @Field(() => [InitiativeStatus], {
    nullable: true,
    description: 'Only initiatives that have one of these statuses after the change.',
  })
  @IsOptional()
  statuses?: InitiativeStatus[] | null;
}
