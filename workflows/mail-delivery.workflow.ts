import {
  ActivityFailure,
  ApplicationFailure,
  continueAsNew,
  proxyActivities,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { MailActivities } from './activities/mail.activities.js';
import {
  DEFAULT_MAIL_TIMINGS,
  type DeliverNotificationResult,
  type MailDeliveryInput,
  type MailDeliveryTimings,
} from './contracts/mail.contract.js';

/**
 * Sweeps the outbox: sends every PENDING notification (a batch at a time, each with its own
 * retries and backoff), records FAILED after a message's last attempt, and sleeps on a durable
 * timer when nothing is left, continuing as new after a number of sweeps.
 */
export async function mailDelivery(input: MailDeliveryInput = {}): Promise<void> {
  const timings: MailDeliveryTimings = { ...DEFAULT_MAIL_TIMINGS, ...input.timings };
  const { pendingNotifications, recordDeliveryFailure } = proxyActivities<MailActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
  });
  const { deliverNotification } = proxyActivities<MailActivities>({
    // An SMTP conversation that takes longer than this is stuck; the retry starts a new one.
    startToCloseTimeout: '2 minutes',
    retry: {
      initialInterval: timings.retryInitialMs,
      backoffCoefficient: 2,
      maximumInterval: timings.retryMaximumMs,
      maximumAttempts: timings.maxAttempts,
    },
  });

  const deliver = async (id: string): Promise<DeliverNotificationResult | null> => {
    try {
      return await deliverNotification({ notificationId: id });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      await recordDeliveryFailure({ notificationId: id, reason: reasonOf(err) });
      return null;
    }
  };

  for (let sweeps = 1; ; sweeps++) {
    const ids = await pendingNotifications({ limit: timings.batchSize });
    await Promise.all(ids.map(deliver));
    if (sweeps >= timings.sweepsPerExecution || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof mailDelivery>(input);
    }
    // A full batch means more may wait: sweep again at once.
    if (ids.length < timings.batchSize) await sleep(timings.intervalMs);
  }
}

function reasonOf(err: ActivityFailure): string {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure || cause instanceof Error) return cause.message;
  return err.message;
}
