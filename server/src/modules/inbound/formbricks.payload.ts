import { inboundError } from './inbound.errors.js';
import type { FormbricksMapping } from './formbricks.settings.js';

/** The webhook events Formbricks sends for survey responses. */
export const FORMBRICKS_EVENTS = [
  'responseCreated',
  'responseUpdated',
  'responseFinished',
] as const;
export type FormbricksEventType = (typeof FORMBRICKS_EVENTS)[number];

/**
 * The part of a Formbricks webhook body the hub reads: `{ webhookId, event, data: response }`,
 * where the response's `data` maps question ids (and hidden field ids) to answers.
 */
export interface FormbricksEvent {
  event: FormbricksEventType;
  response: {
    id: string;
    surveyId: string | null;
    finished: boolean;
    createdAt: Date | null;
    language: string | null;
    data: Record<string, unknown>;
    contactAttributes: Record<string, unknown>;
  };
  /** The body as delivered, kept when the response cannot be mapped. */
  raw: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

const bad = (message: string, field: string) => inboundError('BAD_PAYLOAD', message, field);

/** Reads a parsed webhook body; anything that is not a response event is BAD_PAYLOAD. */
export function parseFormbricksEvent(body: unknown): FormbricksEvent {
  if (!isRecord(body)) throw bad('The body must be a JSON object.', 'body');
  const event = body.event;
  if (typeof event !== 'string' || !(FORMBRICKS_EVENTS as readonly string[]).includes(event)) {
    throw bad(`event must be one of ${FORMBRICKS_EVENTS.join(', ')}.`, 'event');
  }
  const response = body.data;
  if (!isRecord(response)) throw bad('data must be the survey response.', 'data');
  const id = response.id;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 150) {
    throw bad('data.id must be the response id.', 'data.id');
  }
  const answers = response.data ?? {};
  if (!isRecord(answers)) throw bad('data.data must map question ids to answers.', 'data.data');
  const created = typeof response.createdAt === 'string' ? new Date(response.createdAt) : null;
  return {
    event: event as FormbricksEventType,
    response: {
      id,
      surveyId: typeof response.surveyId === 'string' ? response.surveyId : null,
      finished: response.finished === true,
      createdAt: created && !Number.isNaN(created.getTime()) ? created : null,
      language:
        typeof response.language === 'string' && /^[a-z]{2}(-[A-Za-z]{2})?$/.test(response.language)
          ? response.language.slice(0, 2)
          : null,
      data: answers,
      contactAttributes: isRecord(response.contactAttributes) ? response.contactAttributes : {},
    },
    raw: body,
  };
}

/** What one response says, read through the mapping. */
export interface FormbricksAnswers {
  npsScore: number | null;
  csiScore: number | null;
  text: string | null;
  email: string | null;
  accountId: string | null;
  contactId: string | null;
  accountExternalId: string | null;
  contactExternalId: string | null;
  /** Answers present but unusable (an NPS of 12), in words. */
  problems: string[];
}

function str(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function readAnswers(event: FormbricksEvent, mapping: FormbricksMapping): FormbricksAnswers {
  const { data, contactAttributes } = event.response;
  const problems: string[] = [];
  const rawNps = data[mapping.nps];
  let npsScore = num(rawNps);
  if (
    rawNps !== undefined &&
    (npsScore === null || !Number.isInteger(npsScore) || npsScore < 0 || npsScore > 10)
  ) {
    problems.push(`The NPS answer (question "${mapping.nps}") is not a whole number from 0 to 10.`);
    npsScore = null;
  }
  const rawCsi = data[mapping.csi];
  let csiScore = num(rawCsi);
  if (csiScore !== null) csiScore = Math.round((csiScore * 10_000) / mapping.csiRange) / 100;
  if (rawCsi !== undefined && (csiScore === null || csiScore < 0 || csiScore > 100)) {
    problems.push(
      `The satisfaction answer (question "${mapping.csi}") is not between 0 and ${mapping.csiRange}.`,
    );
    csiScore = null;
  }
  const texts = mapping.text.map((id) => str(data[id])).filter((t): t is string => t !== null);
  const email = str(data[mapping.email]) ?? str(contactAttributes[mapping.email]);
  return {
    npsScore,
    csiScore,
    text: texts.length ? texts.join('\n\n') : null,
    email: email?.toLowerCase() ?? null,
    accountId: str(data[mapping.accountId]),
    contactId: str(data[mapping.contactId]),
    accountExternalId: str(data[mapping.accountExternalId]),
    contactExternalId: str(data[mapping.contactExternalId]),
    problems,
  };
}
