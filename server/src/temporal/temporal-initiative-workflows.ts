import {
  QueryRejectedError,
  WorkflowClient,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  INITIATIVE_WORKFLOW,
  InitiativeFailure,
  initiativeUpdates,
  initiativeWorkflowId,
  liveStateQuery,
  refreshSignal,
  type CommandName,
  type CommandResult,
  type FailureDetails,
  type InitiativeCommands,
  type InitiativeLiveState,
  type InitiativeTimings,
  type InitiativeWorkflowInput,
} from '../../../workflows/contracts/initiative.contract.js';
import { DomainError, ErrorCode } from '../domain/errors.js';
import {
  workflowsUnavailable,
  type InitiativeWorkflows,
} from '../modules/initiative/initiative-workflows.port.js';
import { initiativeError } from '../modules/initiative/initiative.errors.js';
import { startOnce } from './start-once.js';

export interface TemporalInitiativeWorkflowsOptions {
  taskQueue: string;
  timings?: Partial<InitiativeTimings>;
  /** Deadline of a start call; short, because the reconciler starts what did not get through. */
  startTimeoutMs?: number;
}

/** Initiative workflows over Temporal: one per initiative, commands as Updates. */
export class TemporalInitiativeWorkflows implements InitiativeWorkflows {
  /**
   * For the live-state query: the server refuses to query a workflow that is no longer
   * running, instead of having a worker replay its history (which answers the final state,
   * or hangs with no worker polling).
   */
  private readonly openOnly: WorkflowClient;

  constructor(
    private readonly client: Client,
    private readonly options: TemporalInitiativeWorkflowsOptions,
  ) {
    this.openOnly = new WorkflowClient({
      connection: client.connection,
      namespace: client.options.namespace,
      queryRejectCondition: 'NOT_OPEN',
    });
  }

  /** A closed initiative's workflow has ended for good: it never starts a second life. */
  start(initiativeId: string): Promise<'started' | 'already-started'> {
    const input: InitiativeWorkflowInput = { initiativeId, timings: this.options.timings };
    return startOnce(this.client, INITIATIVE_WORKFLOW, {
      workflowId: initiativeWorkflowId(initiativeId),
      taskQueue: this.options.taskQueue,
      args: [input],
      timeoutMs: this.options.startTimeoutMs ?? 3000,
    });
  }

  async execute<K extends CommandName>(
    initiativeId: string,
    name: K,
    command: InitiativeCommands[K],
    opts: { updateId?: string } = {},
  ): Promise<CommandResult> {
    const send = () =>
      this.client.workflow
        .getHandle(initiativeWorkflowId(initiativeId))
        .executeUpdate(initiativeUpdates[name], {
          args: [command],
          ...(opts.updateId ? { updateId: opts.updateId } : {}),
        });
    try {
      try {
        return await send();
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
        // Never started (Temporal was down when the initiative was created): start it now.
        if ((await this.start(initiativeId)) === 'already-started') {
          throw initiativeError(
            'INITIATIVE_FINISHED',
            'This initiative’s workflow has ended; the initiative can no longer be changed.',
          );
        }
        return await send();
      }
    } catch (err) {
      throw toDomainError(err);
    }
  }

  async live(initiativeId: string): Promise<InitiativeLiveState | null> {
    try {
      return await this.openOnly
        .getHandle(initiativeWorkflowId(initiativeId))
        .query(liveStateQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError || err instanceof QueryRejectedError) return null;
      throw toDomainError(err);
    }
  }

  async refresh(initiativeId: string): Promise<void> {
    await this.client.workflow.getHandle(initiativeWorkflowId(initiativeId)).signal(refreshSignal);
  }
}

/** What the workflow refused becomes the typed error the domain would have thrown itself. */
export function toDomainError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const failure =
    err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure
      ? err.cause
      : undefined;
  if (!failure) {
    // The transport's own words name hosts and ports: clients get a sentence without them.
    return err instanceof Error && /UNAVAILABLE|ECONNREFUSED|deadline/i.test(err.message)
      ? workflowsUnavailable('no answer from it')
      : err;
  }
  if (failure.type === InitiativeFailure.UNAVAILABLE) {
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'TRY_AGAIN', failure.message);
  }
  const details = (failure.details?.[0] ?? {}) as Partial<FailureDetails>;
  const reason = details.reason ?? 'INITIATIVE_NOT_FOUND';
  const table = initiativeError.table as Record<string, ErrorCode>;
  const code = table[reason] ?? (details.code as ErrorCode | undefined) ?? ErrorCode.CONFLICT;
  return new DomainError(code, reason, failure.message, details.field);
}
