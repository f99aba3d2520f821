import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { InboxKind } from '../initiative/initiative.enums.js';

@InputType({
  description: 'Whose inbox: a user’s entries, or a department’s (the CX office is one).',
})
export class InboxFilter {
  @IdField('User', { nullable: true }) @IsOptional() recipientUserId?: string | null;
  @IdField('Department', { nullable: true }) @IsOptional() recipientDepartmentId?: string | null;
  @IdField('Initiative', { nullable: true }) @IsOptional() initiativeId?: string | null;
  @Field(() => [InboxKind], { nullable: true }) @IsOptional() kinds?: InboxKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only entries not read yet.' })
  @IsOptional()
  unreadOnly?: boolean | null;
}
