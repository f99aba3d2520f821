import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'GraphQL type name, e.g. `WeightSet`.' })
  @IsOptional()
  @MaxLength(64)
  entityType?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Global id of any object, including deleted ones.',
  })
  @IsOptional()
  entityId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) actor?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(120) action?: string | null;
  @Field(() => Date, { nullable: true, description: 'Inclusive.' })
  @IsOptional()
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive.' }) @IsOptional() to?: Date | null;
}
