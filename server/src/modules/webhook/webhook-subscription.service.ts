import type { DomainContext } from '../../domain/context.js';
import type { Em } from '../../db/orm.js';
import { findById, mustFind } from '../../db/lookup.js';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import { User } from '../organisation/user.entity.js';
import type { QueuedWebhookDelivery } from './webhook-starter.port.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import {
  WebhookDeliveryStatus,
  WebhookSubscriptionStatus,
  type WebhookEventType,
} from './webhook.enums.js';
import { webhookError } from './webhook.errors.js';
import { newWebhookSecret } from './webhook-sender.js';
import { checkWebhookUrl } from './webhook-url.js';

export interface WebhookSubscriptionInput {
  url: string;
  eventTypes: WebhookEventType[];
  description?: string | null;
}

/** Only what is given changes; a null url or eventTypes keeps it, a null description clears it. */
export interface WebhookSubscriptionPatch {
  url?: string | null;
  eventTypes?: WebhookEventType[] | null;
  description?: string | null;
}

/** A subscription with its secret: answered only by create and rotate. */
export interface WebhookSubscriptionWithSecret {
  subscription: WebhookSubscription;
  secret: string;
}

const notFound = (message: string, field: string) =>
  webhookError('SUBSCRIPTION_NOT_FOUND', message, field);

/** What the audit keeps of a subscription: never its secret. */
function snapshot(s: WebhookSubscription): Record<string, unknown> {
  return {
    url: s.url,
    eventTypes: s.eventTypes,
    description: s.description ?? null,
    status: s.status,
  };
}

/** Integrators' subscriptions: CX admins and tokens with the webhooks scope manage them. */
export class WebhookSubscriptionService {
  constructor(private readonly ctx: DomainContext) {}

  async list(args: PageArgs): Promise<Page<WebhookSubscription>> {
    return paginate(this.ctx.em, WebhookSubscription, {}, args, { createdAt: 'desc' });
  }

  async get(id: string): Promise<WebhookSubscription> {
    return mustFind(this.ctx.em, WebhookSubscription, id, 'id', notFound);
  }

  async create(input: WebhookSubscriptionInput): Promise<WebhookSubscriptionWithSecret> {
    const url = await this.checkUrl(input.url);
    const eventTypes = this.checkEventTypes(input.eventTypes);
    const secret = newWebhookSecret();
    const subscription = await this.ctx.em.transactional(async (em) => {
      // A token (or a user since removed) owns nothing: its pause notices go to the CX office.
      const userId = this.ctx.viewer.userId;
      const owner = userId ? await findById(em, User, userId) : null;
      const row = em.create(WebhookSubscription, {
        url,
        eventTypes,
        description: input.description?.trim() || null,
        secret,
        owner,
        createdAt: this.ctx.clock.now(),
      });
      await em.flush();
      this.ctx.audit.record(
        em,
        'createWebhookSubscription',
        'WebhookSubscription',
        row.id,
        null,
        snapshot(row),
      );
      return row;
    });
    return { subscription, secret };
  }

  async update(id: string, patch: WebhookSubscriptionPatch): Promise<WebhookSubscription> {
    const url = patch.url == null ? undefined : await this.checkUrl(patch.url);
    const eventTypes =
      patch.eventTypes == null ? undefined : this.checkEventTypes(patch.eventTypes);
    return this.change(id, 'updateWebhookSubscription', (s) => {
      if (url !== undefined) s.url = url;
      if (eventTypes !== undefined) s.eventTypes = eventTypes;
      if (patch.description !== undefined) s.description = patch.description?.trim() || null;
    });
  }

  /** A new secret; the old one stops verifying at once. */
  async rotateSecret(id: string): Promise<WebhookSubscriptionWithSecret> {
    const secret = newWebhookSecret();
    const subscription = await this.change(id, 'rotateWebhookSecret', (s) => {
      s.secret = secret;
    });
    return { subscription, secret };
  }

  async pause(id: string): Promise<WebhookSubscription> {
    return this.change(id, 'pauseWebhookSubscription', (s) => {
      if (s.status === WebhookSubscriptionStatus.PAUSED) {
        throw webhookError('ALREADY_PAUSED', 'This subscription is paused already.', 'id');
      }
      s.status = WebhookSubscriptionStatus.PAUSED;
      s.pausedAt = this.ctx.clock.now();
      s.pausedReason = 'Paused by hand.';
    });
  }

  /**
   * Active again, its failure count cleared, and every delivery not yet delivered (held while
   * paused, or failed before the pause) queued for a new round.
   */
  async resume(id: string): Promise<WebhookSubscription> {
    let queued: QueuedWebhookDelivery[] = [];
    const subscription = await this.change(id, 'resumeWebhookSubscription', async (s, em) => {
      if (s.status !== WebhookSubscriptionStatus.PAUSED) {
        throw webhookError('NOT_PAUSED', 'Only a paused subscription can be resumed.', 'id');
      }
      s.status = WebhookSubscriptionStatus.ACTIVE;
      s.consecutiveFailures = 0;
      s.pausedAt = null;
      s.pausedReason = null;
      const again = await em.find(WebhookDelivery, {
        subscription: s,
        status: {
          $in: [
            WebhookDeliveryStatus.HELD,
            WebhookDeliveryStatus.FAILED,
            WebhookDeliveryStatus.PENDING,
          ],
        },
      });
      for (const delivery of again) {
        delivery.status = WebhookDeliveryStatus.PENDING;
        delivery.round += 1;
      }
      queued = again.map((d) => ({ deliveryId: d.id, round: d.round }));
    });
    // After the commit: a workflow started earlier could read the delivery as still held. The
    // resume stands if starting fails (Temporal away); the deliveries stay PENDING.
    if (queued.length > 0) {
      await this.ctx.deps.webhooks?.start(queued).catch((error: unknown) => {
        this.ctx.deps.log.warn(`Resumed webhook deliveries not started: ${String(error)}`);
      });
    }
    return subscription;
  }

  /** Removes the subscription and its delivery history; nothing more is sent to it. */
  async delete(id: string): Promise<string> {
    return this.ctx.em.transactional(async (em) => {
      const s = await mustFind(em, WebhookSubscription, id, 'id', notFound);
      const before = snapshot(s);
      await em.nativeDelete(WebhookDelivery, { subscription: s.id });
      em.remove(s);
      this.ctx.audit.record(
        em,
        'deleteWebhookSubscription',
        'WebhookSubscription',
        s.id,
        before,
        null,
      );
      return s.id;
    });
  }

  private async change(
    id: string,
    action: string,
    apply: (s: WebhookSubscription, em: Em) => void | Promise<void>,
  ): Promise<WebhookSubscription> {
    return this.ctx.em.transactional(async (em) => {
      const s = await mustFind(em, WebhookSubscription, id, 'id', notFound);
      const before = snapshot(s);
      await apply(s, em);
      this.ctx.audit.record(em, action, 'WebhookSubscription', s.id, before, snapshot(s));
      return s;
    });
  }

  private checkUrl(url: string): Promise<string> {
    return checkWebhookUrl(url, this.ctx.deps.config.webhooks.allowPrivate);
  }

  private checkEventTypes(types: WebhookEventType[]): WebhookEventType[] {
    const unique = [...new Set(types)];
    if (unique.length === 0) {
      throw webhookError('NO_EVENT_TYPES', 'Choose at least one event type.', 'eventTypes');
    }
    return unique;
  }
}
