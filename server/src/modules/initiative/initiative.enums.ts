/** The five CX process groups; each is a Temporal workflow family. */
export enum ProcessGroup {
  COLLECT = 'COLLECT',
  ANALYSE = 'ANALYSE',
  IMPLEMENT = 'IMPLEMENT',
  MONITOR = 'MONITOR',
  CORRECT = 'CORRECT',
}

export enum InitiativeStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  ON_HOLD = 'ON_HOLD',
  AWAITING_COUNCIL = 'AWAITING_COUNCIL',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum TaskStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

export enum CouncilDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
}

export enum AnalysisKind {
  PARETO = 'PARETO',
  ROOT_CAUSE = 'ROOT_CAUSE',
  SCREENING = 'SCREENING',
}
