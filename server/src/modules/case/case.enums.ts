/** Where a case for unhappy feedback stands. */
export enum CaseStatus {
  /** Opened on intake; nobody has answered the client yet. */
  OPEN = 'OPEN',
  /** The owner has answered the client (first response recorded). */
  RESPONDED = 'RESPONDED',
  /** Closed with a resolution note sent to the client. */
  RESOLVED = 'RESOLVED',
}

/** What in the feedback opened the case (the first that applies, in this order). */
export enum CaseReason {
  COMPLAINT = 'COMPLAINT',
  DETRACTOR = 'DETRACTOR',
  LOW_CSI = 'LOW_CSI',
  HIGH_EFFORT = 'HIGH_EFFORT',
}
