import { ApplicationFailure } from '@temporalio/activity';
import { loadConfig } from '../../server/src/config.js';
import {
  MailDeliveryService,
  TemporaryDeliveryError,
} from '../../server/src/modules/notification/mail-delivery.service.js';
import {
  createSmtpSender,
  type MailSender,
} from '../../server/src/modules/notification/mail-transport.js';
import {
  MAIL_DELIVERY_WORKFLOW_ID,
  MailFailure,
  type DeliverNotificationResult,
} from '../contracts/mail.contract.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

/** Activities of the mail delivery workflow, over their dependencies. */
export function createMailActivities(deps: ActivityDeps) {
  const config = deps.config ?? loadConfig({});
  const contextFor = activityContexts({ ...deps, config });
  const actor = `workflow:${MAIL_DELIVERY_WORKFLOW_ID}`;
  let sender: MailSender | undefined = deps.mail;
  const senderOf = (): MailSender => {
    if (sender) return sender;
    if (!config.mail.smtp) {
      // The workflow is started only with a server configured; a worker without one waits.
      throw ApplicationFailure.retryable(
        'No SMTP server is configured (CX_SMTP_URL or CX_SMTP_HOST).',
        MailFailure.TEMPORARY,
      );
    }
    sender = createSmtpSender(config.mail.smtp);
    return sender;
  };
  return {
    /** Ids of the oldest PENDING notifications. */
    async pendingNotifications({ limit }: { limit: number }): Promise<string[]> {
      return contextFor(actor).service(MailDeliveryService).pendingIds(limit);
    },

    /**
     * Sends one notification, idempotently: a row that is no longer PENDING (already SENT,
     * cancelled, bounced) is left alone. A deferral or a lost connection fails the attempt, to
     * be retried with backoff; a permanent refusal is recorded as BOUNCED and not retried.
     */
    async deliverNotification({
      notificationId,
    }: {
      notificationId: string;
    }): Promise<DeliverNotificationResult> {
      const service = contextFor(actor).service(MailDeliveryService);
      try {
        const outcome = await service.deliver(notificationId, senderOf(), config.mail);
        return { notificationId, outcome };
      } catch (err) {
        if (err instanceof TemporaryDeliveryError) {
          throw ApplicationFailure.retryable(err.message, MailFailure.TEMPORARY);
        }
        throw err;
      }
    },

    /** After the last attempt: FAILED with the last reason. */
    async recordDeliveryFailure({
      notificationId,
      reason,
    }: {
      notificationId: string;
      reason: string;
    }): Promise<boolean> {
      return contextFor(actor).service(MailDeliveryService).recordFailure(notificationId, reason);
    },
  };
}

export type MailActivities = ReturnType<typeof createMailActivities>;
