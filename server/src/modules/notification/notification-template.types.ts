import { Field, InputType, ObjectType } from 'type-graphql';
import { IsIn, Length, Matches } from 'class-validator';
import type { NotificationTemplate } from './notification-template.entity.js';
import { TEMPLATE_PLACEHOLDERS } from './notification-template.placeholders.js';
import { NotificationKind } from './notification.enums.js';
// Registers NotificationKind as a GraphQL enum.
import './notification.types.js';

@ObjectType('NotificationTemplate', {
  description:
    "A CX admin's text for one kind of client message in one language, used instead of the built-in text.",
})
export class NotificationTemplateType {
  @Field(() => NotificationKind) kind!: NotificationKind;
  @Field(() => String, { description: '`ru` or `en`.' }) locale!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => [String], { description: 'The placeholders this kind may use, as `{{name}}`.' })
  placeholders!: string[];
  @Field(() => Date) updatedAt!: Date;
}

export function toNotificationTemplateType(e: NotificationTemplate): NotificationTemplateType {
  return Object.assign(new NotificationTemplateType(), {
    kind: e.kind,
    locale: e.locale,
    subject: e.subject,
    body: e.body,
    placeholders: [...(TEMPLATE_PLACEHOLDERS[e.kind]?.allowed ?? [])],
    updatedAt: e.updatedAt,
  });
}

@InputType({
  description:
    "The text of one kind of client message in one language. Placeholders are written {{name}}; each kind has its own (FEEDBACK_ACKNOWLEDGEMENT: contactName, reference; SURVEY_INVITATION: contactName, accountName, title, reference; CASE_RESOLUTION: contactName, reference, note), reference must appear, and so must a resolution's note.",
})
export class SetNotificationTemplateInput {
  @Field(() => NotificationKind) kind!: NotificationKind;

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

  @Field(() => String, { description: '`ru` or `en`.' })
  @IsIn(['ru', 'en'], { message: 'locale must be ru or en' })
  locale!: string;
}
