import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { RespondentClass } from '../client/client.enums.js';
import type { Questionnaire } from './questionnaire.entity.js';
import type { SurveyCampaign } from './survey-campaign.entity.js';
import {
  CampaignScheduleKind,
  CampaignStatus,
  QuestionType,
  TriggerEventType,
} from './survey.enums.js';

registerEnumType(CampaignScheduleKind, {
  name: 'CampaignScheduleKind',
  description: 'CALENDAR (cron) or TRIGGER (client-side event).',
});
registerEnumType(TriggerEventType, { name: 'TriggerEventType' });
registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'DRAFT → ACTIVE ⇄ PAUSED → FINISHED.',
});
registerEnumType(QuestionType, { name: 'QuestionType' });

export enum QuestionnaireSortField {
  CODE = 'code',
  TITLE = 'title',
  CREATED_AT = 'createdAt',
}
registerEnumType(QuestionnaireSortField, { name: 'QuestionnaireSortField' });

export enum SurveyCampaignSortField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(SurveyCampaignSortField, { name: 'SurveyCampaignSortField' });

@InputType()
export class QuestionnaireOrder {
  @Field(() => QuestionnaireSortField) field!: QuestionnaireSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class SurveyCampaignOrder {
  @Field(() => SurveyCampaignSortField) field!: SurveyCampaignSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@ObjectType('Question')
export class QuestionObject {
  @Field(() => String) key!: string;
  @Field(() => QuestionType) type!: QuestionType;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) textRu!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Code of the value factor the question measures.',
  })
  factorCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Code of the metric the question feeds.' })
  metricCode!: string | null;
}

@ObjectType('Questionnaire', {
  implements: Node,
  description: 'A versioned questionnaire; a new version keeps the code.',
})
export class QuestionnaireType extends Node {
  @Field(() => String) code!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) title!: string;
  @Field(() => [RespondentClass]) targetRespondentClasses!: RespondentClass[];
  @Field(() => [QuestionObject]) questions!: QuestionObject[];
  @Field(() => Boolean, { description: 'Only the newest version of a code is active.' })
  active!: boolean;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
}

@ObjectType('SurveyCampaign', {
  implements: Node,
  description: 'Sends a questionnaire on a calendar or on a client-side event.',
})
export class SurveyCampaignType extends Node {
  @Field(() => String) name!: string;
  @Field(() => CampaignScheduleKind) scheduleKind!: CampaignScheduleKind;
  @Field(() => String, {
    nullable: true,
    description: '5-field cron expression of a CALENDAR campaign.',
  })
  cron!: string | null;
  @Field(() => TriggerEventType, { nullable: true }) triggerEvent!: TriggerEventType | null;
  @Field(() => [RespondentClass]) targetRespondentClasses!: RespondentClass[];
  @Field(() => CampaignStatus) status!: CampaignStatus;
  @Field(() => Date, { nullable: true }) startsAt!: Date | null;
  @Field(() => Date, { nullable: true }) endsAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  dbId!: string;
  questionnaireId!: string;
  segmentId!: string | null;
}

@ObjectType()
export class QuestionnaireConnection extends Connection(QuestionnaireType, 'Questionnaire') {}
@ObjectType()
export class SurveyCampaignConnection extends Connection(SurveyCampaignType, 'SurveyCampaign') {}

export function toQuestionnaireType(e: Questionnaire): QuestionnaireType {
  return Object.assign(new QuestionnaireType(), {
    id: toGlobalId('Questionnaire', e.id),
    dbId: e.id,
    code: e.code,
    version: e.version,
    title: e.title,
    targetRespondentClasses: e.targetRespondentClasses,
    questions: e.questions.map((q) =>
      Object.assign(new QuestionObject(), {
        key: q.key,
        type: q.type,
        text: q.text,
        textRu: q.textRu ?? null,
        factorCode: q.factorCode ?? null,
        metricCode: q.metricCode ?? null,
      }),
    ),
    active: e.active,
    createdAt: e.createdAt,
  });
}

export function toSurveyCampaignType(e: SurveyCampaign): SurveyCampaignType {
  return Object.assign(new SurveyCampaignType(), {
    id: toGlobalId('SurveyCampaign', e.id),
    dbId: e.id,
    name: e.name,
    scheduleKind: e.scheduleKind,
    cron: e.cron ?? null,
    triggerEvent: e.triggerEvent ?? null,
    targetRespondentClasses: e.targetRespondentClasses,
    status: e.status,
    startsAt: e.startsAt ?? null,
    endsAt: e.endsAt ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    questionnaireId: e.questionnaire.id,
    segmentId: e.segment?.id ?? null,
  });
}
