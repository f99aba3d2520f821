import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { DeliveryStatus, NotificationKind } from './notification.enums.js';

@InputType()
export class ClientNotificationFilter {
  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @IdField('FeedbackItem', { nullable: true }) @IsOptional() feedbackItemId?: string | null;
  @IdField('Initiative', { nullable: true }) @IsOptional() initiativeId?: string | null;
  @Field(() => [NotificationKind], { nullable: true }) @IsOptional() kinds?:
    NotificationKind[] | null;
  @Field(() => [DeliveryStatus], { nullable: true }) @IsOptional() statuses?:
    DeliveryStatus[] | null;
}

@InputType({
  description:
    'A message the CX office writes to a client by hand ("you said, we did"); it joins the outbox.',
})
export class QueueClientNotificationInput {
  @IdField('ClientAccount', { description: 'The client account the message is for.' })
  accountId!: string;

  @IdField('Contact', {
    nullable: true,
    description:
      'The recipient, a contact of the account; without one (or without an e-mail) the message is recorded as SKIPPED.',
  })
  @IsOptional()
  contactId?: string | null;

  @IdField('Initiative', { nullable: true, description: 'An initiative affecting the account.' })
  @IsOptional()
  initiativeId?: string | null;

  @IdField('FeedbackItem', {
    nullable: true,
    description: 'Feedback of the account the message answers.',
  })
  @IsOptional()
  feedbackItemId?: string | null;

  @Field(() => NotificationKind, {
    nullable: true,
    description:
      'Defaults to INITIATIVE_PROGRESS. FEEDBACK_ACKNOWLEDGEMENT is reserved for the collect workflow.',
  })
  @IsOptional()
  kind?: NotificationKind | null;

  @Field(() => String)
  @Length(1, 300, { message: 'subject must be 1 to 300 characters' })
  @Matches(/\S/, { message: 'subject cannot be blank' })
  subject!: string;

  @Field(() => String)
  @Length(1, 10_000, { message: 'body must be 1 to 10000 characters' })
  @Matches(/\S/, { message: 'body cannot be blank' })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: "`ru` or `en`; defaults to the contact's language, else `en`.",
  })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'locale must be ru or en' })
  locale?: string | null;
}
