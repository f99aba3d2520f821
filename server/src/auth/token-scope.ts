/**
 * What an integrator's API token may do. A token acts for a machine, never as a person:
 * its scopes decide the operations it may call, and it reads what a CX manager reads.
 */
export enum TokenScope {
  /** Read everything a CX manager reads (never the audit trail). */
  READ = 'READ',
  /** Submit, import and classify feedback. */
  FEEDBACK_WRITE = 'FEEDBACK_WRITE',
  /** Record and import transactional figures and metric observations. */
  FIGURES_WRITE = 'FIGURES_WRITE',
  /** Create and update segments, client accounts and contacts. */
  CLIENTS_WRITE = 'CLIENTS_WRITE',
  /** Create initiatives and send them commands (a project tool kept in sync). */
  INITIATIVES_WRITE = 'INITIATIVES_WRITE',
  /** Manage webhook subscriptions and read their deliveries (an integration set up by machine). */
  WEBHOOKS = 'WEBHOOKS',
}
