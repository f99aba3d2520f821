import {
  ActivityFailure,
  ApplicationFailure,
  condition,
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
 * Sweeps the outbox: sends every PENDING notification (at most a batch in flight, each with its own
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

  // Messages being sent (or waiting for their next retry): a deferred one must not hold back the
  // rest of the outbox, so sweeps go on around it, and at most `batchSize` are in flight.
  const inFlight = new Map<string, Promise<unknown>>();
  for (let sweeps = 1; ; sweeps++) {
    const room = timings.batchSize - inFlight.size;
    const ids =
      room > 0 ? await pendingNotifications({ limit: timings.batchSize + inFlight.size }) : [];
    const fresh = ids.filter((id) => !inFlight.has(id)).slice(0, room);
    for (const id of fresh) {
      inFlight.set(
        id,
        deliver(id).finally(() => inFlight.delete(id)),
      );
    }
    if (sweeps >= timings.sweepsPerExecution || workflowInfo().continueAsNewSuggested) {
      await Promise.all(inFlight.values());
      return continueAsNew<typeof mailDelivery>(input);
    }
    if (room > 0 && fresh.length === room) continue; // a full batch: more may wait
    if (room > 0) await sleep(timings.intervalMs);
    // Every slot busy: sweep again once one frees (or after the interval).
    else await condition(() => inFlight.size < timings.batchSize, timings.intervalMs);
  }
}

function reasonOf(err: ActivityFailure): string {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure || cause instanceof Error) return cause.message;
  return err.message;
}
