import type { Orm } from '../../server/src/db/orm.js';
import { DomainContext } from '../../server/src/domain/context.js';
import type { InitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import { applyCommand } from '../../server/src/modules/initiative/initiative.commands.js';
import type {
  CommandName,
  InitiativeCommands,
  InitiativeLiveState,
} from '../../workflows/contracts/initiative.contract.js';
import { testDomainDeps } from './domain.js';

/**
 * Initiative commands applied at once, in this process, through the same table of services the
 * workflow's activity uses — for API tests about what a command writes, not about Temporal.
 */
export function inProcessInitiativeWorkflows(orm: Orm): InitiativeWorkflows {
  return {
    start: () => Promise.resolve('started'),
    async execute<K extends CommandName>(
      initiativeId: string,
      name: K,
      command: InitiativeCommands[K],
    ) {
      const ctx = new DomainContext(testDomainDeps(), orm.em.fork(), { actor: command.actor });
      const apply = applyCommand[name] as (
        c: DomainContext,
        id: string,
        command: InitiativeCommands[K],
      ) => Promise<string | null>;
      const subjectId = await apply(ctx, initiativeId, command);
      return { state: null as unknown as InitiativeLiveState, subjectId };
    },
    live: () => Promise.resolve(null),
    refresh: () => Promise.resolve(),
  };
}
