import type {
  CommandName,
  CommandResult,
  InitiativeCommands,
  InitiativeLiveState,
} from '../../../workflows/contracts/initiative.contract.js';
import {
  unreachableInitiativeWorkflows,
  type InitiativeWorkflows,
} from '../modules/initiative/initiative-workflows.port.js';

/**
 * The API's initiative workflows while Temporal is still being reached: commands are refused
 * with SERVICE_UNAVAILABLE (nothing changes), starts fail so the reconciler retries them.
 */
export class DeferredInitiativeWorkflows implements InitiativeWorkflows {
  private target: InitiativeWorkflows = unreachableInitiativeWorkflows;

  attach(target: InitiativeWorkflows): void {
    this.target = target;
  }

  start(initiativeId: string): Promise<'started' | 'already-started'> {
    return this.target.start(initiativeId);
  }

  execute<K extends CommandName>(
    initiativeId: string,
    name: K,
    command: InitiativeCommands[K],
    opts?: { updateId?: string },
  ): Promise<CommandResult> {
    return this.target.execute(initiativeId, name, command, opts);
  }

  live(initiativeId: string): Promise<InitiativeLiveState | null> {
    return this.target.live(initiativeId);
  }

  refresh(initiativeId: string): Promise<void> {
    return this.target.refresh(initiativeId);
  }
}
