import { Field, InputType, ObjectType } from 'type-graphql';
import { IsIn, Length, Matches } from 'class-validator';
import type { NotificationTemplate } from './notification-template.entity.js';
import { Milestone } from '../initiative/initiative.enums.js';
import { placeholderRules } from './notification-template.placeholders.js';
import { NotificationKind } from './notification.enums.js';
// Registers NotificationKind and Milestone as GraphQL enums.
import './notification.types.js';

const MILESTONE_DESCRIPTION =
  'The milestone an INITIATIVE_PROGRESS template writes (required for that kind, refused for the others).';

@ObjectType('NotificationTemplate', {
  description:
    "A CX admin's text for one kind of client message in one language, used instead of the built-in text.",
})
export class NotificationTemplateType {
  @Field(() => NotificationKind) kind!: NotificationKind;
  @Field(() => String, { description: '`ru` or `en`.' }) locale!: string;
  @Field(() => Milestone, { nullable: true, description: MILESTONE_DESCRIPTION })
  milestone!: Milestone | null;
  @Field(() => String) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => [String], {
    description: 'The placeholders this kind (and milestone) may use, as `{{name}}`.',
  })
  placeholders!: string[];
  @Field(() => Date) updatedAt!: Date;
}

export function toNotificationTemplateType(e: NotificationTemplate): NotificationTemplateType {
  return Object.assign(new NotificationTemplateType(), {
    kind: e.kind,
    locale: e.locale,
    milestone: e.milestone ?? null,
    subject: e.subject,
    body: e.body,
    placeholders: [...(placeholderRules(e.kind, e.milestone ?? null)?.allowed ?? [])],
    updatedAt: e.updatedAt,
  });
}

@InputType({
  description:
    "The text of one kind of client message in one language (INITIATIVE_PROGRESS: of one milestone). Placeholders are written {{name}}; each kind has its own (FEEDBACK_ACKNOWLEDGEMENT: contactName, reference; SURVEY_INVITATION: contactName, accountName, title, reference; CASE_RESOLUTION: contactName, reference, note; COUNCIL_REVIEW_REQUEST: contactName, code, title, revision, council, reminder — one text for the request and its reminders, {{reminder}} being the reminder's number, empty on the request; INITIATIVE_PROGRESS STARTED: contactName, code, title, expectedEffect, revision, brief, because; TASK_DONE: contactName, code, title, revision, taskTitle, outcomeNote; MONITORING: contactName, code, title, expectedEffect, revision; CLOSED: contactName, code, title, expectedEffect, revision, outcomeNote, because). reference must appear, so must a resolution's note, an initiative's or council request's code, and a completed step's taskTitle.",
})
export class SetNotificationTemplateInput {
  @Field(() => NotificationKind) kind!: NotificationKind;

  @Field(() => Milestone, { nullable: true, description: MILESTONE_DESCRIPTION })
  milestone?: Milestone | null;

  @Field(() => String, { description: '`ru` or `en`.' })
  @IsIn(['ru', 'en'], { message: 'locale must be ru or en' })
  locale!: string;

  @Field(() => String)
  @Length(1, 300, { message: 'subject must be 1 to 300 characters' })
  @Matches(/^[^\r\n]*\S[^\r\n]*$/, { message: 'subject must be one line, not blank' })
  subject!: string;

  @Field(() => String)
  @Length(1, 10_000, { message: 'body must be 1 to 10000 characters' })
  @Matches(/\S/, { message: 'body cannot be blank' })
  body!: string;
}

@InputType()
export class ResetNotificationTemplateInput {
  @Field(() => NotificationKind) kind!: NotificationKind;

  @Field(() => Milestone, { nullable: true, description: MILESTONE_DESCRIPTION })
  milestone?: Milestone | null;

  @Field(() => String, { description: '`ru` or `en`.' })
  @IsIn(['ru', 'en'], { message: 'locale must be ru or en' })
  locale!: string;
}
