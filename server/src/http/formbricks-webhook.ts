import express, { type Request, type Response, type Router } from 'express';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { isUuid } from '../db/ids.js';
import type { Em } from '../db/orm.js';
import { DomainContext } from '../domain/context.js';
import { DomainError, ErrorCode } from '../domain/errors.js';
import type { AppDeps } from '../graphql/context.js';
import { toGraphQLError } from '../graphql/errors.js';
import { parseGlobalId, toGlobalId } from '../graphql/relay.js';
import {
  FormbricksIntakeService,
  type IntakeOutcome,
} from '../modules/inbound/formbricks-intake.service.js';
import type { IdDecoder } from '../modules/inbound/formbricks-respondent.js';
import { parseFormbricksEvent } from '../modules/inbound/formbricks.payload.js';
import { inboundError } from '../modules/inbound/inbound.errors.js';

/** The path Formbricks is told to deliver to. */
export const FORMBRICKS_WEBHOOK_PATH = '/integrations/formbricks';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Hidden fields may carry the ids the API shows (Relay global ids) or bare uuids. */
const decodeHubId: IdDecoder = (value, type) => {
  const parsed = parseGlobalId(value);
  if (parsed) return parsed.type === type ? parsed.id : undefined;
  return isUuid(value) ? value : undefined;
};

function answer(outcome: IntakeOutcome) {
  if (outcome.outcome === 'UNRESOLVED') {
    return { ...outcome, inboundEventId: toGlobalId('InboundEvent', outcome.inboundEventId) };
  }
  if (outcome.outcome === 'WAITING') return outcome;
  return { ...outcome, feedbackItemId: toGlobalId('FeedbackItem', outcome.feedbackItemId) };
}

/** Checks the Standard Webhooks signature (id, timestamp within 5 minutes, HMAC of the raw body). */
function verify(secret: string | undefined, raw: string, req: Request): unknown {
  if (!secret) {
    throw inboundError(
      'NOT_CONFIGURED',
      'Formbricks deliveries are not accepted: CX_FORMBRICKS_SECRET is not set.',
    );
  }
  const header = (name: string) => req.header(name) ?? '';
  try {
    new Webhook(secret).verify(
      raw,
      {
        'webhook-id': header('webhook-id'),
        'webhook-timestamp': header('webhook-timestamp'),
        'webhook-signature': header('webhook-signature'),
      },
      { jsonParse: false },
    );
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    throw inboundError(
      'BAD_SIGNATURE',
      `The delivery is not signed with this hub's Formbricks secret, or is too old (${error.message}).`,
    );
  }
  return parseJson(raw);
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw inboundError('BAD_PAYLOAD', 'The body is not valid JSON.', 'body');
  }
}

/** Formbricks pings an endpoint before saving a webhook; the ping writes nothing, signed or not. */
function isPing(raw: string): boolean {
  try {
    return (JSON.parse(raw) as { event?: unknown } | null)?.event === 'testEndpoint';
  } catch {
    return false;
  }
}

/**
 * `POST /integrations/formbricks`: Formbricks' response webhooks (created, updated, finished).
 * The raw body is verified before anything is parsed or written; the response then becomes
 * feedback through the intake service, acting as `integration:formbricks`.
 */
export function formbricksWebhook(deps: AppDeps): Router {
  const router = express.Router();
  router.post(
    FORMBRICKS_WEBHOOK_PATH,
    express.text({ type: () => true, limit: deps.config.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const raw = typeof req.body === 'string' ? req.body : '';
      try {
        if (isPing(raw)) {
          res.json({ outcome: 'TEST' });
          return;
        }
        const body = verify(deps.config.formbricks.secret, raw, req);
        const event = parseFormbricksEvent(body);
        const ctx = new DomainContext(deps, deps.orm.em.fork() as Em, {
          actor: 'integration:formbricks',
        });
        const outcome = await ctx.service(FormbricksIntakeService).receive(event, decodeHubId);
        res.status(outcome.outcome === 'CREATED' ? 201 : 200).json(answer(outcome));
      } catch (error) {
        const status = error instanceof DomainError ? (STATUS[error.code] ?? 500) : 500;
        const mapped = toGraphQLError(error, (e) =>
          deps.log.error(`Formbricks delivery failed: ${String(e)}`),
        );
        res.status(status).json({ errors: [mapped.toJSON()] });
      }
    },
  );
  return router;
}
