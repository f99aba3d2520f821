/** A delivery to send, in the round it is queued for. */
export interface QueuedWebhookDelivery {
  deliveryId: string;
  round: number;
}

/** Starts delivery workflows (Temporal in the API and worker; a recorder in tests). */
export interface WebhookStarter {
  /** Starts each once; one already started is left as it is. */
  start(deliveries: QueuedWebhookDelivery[]): Promise<void>;
}
