import { IsBoolean, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Train a new classifier version on the corpus and staff corrections.' })
export class RetrainClassifierInput {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Make the new version current even if its held-out accuracy is below the current one’s. Default false: it becomes current only if not worse.',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean | null;
}
