import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { decodeAnyGlobalId } from '../../graphql/global-ids.js';
import type { AuditEventQuery } from './audit-log.service.js';

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

/** The filter as the audit log reads it: `entityId` may name any type, so it decodes to type and id. */
export function toAuditEventQuery(
  filter: AuditEventFilter | undefined,
): AuditEventQuery | undefined {
  if (!filter) return undefined;
  const { entityId, ...rest } = filter;
  return { ...rest, entity: entityId ? decodeAnyGlobalId(entityId, 'filter.entityId') : null };
}
