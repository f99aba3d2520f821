import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A signing secret in the form Formbricks shows it (`whsec_` + base64). */
export const newFormbricksSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The mapping of the question ids in `test/fixtures/formbricks/response-finished.json`. */
export const FIXTURE_MAPPING = JSON.stringify({
  nps: 'h6k2rq9yxz0cb7mvlt3ad1ep',
  csi: 'm9w3xk2p5qtr8ceu6ydh1vsn',
  csiRange: 5,
  text: ['s4c8ne1vq7bx3kzr0htm6yjw'],
});

export interface FormbricksBody {
  webhookId: string;
  event: string;
  data: { id: string; finished: boolean; data: Record<string, unknown> } & Record<string, unknown>;
}

/** The fixture as Formbricks would send it, changed by `change` (a fresh copy each call). */
export function formbricksFixture(
  change: (body: FormbricksBody) => void = () => {},
): FormbricksBody {
  const file = path.join(
    import.meta.dirname,
    '..',
    'fixtures',
    'formbricks',
    'response-finished.json',
  );
  const body = JSON.parse(fs.readFileSync(file, 'utf8')) as FormbricksBody;
  change(body);
  return body;
}

/**
 * POSTs `body` to the hub's Formbricks endpoint, signed with `secret` the Standard Webhooks way
 * (as Formbricks does), stamped `at` (now by default).
 */
export async function deliver(
  baseUrl: string,
  secret: string,
  body: unknown,
  opts: { at?: Date; messageId?: string; signature?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const raw = JSON.stringify(body);
  const messageId = opts.messageId ?? `msg_${randomBytes(8).toString('hex')}`;
  const at = opts.at ?? new Date();
  const response = await fetch(`${baseUrl}/integrations/formbricks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': messageId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': opts.signature ?? new Webhook(secret).sign(messageId, at, raw),
    },
    body: raw,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
