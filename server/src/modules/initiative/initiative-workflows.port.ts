import { DomainError, ErrorCode } from '../../domain/errors.js';
import type {
  CommandName,
  CommandResult,
  InitiativeCommands,
  InitiativeLiveState,
} from '../../../../workflows/contracts/initiative.contract.js';

/**
 * The domain's door to the initiative workflows (implemented over Temporal in
 * server/src/temporal/). Refusals come back as DomainErrors, so callers never see Temporal.
 */
export interface InitiativeWorkflows {
  /** Starts the initiative's workflow; idempotent (`already-started` for a running or finished one). */
  start(initiativeId: string): Promise<'started' | 'already-started'>;
  /**
   * Sends a command to the initiative's workflow and waits for its answer. `updateId`
   * makes a retried call return the first call's outcome instead of applying it twice.
   */
  execute<K extends CommandName>(
    initiativeId: string,
    name: K,
    command: InitiativeCommands[K],
    opts?: { updateId?: string },
  ): Promise<CommandResult>;
  /** The workflow's live state, or null when it is not running. */
  live(initiativeId: string): Promise<InitiativeLiveState | null>;
  /** Tells the workflow the database changed outside it (best effort). */
  refresh(initiativeId: string): Promise<void>;
}

/**
 * For contexts that cannot reach Temporal (the demo loader, activities, tests of other modules):
 * starting is refused, so the reconciler starts the workflow later; commands are refused whole.
 */
export const unreachableInitiativeWorkflows: InitiativeWorkflows = {
  start: () => Promise.reject(new Error('Initiative workflows are not connected here.')),
  execute: () => Promise.reject(workflowsUnavailable('not connected yet')),
  live: () => Promise.resolve(null),
  refresh: () => Promise.resolve(),
};

/** The typed error a command gets while the workflow engine cannot be reached. */
export function workflowsUnavailable(why: string): DomainError {
  return new DomainError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'WORKFLOWS_UNAVAILABLE',
    `The workflow engine is not reachable (${why}); nothing was changed. Try again shortly.`,
  );
}
