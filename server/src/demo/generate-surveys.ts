import { uuidv7 } from '../db/ids.js';
import { RespondentClass } from '../modules/client/client.enums.js';
import type { QuestionSpec, Questionnaire } from '../modules/survey/questionnaire.entity.js';
import type { SurveyCampaign } from '../modules/survey/survey-campaign.entity.js';
import {
  CampaignScheduleKind,
  CampaignStatus,
  QuestionType,
  TriggerEventType,
} from '../modules/survey/survey.enums.js';
import { addDays, type GenContext } from './context.js';
import type { Row } from './dataset.js';

const ALL = Object.values(RespondentClass);
const { ECONOMIC_BUYER: ECO, TECHNICAL_BUYER: TECH, OPERATOR: OPR } = RespondentClass;

// prettier-ignore
const NPS_QUESTIONS: QuestionSpec[] = [
  { key: 'nps', type: QuestionType.NPS, text: 'How likely are you to recommend us to a colleague?', textRu: 'Насколько вероятно, что вы порекомендуете нас коллегам?', metricCode: 'NPS' },
  { key: 'csi', type: QuestionType.CSI, text: 'Overall, how satisfied are you with working with us?', textRu: 'Насколько вы в целом удовлетворены работой с нами?', metricCode: 'CSI' },
  { key: 'why', type: QuestionType.TEXT, text: 'What is the main reason for your score?', textRu: 'Какова главная причина вашей оценки?' },
];
// prettier-ignore
const CES_QUESTIONS: QuestionSpec[] = [
  { key: 'ces', type: QuestionType.CES, text: 'The company made it easy to receive this delivery.', textRu: 'Получить эту поставку было легко.', metricCode: 'CES', factorCode: 'REDUCED_EFFORT' },
  { key: 'docs', type: QuestionType.SCALE, text: 'How fast did the documents arrive?', textRu: 'Насколько быстро пришли документы?', metricCode: 'DOCUMENT_SPEED_RATING', factorCode: 'TIME_SAVINGS' },
  { key: 'comment', type: QuestionType.TEXT, text: 'Anything we should improve?', textRu: 'Что нам стоит улучшить?' },
];
// prettier-ignore
const CSI_QUESTIONS: QuestionSpec[] = [
  { key: 'csi', type: QuestionType.CSI, text: 'Overall satisfaction', textRu: 'Общая удовлетворённость', metricCode: 'CSI' },
  { key: 'spec', type: QuestionType.SCALE, text: 'The product meets our specification', textRu: 'Продукт соответствует нашей спецификации', factorCode: 'MEETING_SPECIFICATIONS' },
  { key: 'price', type: QuestionType.SCALE, text: 'The price is acceptable for the value', textRu: 'Цена соответствует ценности', factorCode: 'ACCEPTABLE_PRICE' },
  { key: 'time', type: QuestionType.SCALE, text: 'Working with us saves you time', textRu: 'Работа с нами экономит ваше время', factorCode: 'TIME_SAVINGS' },
  { key: 'resp', type: QuestionType.SCALE, text: 'Our staff respond promptly', textRu: 'Наши сотрудники реагируют оперативно', factorCode: 'RESPONSIVENESS', metricCode: 'MANAGER_RATING' },
  { key: 'comment', type: QuestionType.TEXT, text: 'Comments', textRu: 'Комментарии' },
];

export interface SurveyRows {
  questionnaires: Row<Questionnaire>[];
  campaigns: Row<SurveyCampaign>[];
  /** Campaign ids by purpose, for linking feedback. */
  relationship: string;
  afterDelivery: string;
  claimClosed: string;
}

export function generateSurveys(ctx: GenContext): SurveyRows {
  const at = ctx.windowStart;
  const q = (
    code: string,
    title: string,
    classes: RespondentClass[],
    questions: QuestionSpec[],
  ): Row<Questionnaire> => ({
    id: uuidv7(),
    code: `${code}${ctx.tag}`,
    version: 1,
    title,
    targetRespondentClasses: classes,
    questions,
    active: true,
    createdAt: at,
    updatedAt: at,
  });
  const nps = q('NPS_RELATIONSHIP', 'Relationship NPS survey', ALL, NPS_QUESTIONS);
  const ces = q('CES_AFTER_DELIVERY', 'Effort after delivery', [TECH, OPR], CES_QUESTIONS);
  const csi = q('CSI_ANNUAL', 'Annual satisfaction (CSI) by value factor', ALL, CSI_QUESTIONS);

  const c = (
    name: string,
    questionnaire: string,
    schedule: { cron: string } | { trigger: TriggerEventType },
    classes: RespondentClass[],
    status: CampaignStatus,
    segment: string | null = null,
  ): Row<SurveyCampaign> => ({
    id: uuidv7(),
    name: `${name}${ctx.tag}`,
    questionnaire,
    scheduleKind: 'cron' in schedule ? CampaignScheduleKind.CALENDAR : CampaignScheduleKind.TRIGGER,
    cron: 'cron' in schedule ? schedule.cron : null,
    triggerEvent: 'trigger' in schedule ? schedule.trigger : null,
    targetRespondentClasses: classes,
    segment,
    status,
    startsAt: at,
    endsAt: status === CampaignStatus.FINISHED ? addDays(at, 120) : null,
    createdAt: at,
    updatedAt: at,
  });
  // prettier-ignore
  const campaigns = [
    c('Relationship NPS, quarterly', nps.id, { cron: '0 9 1 1,4,7,10 *' }, ALL, CampaignStatus.ACTIVE),
    c('CES after every delivery', ces.id, { trigger: TriggerEventType.ORDER_DELIVERED }, [TECH, OPR], CampaignStatus.ACTIVE),
    c('Follow-up when a claim is closed', ces.id, { trigger: TriggerEventType.CLAIM_CLOSED }, [TECH, OPR], CampaignStatus.ACTIVE),
    c('Annual CSI, chemicals', csi.id, { cron: '0 9 15 3 *' }, ALL, CampaignStatus.FINISHED, ctx.segmentIds.get('CHEM_LARGE') ?? null),
    c('Check-in after a late payment', nps.id, { trigger: TriggerEventType.INVOICE_PAID_LATE }, [ECO], CampaignStatus.DRAFT),
    c('After a support ticket is closed', ces.id, { trigger: TriggerEventType.SUPPORT_TICKET_CLOSED }, [OPR], CampaignStatus.PAUSED),
  ];
  return {
    questionnaires: [nps, ces, csi],
    campaigns,
    relationship: campaigns[0]!.id,
    afterDelivery: campaigns[1]!.id,
    claimClosed: campaigns[2]!.id,
  };
}
