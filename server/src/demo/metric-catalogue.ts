import { FeedbackChannel as F } from '../modules/feedback/feedback.enums.js';
import {
  BetterDirection,
  CollectionMethod as M,
  MetricKind,
  MetricLayer,
} from '../modules/metric/metric.enums.js';

export interface MetricSeed {
  code: string;
  name: string;
  nameRu: string;
  layer: MetricLayer;
  kind: MetricKind;
  collectionMethod: M;
  collectionChannel: F | null;
  /** Process class and value factor by code; the stage follows the process class. */
  processClass: string | null;
  factor: string | null;
  unit: string;
  betterDirection: BetterDirection;
  target: number | null;
  description: string;
}

const { SATISFACTION: SAT, TRANSACTIONAL: TRX, OPERATIONAL: OPS, EMPLOYEE: EMP } = MetricLayer;
const { COMPUTABLE: CMP, TRIGGER: TRG } = MetricKind;
const { HIGHER: UP, LOWER: DOWN } = BetterDirection;

type Row = [
  code: string,
  name: string,
  nameRu: string,
  layer: MetricLayer,
  kind: MetricKind,
  method: M,
  channel: F | null,
  processClass: string | null,
  factor: string | null,
  unit: string,
  better: BetterDirection,
  target: number | null,
];

/**
 * The metric "cake" (DOMAIN.md, element 4): satisfaction → transactional → operational →
 * employee. Computable metrics come from internal systems; trigger metrics can only be had
 * by asking the client, each through the channel named.
 */
// prettier-ignore
const rows: Row[] = [
  // Satisfaction
  ['NPS', 'Net Promoter Score', 'Индекс NPS', SAT, TRG, M.SURVEY, F.SURVEY, null, null, 'score', UP, 40],
  ['CSI', 'Customer satisfaction index', 'Индекс удовлетворённости (CSI)', SAT, TRG, M.SURVEY, F.SURVEY, null, null, 'index', UP, 80],
  ['CES', 'Customer effort score (1–7, higher = easier)', 'Индекс усилий клиента (CES)', SAT, TRG, M.EMBEDDED_CHANNEL, F.POST_TRANSACTION_EMAIL, null, 'REDUCED_EFFORT', 'score', UP, 5.5],
  ['TNPS_DELIVERY', 'Transactional NPS after delivery', 'Транзакционный NPS после поставки', SAT, TRG, M.EMBEDDED_CHANNEL, F.POST_TRANSACTION_EMAIL, 'SHIPMENT_LOGISTICS', null, 'score', UP, 35],
  // The forecasts' twin of NPS (the analytics engine records it; maturity level 5 compares it with NPS).
  ['NPS_FORECAST', 'NPS forecast (next month)', 'Прогноз NPS на следующий месяц', SAT, CMP, M.SYSTEM, null, null, null, 'score', UP, null],
  ['COUNCIL_SENTIMENT', 'Advisory council sentiment', 'Настроение консультативного совета', SAT, TRG, M.MEETING, F.ADVISORY_COUNCIL, 'ACCOUNT_REVIEWS', 'COMMITMENT', 'score', UP, 4],
  // Transactional
  ['REVENUE', 'Revenue', 'Выручка', TRX, CMP, M.SYSTEM, null, null, null, 'RUB', UP, null],
  ['GROSS_MARGIN_PCT', 'Gross margin', 'Валовая маржа', TRX, CMP, M.SYSTEM, null, null, null, '%', UP, 25],
  ['DSO', 'Days sales outstanding', 'Оборачиваемость дебиторской задолженности (DSO)', TRX, CMP, M.SYSTEM, null, 'PAYMENT_RECONCILIATION', null, 'days', DOWN, 45],
  ['AVG_DAYS_LATE', 'Average days paid late', 'Средняя просрочка оплаты', TRX, CMP, M.SYSTEM, null, 'PAYMENT_RECONCILIATION', null, 'days', DOWN, 3],
  ['OVERDUE_SHARE', 'Overdue receivables share', 'Доля просроченной дебиторской задолженности', TRX, CMP, M.SYSTEM, null, 'PAYMENT_RECONCILIATION', null, '%', DOWN, 5],
  ['ORDER_REGULARITY', 'Order regularity', 'Регулярность заказов', TRX, CMP, M.SYSTEM, null, 'DAILY_ORDER', null, 'ratio', UP, 0.9],
  ['ORDER_FREQUENCY', 'Orders per month', 'Заказов в месяц', TRX, CMP, M.SYSTEM, null, 'DAILY_ORDER', null, 'count', UP, null],
  ['AVG_ORDER_VALUE', 'Average order value', 'Средний чек заказа', TRX, CMP, M.SYSTEM, null, 'DAILY_ORDER', null, 'RUB', UP, null],
  ['SHARE_OF_WALLET', 'Share of wallet', 'Доля в закупках клиента', TRX, CMP, M.SYSTEM, null, null, null, '%', UP, 40],
  ['CREDIT_UTILISATION', 'Credit limit utilisation', 'Использование кредитного лимита', TRX, CMP, M.SYSTEM, null, 'CREDIT_TERMS', 'FLEXIBILITY', '%', DOWN, 80],
  // Operational, computable
  ['OTIF', 'On time in full', 'Поставки вовремя и в полном объёме (OTIF)', OPS, CMP, M.SYSTEM, null, 'SHIPMENT_LOGISTICS', 'RISK_REDUCTION', '%', UP, 95],
  ['UNDER_DELIVERY_PCT', 'Under-delivery', 'Недопоставки', OPS, CMP, M.SYSTEM, null, 'SHIPMENT_LOGISTICS', 'MEETING_SPECIFICATIONS', '%', DOWN, 1],
  ['LATE_SHIPMENTS_PCT', 'Late shipments', 'Опоздания отгрузок', OPS, CMP, M.SYSTEM, null, 'SHIPMENT_LOGISTICS', 'TIME_SAVINGS', '%', DOWN, 3],
  ['IRREGULAR_DELIVERIES', 'Deliveries outside the agreed window', 'Поставки вне согласованного окна', OPS, CMP, M.SYSTEM, null, 'DELIVERY_PLANNING', 'ORGANIZATION', 'count', DOWN, 0],
  ['PLAN_ADHERENCE', 'Delivery plan adherence', 'Соблюдение плана поставок', OPS, CMP, M.SYSTEM, null, 'DELIVERY_PLANNING', 'ORGANIZATION', '%', UP, 95],
  ['PACKAGING_DEFECTS_PCT', 'Packaging defects', 'Дефекты упаковки', OPS, CMP, M.SYSTEM, null, 'SHIPMENT_LOGISTICS', 'PRODUCT_QUALITY', '%', DOWN, 0.5],
  ['DOCUMENT_ERROR_RATE', 'Shipping document errors', 'Ошибки в отгрузочных документах', OPS, CMP, M.SYSTEM, null, 'SHIPPING_DOCUMENTS', 'DECREASED_HASSLES', '%', DOWN, 1],
  ['DOCUMENT_LEAD_TIME', 'Document lead time', 'Срок предоставления документов', OPS, CMP, M.SYSTEM, null, 'SHIPPING_DOCUMENTS', 'TIME_SAVINGS', 'days', DOWN, 1],
  ['INVOICE_ACCURACY', 'Invoice accuracy', 'Точность счетов', OPS, CMP, M.SYSTEM, null, 'INVOICING', 'TRANSPARENCY', '%', UP, 99],
  ['INVOICE_DISPUTES', 'Disputed invoices', 'Оспоренные счета', OPS, CMP, M.SYSTEM, null, 'INVOICING', 'TRANSPARENCY', 'count', DOWN, 0],
  ['RECONCILIATION_DAYS', 'Reconciliation cycle', 'Срок сверки взаиморасчётов', OPS, CMP, M.SYSTEM, null, 'PAYMENT_RECONCILIATION', 'REDUCED_EFFORT', 'days', DOWN, 5],
  ['ORDER_CONFIRMATION_HOURS', 'Order confirmation time', 'Время подтверждения заказа', OPS, CMP, M.SYSTEM, null, 'ORDER_CONFIRMATION', 'RESPONSIVENESS', 'hours', DOWN, 4],
  ['ORDER_CHANGE_RATE', 'Orders changed after confirmation', 'Изменения заказа после подтверждения', OPS, CMP, M.SYSTEM, null, 'DAILY_ORDER', 'ORGANIZATION', '%', DOWN, 5],
  ['PROPOSAL_LEAD_DAYS', 'Commercial proposal lead time', 'Срок подготовки КП', OPS, CMP, M.SYSTEM, null, 'COMMERCIAL_PROPOSAL', 'RESPONSIVENESS', 'days', DOWN, 2],
  ['TENDER_WIN_RATE', 'Tender win rate', 'Доля выигранных тендеров', OPS, CMP, M.SYSTEM, null, 'TENDER_PRICING', 'ACCEPTABLE_PRICE', '%', UP, 40],
  ['CONTRACT_CYCLE_DAYS', 'Contract cycle time', 'Срок согласования договора', OPS, CMP, M.SYSTEM, null, 'CONTRACT_SPECIFICATION', 'SIMPLIFICATION', 'days', DOWN, 10],
  ['CREDIT_DECISION_DAYS', 'Credit decision time', 'Срок решения по кредитному лимиту', OPS, CMP, M.SYSTEM, null, 'CREDIT_TERMS', 'FLEXIBILITY', 'days', DOWN, 3],
  ['SAMPLE_LEAD_DAYS', 'Sample lead time', 'Срок предоставления образцов', OPS, CMP, M.SYSTEM, null, 'SAMPLES_TRIALS', 'EXPERTISE', 'days', DOWN, 7],
  ['SPEC_DEVIATION_PCT', 'Batches outside specification', 'Партии вне спецификации', OPS, CMP, M.SYSTEM, null, 'PRODUCT_CONFORMITY', 'MEETING_SPECIFICATIONS', '%', DOWN, 0.5],
  ['CERTIFICATE_LEAD_HOURS', 'Quality certificate lead time', 'Срок выдачи сертификата качества', OPS, CMP, M.SYSTEM, null, 'QUALITY_CERTIFICATES', 'REGULATORY_COMPLIANCE', 'hours', DOWN, 24],
  ['CERTIFICATE_MISSING_PCT', 'Shipments without certificate', 'Отгрузки без сертификата', OPS, CMP, M.SYSTEM, null, 'QUALITY_CERTIFICATES', 'REGULATORY_COMPLIANCE', '%', DOWN, 0],
  ['CLAIMS_PER_100_ORDERS', 'Claims per 100 orders', 'Претензий на 100 заказов', OPS, CMP, M.SYSTEM, null, 'CLAIMS_HANDLING', 'PRODUCT_QUALITY', 'count', DOWN, 1],
  ['CLAIM_RESOLUTION_DAYS', 'Claim resolution time', 'Срок урегулирования претензии', OPS, CMP, M.SYSTEM, null, 'CLAIMS_HANDLING', 'DECREASED_HASSLES', 'days', DOWN, 10],
  ['FIRST_RESPONSE_HOURS', 'Support first response time', 'Время первого ответа поддержки', OPS, CMP, M.SYSTEM, null, 'TECHNICAL_SUPPORT', 'RESPONSIVENESS', 'hours', DOWN, 2],
  ['FIRST_CONTACT_RESOLUTION', 'First contact resolution', 'Решение с первого обращения', OPS, CMP, M.SYSTEM, null, 'TECHNICAL_SUPPORT', 'EXPERTISE', '%', UP, 75],
  ['RETURN_RATE', 'Return rate', 'Доля возвратов', OPS, CMP, M.SYSTEM, null, 'RETURNS', 'PRODUCT_QUALITY', '%', DOWN, 1],
  ['RETURN_PROCESSING_DAYS', 'Return processing time', 'Срок оформления возврата', OPS, CMP, M.SYSTEM, null, 'RETURNS', 'DECREASED_HASSLES', 'days', DOWN, 7],
  ['SERVICE_VISIT_ON_TIME', 'Service visits on time', 'Сервисные выезды вовремя', OPS, CMP, M.SYSTEM, null, 'SERVICE_VISITS', 'COMMITMENT', '%', UP, 95],
  ['PORTAL_ORDER_SHARE', 'Orders placed on the portal', 'Доля заказов через портал', OPS, CMP, M.SYSTEM, null, 'PORTAL_ECOMMERCE', 'INTEGRATION', '%', UP, 60],
  ['PORTAL_UPTIME', 'Portal availability', 'Доступность портала', OPS, CMP, M.SYSTEM, null, 'PORTAL_ECOMMERCE', 'AVAILABILITY', '%', UP, 99.5],
  ['EVENT_ATTENDANCE', 'Client attendance at events', 'Участие клиентов в мероприятиях', OPS, CMP, M.SYSTEM, null, 'BRAND_AWARENESS', 'NETWORK_EXPANSION', 'count', UP, null],
  ['REVIEW_COVERAGE', 'Accounts with a business review this quarter', 'Покрытие встречами по итогам периода', OPS, CMP, M.SYSTEM, null, 'ACCOUNT_REVIEWS', 'COMMITMENT', '%', UP, 90],
  // Operational, trigger (only the client can tell)
  ['MANAGER_RATING', 'Account manager rating', 'Оценка работы менеджера', OPS, TRG, M.MEETING, F.MEETING, 'ACCOUNT_REVIEWS', 'RESPONSIVENESS', 'score', UP, 4.5],
  ['EASE_OF_ORDERING', 'Ease of ordering', 'Удобство размещения заказа', OPS, TRG, M.EMBEDDED_CHANNEL, F.PORTAL_POPUP, 'DAILY_ORDER', 'REDUCED_EFFORT', 'score', UP, 4.5],
  ['DOCUMENT_SPEED_RATING', 'Speed of documents (client rating)', 'Оценка скорости документов', OPS, TRG, M.SURVEY, F.SURVEY, 'SHIPPING_DOCUMENTS', 'TIME_SAVINGS', 'score', UP, 4.5],
  ['PROPOSAL_CLARITY', 'Clarity of proposals', 'Понятность коммерческих предложений', OPS, TRG, M.INTERVIEW, F.NEGOTIATION, 'COMMERCIAL_PROPOSAL', 'TRANSPARENCY', 'score', UP, 4.5],
  ['PRICE_FAIRNESS', 'Perceived price fairness', 'Справедливость цены (оценка клиента)', OPS, TRG, M.INTERVIEW, F.NEGOTIATION, 'TENDER_PRICING', 'ACCEPTABLE_PRICE', 'score', UP, 4],
  ['QUALITY_SATISFACTION', 'Satisfaction with product quality', 'Удовлетворённость качеством продукции', OPS, TRG, M.SURVEY, F.SURVEY, 'PRODUCT_CONFORMITY', 'PRODUCT_QUALITY', 'score', UP, 4.5],
  ['SUPPORT_CSAT', 'Support satisfaction', 'Удовлетворённость поддержкой', OPS, TRG, M.EMBEDDED_CHANNEL, F.SUPPORT_TICKET, 'TECHNICAL_SUPPORT', 'RESPONSIVENESS', 'score', UP, 4.5],
  ['CLAIM_HANDLING_RATING', 'Claim handling rating', 'Оценка работы с претензией', OPS, TRG, M.SURVEY, F.SURVEY, 'CLAIMS_HANDLING', 'DECREASED_HASSLES', 'score', UP, 4],
  ['PORTAL_USABILITY', 'Portal usability', 'Удобство портала', OPS, TRG, M.EMBEDDED_CHANNEL, F.FEEDBACK_BUTTON, 'PORTAL_ECOMMERCE', 'SIMPLIFICATION', 'score', UP, 4.5],
  ['CHATBOT_RATING', 'Chat-bot answer rating', 'Оценка ответа чат-бота', OPS, TRG, M.EMBEDDED_CHANNEL, F.CHAT_BOT, 'TECHNICAL_SUPPORT', 'AVAILABILITY', 'score', UP, 4],
  ['TRAINING_RATING', 'Training rating', 'Оценка обучения', OPS, TRG, M.SURVEY, F.SURVEY, 'TRAINING', 'GROWTH_AND_DEVELOPMENT', 'score', UP, 4.5],
  ['EVENT_RATING', 'Event rating', 'Оценка мероприятия', OPS, TRG, M.SURVEY, F.SURVEY, 'BRAND_AWARENESS', 'NETWORK_EXPANSION', 'score', UP, 4.5],
  ['MYSTERY_SHOPPING_SCORE', 'Mystery shopping score', 'Оценка «тайного покупателя»', OPS, TRG, M.MYSTERY_SHOPPING, F.MYSTERY_SHOPPING, 'COMMERCIAL_PROPOSAL', 'RESPONSIVENESS', '%', UP, 85],
  ['CONTRACT_EASE', 'Ease of contracting', 'Простота заключения договора', OPS, TRG, M.INTERVIEW, F.NEGOTIATION, 'CONTRACT_SPECIFICATION', 'SIMPLIFICATION', 'score', UP, 4],
  // Employee
  ['ENPS', 'Employee NPS', 'eNPS сотрудников', EMP, TRG, M.SURVEY, null, null, null, 'score', UP, 30],
  ['FRONTLINE_TURNOVER', 'Front-line staff turnover', 'Текучесть клиентского персонала', EMP, CMP, M.SYSTEM, null, null, null, '%', DOWN, 10],
  ['ACCOUNTS_PER_MANAGER', 'Accounts per account manager', 'Клиентов на менеджера', EMP, CMP, M.SYSTEM, null, 'ACCOUNT_REVIEWS', null, 'count', DOWN, 25],
  ['STAFF_CX_TRAINING_HOURS', 'CX training hours per employee', 'Часы обучения клиентоориентированности', EMP, CMP, M.SYSTEM, null, null, null, 'hours', UP, 8],
];

export const METRICS: readonly MetricSeed[] = rows.map(
  ([
    code,
    name,
    nameRu,
    layer,
    kind,
    collectionMethod,
    collectionChannel,
    processClass,
    factor,
    unit,
    betterDirection,
    target,
  ]) => ({
    code,
    name,
    nameRu,
    layer,
    kind,
    collectionMethod,
    collectionChannel,
    processClass,
    factor,
    unit,
    betterDirection,
    target,
    description: `${name} (${kind === MetricKind.COMPUTABLE ? 'computed from internal systems' : 'asked from the client'}).`,
  }),
);
