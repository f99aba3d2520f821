/** What made the monitor raise an alert. */
export enum AlertKind {
  /** Satisfaction rose while payment behaviour did not improve. */
  DIVERGENCE = 'DIVERGENCE',
  /** A respondent class of the account has not been heard for the configured time. */
  COVERAGE_GAP = 'COVERAGE_GAP',
  /** A key contact has not answered for the configured time. */
  KEY_CONTACT_SILENT = 'KEY_CONTACT_SILENT',
}

export enum AlertStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
