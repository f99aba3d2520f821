/** Starts the collect workflow for a stored feedback item; the server's only door into Temporal. */
export interface CollectStarter {
  /**
   * Idempotent: a second call for the same item finds the running or finished
   * workflow and reports `already-started`. Throws when Temporal is unreachable.
   */
  startCollect(feedbackId: string): Promise<'started' | 'already-started'>;
}
