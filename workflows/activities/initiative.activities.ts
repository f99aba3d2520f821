import { ApplicationFailure } from '@temporalio/activity';
import { CommandReceipt } from '../../server/src/db/command-receipt.entity.js';
import type { Em } from '../../server/src/db/orm.js';
import { fixedClock, type DomainContext } from '../../server/src/domain/context.js';
import { DomainError } from '../../server/src/domain/errors.js';
import { InitiativeTimerService } from '../../server/src/modules/initiative/initiative-timer.service.js';
import { applyCommand } from '../../server/src/modules/initiative/initiative.commands.js';
import { loadSnapshot } from '../../server/src/modules/initiative/initiative.snapshot.js';
import {
  InitiativeFailure,
  initiativeWorkflowId,
  type CommandName,
  type FailureDetails,
  type InitiativeCommands,
  type InitiativeSnapshot,
} from '../contracts/initiative.contract.js';
import type { TimerAction } from '../contracts/initiative.timers.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

export interface ApplyCommandInput<K extends CommandName = CommandName> {
  initiativeId: string;
  name: K;
  command: InitiativeCommands[K];
  /** Idempotency key: the Update's id. */
  key: string;
  /** The workflow's time, so recorded facts follow workflow time (and time skipping in tests). */
  at: string;
}

export interface RunTimerInput {
  initiativeId: string;
  action: TimerAction;
  key: string;
  at: string;
}

function refused(error: DomainError): ApplicationFailure {
  const details: FailureDetails = {
    reason: error.reason,
    code: error.code,
    ...(error.field ? { field: error.field } : {}),
  };
  return ApplicationFailure.create({
    type: InitiativeFailure.REFUSED,
    message: error.message,
    details: [details],
    nonRetryable: true,
  });
}

/**
 * Activities of the initiative workflow. Each calls the same domain services as the API,
 * with a context acting as the command's author (or the workflow for timers) at workflow time,
 * inside one transaction that also records a receipt of the command: a retry whose first
 * attempt committed finds the receipt and changes nothing.
 */
export function createInitiativeActivities(deps: ActivityDeps) {
  const contextFor = activityContexts(deps);

  async function once(
    key: string,
    actor: string,
    at: string,
    work: (ctx: DomainContext, em: Em) => Promise<string | null>,
  ): Promise<string | null> {
    const base = contextFor(actor, fixedClock(new Date(at)));
    try {
      return await base.em.transactional(async (em) => {
        const receipt = await em.findOne(CommandReceipt, { key });
        if (receipt) return receipt.subjectId ?? null;
        const subjectId = await work(base.withEm(em), em);
        em.create(CommandReceipt, { key, appliedAt: base.clock.now(), subjectId });
        return subjectId;
      });
    } catch (error) {
      if (error instanceof DomainError) throw refused(error);
      throw error;
    }
  }

  async function snapshot(initiativeId: string): Promise<InitiativeSnapshot> {
    const found = await loadSnapshot(contextFor('system').em, initiativeId);
    if (!found) {
      throw ApplicationFailure.create({
        type: InitiativeFailure.NOT_FOUND,
        message: `No initiative with id ${initiativeId}.`,
        details: [{ reason: 'INITIATIVE_NOT_FOUND', code: 'NOT_FOUND' } satisfies FailureDetails],
        nonRetryable: true,
      });
    }
    return found;
  }

  return {
    /** The initiative as its rows stand (the workflow adopts it at start and after doubt). */
    loadInitiative: ({ initiativeId }: { initiativeId: string }) => snapshot(initiativeId),

    /** Applies one command through the lifecycle services; refusals are typed and final. */
    async applyInitiativeCommand(
      input: ApplyCommandInput,
    ): Promise<{ snapshot: InitiativeSnapshot; subjectId: string | null }> {
      const apply = applyCommand[input.name] as (
        ctx: DomainContext,
        id: string,
        c: InitiativeCommands[CommandName],
      ) => Promise<string | null>;
      const subjectId = await once(input.key, input.command.actor, input.at, (ctx) =>
        apply(ctx, input.initiativeId, input.command),
      );
      return { snapshot: await snapshot(input.initiativeId), subjectId };
    },

    /** A reminder or escalation the workflow's timer asked for, acting as the workflow. */
    async runInitiativeTimer(input: RunTimerInput): Promise<InitiativeSnapshot> {
      const actor = `workflow:${initiativeWorkflowId(input.initiativeId)}`;
      await once(input.key, actor, input.at, async (ctx, em) => {
        await ctx.service(InitiativeTimerService).run(em, input.initiativeId, input.action);
        return null;
      });
      return snapshot(input.initiativeId);
    },
  };
}

export type InitiativeActivities = ReturnType<typeof createInitiativeActivities>;
