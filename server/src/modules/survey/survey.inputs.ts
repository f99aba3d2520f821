import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { RespondentClass } from '../client/client.enums.js';
import {
  CampaignScheduleKind,
  CampaignStatus,
  QuestionType,
  TriggerEventType,
} from './survey.enums.js';

const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const CODE_MESSAGE =
  'code must be 1 to 64 lower-case letters, digits, "_", "-" or "." and start with a letter or digit';

@InputType()
export class QuestionInput {
  @Field(() => String, {
    description: 'Unique within the questionnaire, e.g. `nps` or `delivery_on_time`.',
  })
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, {
    message: 'key must be 1 to 64 lower-case letters, digits or "_" and start with a letter',
  })
  key!: string;
  @Field(() => QuestionType) type!: QuestionType;
  @Field(() => String)
  @Length(1, 1000, { message: 'text must be 1 to 1000 characters' })
  text!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000, { message: 'textRu must be 1 to 1000 characters' })
  textRu?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) factorCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) metricCode?: string | null;
}

@InputType({
  description:
    'A questionnaire; an existing code gets a new version and older versions become inactive.',
})
export class CreateQuestionnaireInput {
  @Field(() => String) @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @Field(() => String)
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title!: string;
  @Field(() => [RespondentClass])
  @ArrayMinSize(1, { message: 'targetRespondentClasses must name at least one respondent class' })
  targetRespondentClasses!: RespondentClass[];
  @Field(() => [QuestionInput])
  @ArrayMinSize(1, { message: 'questions must contain 1 to 100 questions' })
  @ArrayMaxSize(100, { message: 'questions must contain 1 to 100 questions' })
  @ValidateNested({ each: true })
  questions!: QuestionInput[];
}

@InputType()
export class QuestionnaireFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) code?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on the title.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType()
export class CreateSurveyCampaignInput {
  @Field(() => String)
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;
  @IdField('Questionnaire') questionnaireId!: string;
  @Field(() => CampaignScheduleKind) scheduleKind!: CampaignScheduleKind;
  @Field(() => String, {
    nullable: true,
    description: 'Required for CALENDAR: minute hour day-of-month month day-of-week.',
  })
  @IsOptional()
  @MaxLength(120, { message: 'cron must be at most 120 characters' })
  cron?: string | null;
  @Field(() => TriggerEventType, { nullable: true, description: 'Required for TRIGGER.' })
  @IsOptional()
  triggerEvent?: TriggerEventType | null;
  @Field(() => [RespondentClass])
  @ArrayMinSize(1, { message: 'targetRespondentClasses must name at least one respondent class' })
  targetRespondentClasses!: RespondentClass[];
  @IdField('Segment', {
    nullable: true,
    description: 'Limit to one segment; all segments when omitted.',
  })
  @IsOptional()
  segmentId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() endsAt?: Date | null;
}

@InputType({
  description: 'Only the given fields change. Changing scheduleKind clears the other kind’s field.',
})
export class UpdateSurveyCampaignInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;
  @Field(() => CampaignScheduleKind, { nullable: true })
  @IsOptional()
  scheduleKind?: CampaignScheduleKind | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120, { message: 'cron must be at most 120 characters' })
  cron?: string | null;
  @Field(() => TriggerEventType, { nullable: true })
  @IsOptional()
  triggerEvent?: TriggerEventType | null;
  @Field(() => [RespondentClass], { nullable: true }) @IsOptional() targetRespondentClasses?:
    RespondentClass[] | null;
  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;
  @Field(() => CampaignStatus, { nullable: true }) @IsOptional() status?: CampaignStatus | null;
  @Field(() => Date, { nullable: true }) @IsOptional() startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() endsAt?: Date | null;
}

@InputType()
export class SurveyCampaignFilter {
  @Field(() => [CampaignStatus], { nullable: true }) @IsOptional() statuses?:
    CampaignStatus[] | null;
  @Field(() => CampaignScheduleKind, { nullable: true })
  @IsOptional()
  scheduleKind?: CampaignScheduleKind | null;
  @IdField('Questionnaire', { nullable: true }) @IsOptional() questionnaireId?: string | null;
  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on the name.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}
