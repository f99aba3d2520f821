import { uuidv7 } from '../db/ids.js';
import { AccountStatus, RespondentClass } from '../modules/client/client.enums.js';
import {
  ClassificationSource,
  ComplaintClass as K,
  FeedbackChannel as F,
  FeedbackStatus,
  Sentiment,
} from '../modules/feedback/feedback.enums.js';
import type { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import { DAY_MS, monthIndex, type AccountModel, type GenContext } from './context.js';
import type { Row } from './dataset.js';
import { feedbackText } from './feedback-texts.js';
import { TOUCHPOINTS } from './journey-catalogue.js';
import { PLANTED_RELATION as P, satisfactionAt } from './model.js';
import { clamp, type Random } from './random.js';
import type { SurveyRows } from './generate-surveys.js';

// prettier-ignore
const CHANNEL_WEIGHTS: [F, number][] = [
  [F.SURVEY, 22], [F.POST_TRANSACTION_EMAIL, 16], [F.SUPPORT_TICKET, 12], [F.PORTAL_POPUP, 10], [F.COMPLAINT, 9],
  [F.MEETING, 8], [F.FEEDBACK_BUTTON, 7], [F.CHAT_BOT, 6], [F.NEGOTIATION, 5], [F.MYSTERY_SHOPPING, 2], [F.ADVISORY_COUNCIL, 3],
];

/**
 * Which process classes each channel hears about. Weights are skewed on purpose so a Pareto
 * analysis finds that a few process classes (shipment, planning, documents, certificates)
 * carry most complaints.
 */
// prettier-ignore
const CHANNEL_PROCESSES: Record<F, [string, number][]> = {
  [F.SURVEY]: [['SHIPMENT_LOGISTICS', 6], ['DELIVERY_PLANNING', 4], ['SHIPPING_DOCUMENTS', 4], ['PRODUCT_CONFORMITY', 3], ['QUALITY_CERTIFICATES', 2.5],
    ['INVOICING', 2], ['DAILY_ORDER', 1.5], ['ORDER_CONFIRMATION', 1.2], ['TENDER_PRICING', 1.2], ['PAYMENT_RECONCILIATION', 1], ['TECHNICAL_SUPPORT', 1],
    ['CLAIMS_HANDLING', 1], ['PORTAL_ECOMMERCE', 1], ['ACCOUNT_REVIEWS', 0.8], ['COMMERCIAL_PROPOSAL', 0.6], ['CONTRACT_SPECIFICATION', 0.5], ['CREDIT_TERMS', 0.5],
    ['RETURNS', 0.5], ['SERVICE_VISITS', 0.5], ['TRAINING', 0.4], ['SAMPLES_TRIALS', 0.4], ['PRODUCT_INFORMATION', 0.4], ['BRAND_AWARENESS', 0.3]],
  [F.POST_TRANSACTION_EMAIL]: [['SHIPMENT_LOGISTICS', 5], ['SHIPPING_DOCUMENTS', 3], ['QUALITY_CERTIFICATES', 2], ['INVOICING', 2], ['ORDER_CONFIRMATION', 1.5], ['PRODUCT_CONFORMITY', 1.5]],
  [F.PORTAL_POPUP]: [['DAILY_ORDER', 4], ['PORTAL_ECOMMERCE', 3], ['ORDER_CONFIRMATION', 2], ['PRODUCT_INFORMATION', 1]],
  [F.SUPPORT_TICKET]: [['TECHNICAL_SUPPORT', 5], ['CLAIMS_HANDLING', 2], ['PORTAL_ECOMMERCE', 1.5], ['RETURNS', 1], ['SHIPMENT_LOGISTICS', 1]],
  [F.COMPLAINT]: [['SHIPMENT_LOGISTICS', 5], ['PRODUCT_CONFORMITY', 3], ['SHIPPING_DOCUMENTS', 3], ['DELIVERY_PLANNING', 2], ['QUALITY_CERTIFICATES', 2],
    ['INVOICING', 1.5], ['CLAIMS_HANDLING', 1.5], ['RETURNS', 1]],
  [F.MEETING]: [['ACCOUNT_REVIEWS', 3], ['DELIVERY_PLANNING', 2], ['TENDER_PRICING', 2], ['CREDIT_TERMS', 1], ['SERVICE_VISITS', 1], ['TRAINING', 1], ['PAYMENT_RECONCILIATION', 1]],
  [F.FEEDBACK_BUTTON]: [['PORTAL_ECOMMERCE', 4], ['DAILY_ORDER', 2], ['PRODUCT_INFORMATION', 1]],
  [F.CHAT_BOT]: [['TECHNICAL_SUPPORT', 3], ['DAILY_ORDER', 2], ['SHIPMENT_LOGISTICS', 2], ['INVOICING', 1]],
  [F.NEGOTIATION]: [['TENDER_PRICING', 4], ['COMMERCIAL_PROPOSAL', 3], ['CONTRACT_SPECIFICATION', 2], ['CREDIT_TERMS', 2], ['SAMPLES_TRIALS', 1]],
  [F.ADVISORY_COUNCIL]: [['DELIVERY_PLANNING', 2], ['ACCOUNT_REVIEWS', 2], ['PRODUCT_CONFORMITY', 1], ['PORTAL_ECOMMERCE', 1], ['CLAIMS_HANDLING', 1]],
  [F.MYSTERY_SHOPPING]: [['COMMERCIAL_PROPOSAL', 3], ['TECHNICAL_SUPPORT', 2], ['PRODUCT_INFORMATION', 1], ['BRAND_AWARENESS', 1]],
};

/** How much worse than the account's mood each process class is felt (in sd). */
// prettier-ignore
const PROCESS_PAIN: Record<string, number> = {
  SHIPMENT_LOGISTICS: -1.0, DELIVERY_PLANNING: -0.8, SHIPPING_DOCUMENTS: -0.8, QUALITY_CERTIFICATES: -0.7, PRODUCT_CONFORMITY: -0.4,
  INVOICING: -0.2, CLAIMS_HANDLING: -0.2,
};
/** Process classes not listed above are felt this much better than the account's mood. */
const DEFAULT_PAIN = 0.35;
const CHANNEL_MOOD: Partial<Record<F, number>> = {
  [F.COMPLAINT]: -2.2,
  [F.SUPPORT_TICKET]: -0.2,
  [F.MYSTERY_SHOPPING]: -0.2,
};

/** The complaint class a process class's problems usually fall into. */
// prettier-ignore
const PROCESS_CLASS_MIX: Record<string, [K, number][]> = {
  delivery: [[K.DELIVERY_DISCIPLINE, 0.85], [K.QUALITY, 0.05], [K.SERVICE, 0.1]],
  quality: [[K.QUALITY, 0.85], [K.SERVICE, 0.12], [K.DELIVERY_DISCIPLINE, 0.03]],
  documents: [[K.SERVICE, 0.75], [K.QUALITY, 0.2], [K.DELIVERY_DISCIPLINE, 0.05]],
  service: [[K.SERVICE, 0.9], [K.QUALITY, 0.05], [K.DELIVERY_DISCIPLINE, 0.05]],
};
const MIX_OF: Record<string, string> = {
  SHIPMENT_LOGISTICS: 'delivery',
  DELIVERY_PLANNING: 'delivery',
  ORDER_CONFIRMATION: 'delivery',
  RETURNS: 'delivery',
  PRODUCT_CONFORMITY: 'quality',
  QUALITY_CERTIFICATES: 'quality',
  SAMPLES_TRIALS: 'quality',
  SHIPPING_DOCUMENTS: 'documents',
  INVOICING: 'documents',
  PAYMENT_RECONCILIATION: 'documents',
};

const WITH_TEXT_ALWAYS = new Set([
  F.COMPLAINT,
  F.MEETING,
  F.NEGOTIATION,
  F.SUPPORT_TICKET,
  F.ADVISORY_COUNCIL,
  F.MYSTERY_SHOPPING,
  F.CHAT_BOT,
  F.FEEDBACK_BUTTON,
]);

interface Scores {
  npsScore: number | null;
  csiScore: number | null;
  cesScore: number | null;
}

function scoresFor(rng: Random, channel: F, s: number): Scores {
  const nps = () =>
    Math.round(clamp(P.nps.intercept + P.nps.slopePerSd * s + rng.normal(0, P.nps.noiseSd), 0, 10));
  const csi = () =>
    Math.round(
      clamp(P.csi.intercept + P.csi.slopePerSd * s + rng.normal(0, P.csi.noiseSd), 0, 100),
    );
  const ces = () =>
    Math.round(clamp(P.ces.intercept + P.ces.slopePerSd * s + rng.normal(0, P.ces.noiseSd), 1, 7));
  switch (channel) {
    case F.SURVEY:
      return { npsScore: nps(), csiScore: rng.chance(0.7) ? csi() : null, cesScore: null };
    case F.POST_TRANSACTION_EMAIL:
      return { npsScore: rng.chance(0.3) ? nps() : null, csiScore: null, cesScore: ces() };
    case F.PORTAL_POPUP:
      return rng.chance(0.6)
        ? { npsScore: null, csiScore: null, cesScore: ces() }
        : { npsScore: null, csiScore: csi(), cesScore: null };
    case F.FEEDBACK_BUTTON:
    case F.CHAT_BOT:
      return { npsScore: null, csiScore: rng.chance(0.45) ? csi() : null, cesScore: null };
    case F.SUPPORT_TICKET:
      return { npsScore: null, csiScore: null, cesScore: rng.chance(0.4) ? ces() : null };
    default:
      return { npsScore: null, csiScore: null, cesScore: null };
  }
}

/** ≈20,000 × scale feedback items over the window, all already through the collect workflow. */
export interface GeneratedFeedback {
  rows: Row<FeedbackItem>[];
  /** The process class each row is about (by index); rows reach it through their touchpoint. */
  processClasses: string[];
}

export function generateFeedback(ctx: GenContext, surveys: SurveyRows): GeneratedFeedback {
  const { rng } = ctx;
  const total = Math.round(20_000 * ctx.scale);
  const span = ctx.anchor.getTime() - ctx.windowStart.getTime();
  const talking = ctx.accounts.filter((a) => a.contacts.length > 0);
  const accountWeights = talking.map(
    (a) => [a, a.volume * (a.row.status === AccountStatus.CHURNED ? 0.4 : 1)] as const,
  );
  const staff = ctx.users.cx;
  const tps = new Map<string, string[]>();
  for (const t of TOUCHPOINTS) tps.set(t.processClass, [...(tps.get(t.processClass) ?? []), t.key]);

  const rows: Row<FeedbackItem>[] = [];
  const processClasses: string[] = [];
  const times = Array.from(
    { length: total },
    () => ctx.windowStart.getTime() + Math.floor(rng.next() * span),
  ).sort((x, y) => x - y);
  let tickets = 0;
  for (const t of times) {
    const receivedAt = new Date(t);
    let account: AccountModel = rng.weighted(accountWeights);
    let channel = rng.weighted(CHANNEL_WEIGHTS);
    if (channel === F.ADVISORY_COUNCIL && !account.councilId) {
      const members = talking.filter((a) => a.councilId);
      if (members.length > 0) account = rng.pick(members);
      else channel = F.MEETING;
    }
    const anonymous =
      channel === F.MYSTERY_SHOPPING || (channel === F.FEEDBACK_BUTTON && rng.chance(0.3));
    const contact = anonymous
      ? undefined
      : rng.weighted(
          account.contacts.map(
            (c) =>
              [
                c,
                c.respondentClass === RespondentClass.OPERATOR
                  ? 1.3
                  : c.respondentClass === RespondentClass.TECHNICAL_BUYER
                    ? 1
                    : 0.7,
              ] as const,
          ),
        );
    const language: 'ru' | 'en' = (contact?.locale as 'ru' | 'en' | undefined) ?? account.locale;
    const processClass = rng.weighted(CHANNEL_PROCESSES[channel]);
    const m = monthIndex(ctx, receivedAt);
    const mood = satisfactionAt(account, m);
    const felt =
      mood +
      (PROCESS_PAIN[processClass] ?? DEFAULT_PAIN) +
      (CHANNEL_MOOD[channel] ?? 0) +
      rng.normal(0, 0.9);
    const sentiment =
      channel === F.COMPLAINT || felt < -0.6
        ? Sentiment.NEGATIVE
        : felt > 0.7
          ? Sentiment.POSITIVE
          : Sentiment.NEUTRAL;
    const scores = scoresFor(rng, channel, mood + rng.normal(0, 0.5));

    let complaintClass: K | null = null;
    if (sentiment === Sentiment.NEGATIVE || (sentiment === Sentiment.NEUTRAL && rng.chance(0.3))) {
      const deteriorating = account.kind === 'deteriorating' && m >= P.deteriorating.fromMonth + 1;
      complaintClass = rng.chance(deteriorating ? 0.5 : 0.07)
        ? K.DETERIORATION
        : rng.weighted(PROCESS_CLASS_MIX[MIX_OF[processClass] ?? 'service']!);
    }
    const hasScore = scores.npsScore != null || scores.csiScore != null || scores.cesScore != null;
    const withText =
      !hasScore ||
      WITH_TEXT_ALWAYS.has(channel) ||
      rng.chance(sentiment === Sentiment.NEGATIVE ? 0.8 : 0.4);
    const text = withText
      ? feedbackText(rng, language, processClass, complaintClass, sentiment)
      : null;
    // Some complaints stay unclassified: work for the classifier and the analyse workflow.
    const classified = complaintClass !== null && rng.chance(0.9);
    const source = classified
      ? channel === F.COMPLAINT || channel === F.PORTAL_POPUP
        ? ClassificationSource.CLIENT
        : rng.weighted([
            [ClassificationSource.STAFF, 6],
            [ClassificationSource.CLASSIFIER, 3],
            [ClassificationSource.IMPORT, 1],
          ] as const)
      : null;
    const age = (ctx.anchor.getTime() - t) / DAY_MS;
    // ACTIONED is for feedback an initiative acts on: the initiatives' services set it.
    const status =
      age > 60
        ? rng.weighted([
            [FeedbackStatus.CLOSED, 60],
            [FeedbackStatus.ACKNOWLEDGED, 22],
            [FeedbackStatus.IN_ANALYSIS, 18],
          ] as const)
        : rng.weighted([
            [FeedbackStatus.ACKNOWLEDGED, 50],
            [FeedbackStatus.IN_ANALYSIS, 40],
            [FeedbackStatus.CLOSED, 10],
          ] as const);
    // 93% acknowledged within minutes (the SLA), the rest within hours.
    const ackDelayMs = rng.chance(0.93) ? rng.int(20, 900) * 1000 : rng.int(2, 30) * 3_600_000;
    // What came in just before today was acknowledged by today, not after it.
    const acknowledgedAt = new Date(Math.min(t + ackDelayMs, ctx.anchor.getTime()));
    const touchpointKeys = tps.get(processClass) ?? [];
    rows.push({
      // Time-ordered ids follow the business time, so keyset pages read like the inbox.
      id: uuidv7(t),
      externalId:
        channel === F.SUPPORT_TICKET ? `SD-${String(++tickets).padStart(6, '0')}${ctx.tag}` : null,
      account: account.row.id,
      contact: contact?.id ?? null,
      respondentClass: contact?.respondentClass ?? null,
      channel,
      ...scores,
      text,
      language: text ? language : contact ? language : null,
      touchpoint:
        touchpointKeys.length > 0 && rng.chance(0.97)
          ? ctx.ref('touchpoints', rng.pick(touchpointKeys))
          : null,
      campaign:
        channel === F.SURVEY
          ? surveys.relationship
          : channel === F.POST_TRANSACTION_EMAIL
            ? processClass === 'CLAIMS_HANDLING'
              ? surveys.claimClosed
              : surveys.afterDelivery
            : null,
      complaintClass: classified ? complaintClass : null,
      classificationSource: source,
      classifiedBy: source === ClassificationSource.STAFF ? rng.pick(staff).id : null,
      classifiedAt: classified ? new Date(t + rng.int(1, 48) * 3_600_000) : null,
      sentiment,
      status,
      receivedAt,
      acknowledgedAt,
      workflowStartedAt: new Date(t + rng.int(1, 10) * 1000),
      createdAt: receivedAt,
      updatedAt: acknowledgedAt,
    });
    processClasses.push(processClass);
  }
  return { rows, processClasses };
}
