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

/** Where a case's response deadline stands for its client. */
export enum CaseResponseClock {
  /** Nobody has answered yet and the deadline is still ahead. */
  RUNNING = 'RUNNING',
  /** Nobody has answered yet and the deadline has passed. */
  OVERDUE = 'OVERDUE',
  /** The client was answered (or the case resolved) by the deadline. */
  MET = 'MET',
  /** The client was answered (or the case resolved) after the deadline. */
  MISSED = 'MISSED',
}
