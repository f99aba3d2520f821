/** The initiative enums are shared with the workflows (which may not import server code). */
export {
  CouncilDecision,
  InboxKind,
  InitiativeStatus,
  Milestone,
  ProcessGroup,
  ReviewTrigger,
  RevisionOrigin,
  TaskStatus,
} from '../../../../workflows/contracts/initiative.enums.js';

export enum AnalysisKind {
  PARETO = 'PARETO',
  ROOT_CAUSE = 'ROOT_CAUSE',
  SCREENING = 'SCREENING',
}
