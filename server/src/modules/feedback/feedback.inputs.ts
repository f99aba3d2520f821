import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { RespondentClass } from '../client/client.enums.js';
import { JourneyStage } from '../journey/journey.enums.js';
import { ComplaintClass, FeedbackChannel, FeedbackStatus, Sentiment } from './feedback.enums.js';
import { MAX_FEEDBACK_TEXT } from './feedback.rules.js';

export { MAX_FEEDBACK_TEXT };

@InputType({
  description: 'A person not yet known to the hub; matched by e-mail within the account.',
})
export class NewContactInput {
  @Field(() => String)
  @Length(1, 200, { message: 'contact.name must be 1 to 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'contact.email must be an e-mail address' })
  @MaxLength(320)
  email?: string | null;

  @Field(() => RespondentClass)
  respondentClass!: RespondentClass;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  position?: string | null;

  @Field(() => String, { nullable: true, description: '`ru` or `en`.' })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'contact.locale must be ru or en' })
  locale?: string | null;
}

@InputType()
export class SubmitFeedbackInput {
  @IdField('ClientAccount', { description: 'The client account the feedback is about.' })
  accountId!: string;

  @IdField('Contact', { nullable: true, description: 'A known contact of the account.' })
  @IsOptional()
  contactId?: string | null;

  @Field(() => NewContactInput, { nullable: true, description: 'Or a contact to match or create.' })
  @IsOptional()
  @ValidateNested()
  contact?: NewContactInput | null;

  @Field(() => RespondentClass, {
    nullable: true,
    description: "The contact's respondent class; defaults to the contact's own.",
  })
  @IsOptional()
  respondentClass?: RespondentClass | null;

  @Field(() => FeedbackChannel)
  channel!: FeedbackChannel;

  @Field(() => Int, { nullable: true, description: 'Net Promoter score, 0–10.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'npsScore must be between 0 and 10' })
  @Max(10, { message: 'npsScore must be between 0 and 10' })
  npsScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'Customer satisfaction index, 0–100.' })
  @IsOptional()
  @Min(0, { message: 'csiScore must be between 0 and 100' })
  @Max(100, { message: 'csiScore must be between 0 and 100' })
  csiScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'Customer effort score, 1–7.' })
  @IsOptional()
  @Min(1, { message: 'cesScore must be between 1 and 7' })
  @Max(7, { message: 'cesScore must be between 1 and 7' })
  cesScore?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_FEEDBACK_TEXT, {
    message: `text must be at most ${MAX_FEEDBACK_TEXT} characters; attach longer documents elsewhere`,
  })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'Language of the text, `ru` or `en`.' })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'language must be ru or en' })
  language?: string | null;

  @IdField('Touchpoint', { nullable: true })
  @IsOptional()
  touchpointId?: string | null;

  @IdField('SurveyCampaign', { nullable: true })
  @IsOptional()
  campaignId?: string | null;

  @IdField('SurveyInvitation', {
    nullable: true,
    description:
      'The survey invitation this answers: links the item to its campaign and invitation (same account and contact).',
  })
  @IsOptional()
  invitationId?: string | null;

  @Field(() => ComplaintClass, { nullable: true, description: 'When the client named the class.' })
  @IsOptional()
  complaintClass?: ComplaintClass | null;

  @Field(() => String, {
    nullable: true,
    description: 'Id in the source system; the same id submitted twice yields one item.',
  })
  @IsOptional()
  @Length(1, 200, { message: 'externalId must be 1 to 200 characters' })
  externalId?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the client gave it; defaults to now.' })
  @IsOptional()
  receivedAt?: Date | null;
}

@InputType()
export class FeedbackFilter {
  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @IdField('Contact', { nullable: true }) @IsOptional() contactId?: string | null;
  @Field(() => [FeedbackChannel], { nullable: true }) @IsOptional() channels?:
    FeedbackChannel[] | null;
  @Field(() => [FeedbackStatus], { nullable: true }) @IsOptional() statuses?:
    FeedbackStatus[] | null;
  @Field(() => [ComplaintClass], { nullable: true }) @IsOptional() complaintClasses?:
    ComplaintClass[] | null;
  @Field(() => [RespondentClass], { nullable: true }) @IsOptional() respondentClasses?:
    RespondentClass[] | null;
  @Field(() => [Sentiment], { nullable: true }) @IsOptional() sentiments?: Sentiment[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(10) npsAtMost?: number | null;
  @Field(() => Date, { nullable: true }) @IsOptional() receivedFrom?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() receivedTo?: Date | null;
  @IdField(['ProcessClass'], {
    nullable: true,
    description: 'Items whose touchpoint belongs to one of these process classes.',
  })
  @IsOptional()
  processClassIds?: string[] | null;
  @Field(() => [JourneyStage], {
    nullable: true,
    description: 'Items whose touchpoint is at one of these journey stages.',
  })
  @IsOptional()
  stages?: JourneyStage[] | null;
  @IdField(['Segment'], {
    nullable: true,
    description: 'Items from accounts in one of these segments.',
  })
  @IsOptional()
  segmentIds?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only dissatisfied items (negative, complaint, NPS 0–6, CSI below 60 or CES 3 or less), as the Pareto analysis counts them.',
  })
  @IsOptional()
  dissatisfied?: boolean | null;
}

@InputType({ description: 'Staff corrections of a feedback item; only the given fields change.' })
export class UpdateFeedbackInput {
  @Field(() => ComplaintClass, {
    nullable: true,
    description: 'Recorded as set by staff, with who and when.',
  })
  @IsOptional()
  complaintClass?: ComplaintClass | null;

  @Field(() => Sentiment, { nullable: true })
  @IsOptional()
  sentiment?: Sentiment | null;

  @IdField('Touchpoint', { nullable: true })
  @IsOptional()
  touchpointId?: string | null;

  @Field(() => FeedbackStatus, {
    nullable: true,
    description: 'Moves forward only (RECEIVED → … → CLOSED).',
  })
  @IsOptional()
  status?: FeedbackStatus | null;
}
