import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { FeedbackChannel } from '../feedback/feedback.enums.js';
import { InvitationStatus, TriggerEventType } from './survey.enums.js';

@InputType({ description: 'A client-side event reported by an integrator (ERP, CRM).' })
export class RecordTriggerEventInput {
  @IdField('ClientAccount') accountId!: string;
  @Field(() => TriggerEventType) type!: TriggerEventType;
  @Field(() => String, {
    description: 'Id in the source system; the same id reported twice yields one event.',
  })
  @Length(1, 200, { message: 'externalId must be 1 to 200 characters' })
  externalId!: string;
  @Field(() => Date, { description: 'When it happened on the client side; not in the future.' })
  occurredAt!: Date;
}

@InputType()
export class SurveyInvitationFilter {
  @IdField('SurveyCampaign', { nullable: true }) @IsOptional() campaignId?: string | null;
  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @IdField('Contact', { nullable: true }) @IsOptional() contactId?: string | null;
  @IdField('SurveyTriggerEvent', { nullable: true })
  @IsOptional()
  triggerEventId?: string | null;
  @Field(() => [InvitationStatus], { nullable: true }) @IsOptional() statuses?:
    InvitationStatus[] | null;
}

@InputType()
export class SurveyResponseRateFilter {
  @IdField('SurveyCampaign', { nullable: true }) @IsOptional() campaignId?: string | null;
  @Field(() => FeedbackChannel, { nullable: true }) @IsOptional() channel?: FeedbackChannel | null;
  @Field(() => TriggerEventType, { nullable: true })
  @IsOptional()
  triggerEvent?: TriggerEventType | null;
  @Field(() => Date, { nullable: true, description: 'Invitations created at or after this.' })
  @IsOptional()
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Invitations created before this.' })
  @IsOptional()
  to?: Date | null;
}
