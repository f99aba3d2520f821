import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { InitiativeActivities } from './activities/initiative.activities.js';
import {
  COMMAND_NAMES,
  DEFAULT_INITIATIVE_TIMINGS,
  InitiativeFailure,
  initiativeUpdates,
  initiativeWorkflowId,
  liveStateQuery,
  refreshSignal,
  type CommandName,
  type CommandResult,
  type InitiativeCommands,
  type InitiativeLiveState,
  type InitiativeOutcome,
  type InitiativeSnapshot,
  type InitiativeWorkflowInput,
} from './contracts/initiative.contract.js';
import { checkCommand, isFinished } from './contracts/initiative.rules.js';
import { dueActions, nextWakeUp, plannedTimers, timerKey } from './contracts/initiative.timers.js';
import { MATURITY_WORKFLOW_ID, evidenceChangedSignal } from './contracts/maturity.contract.js';

/** Patch: evidence is announced only when phase, status or revision changed (v1: after every command). */
const EVIDENCE_ON_STATE_CHANGE = 'evidence-on-state-change';

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' };

/** Loading and timers retry until the database is back: nothing the workflow owes is dropped. */
const durable = proxyActivities<InitiativeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    ...retry,
    nonRetryableErrorTypes: [InitiativeFailure.REFUSED, InitiativeFailure.NOT_FOUND],
  },
});

/** A command answers a person waiting in the API: bounded, then "try again" (nothing changed). */
const answering = proxyActivities<InitiativeActivities>({
  startToCloseTimeout: '20 seconds',
  scheduleToCloseTimeout: '45 seconds',
  retry: {
    ...retry,
    nonRetryableErrorTypes: [InitiativeFailure.REFUSED, InitiativeFailure.NOT_FOUND],
  },
});

/**
 * An initiative's whole life: ANALYSE → IMPLEMENT → MONITOR → CORRECT → IMPLEMENT (a new
 * revision) … → CLOSED, or CANCELLED. Commands are Updates, validated against the live state
 * and applied one at a time by an activity that writes the read model; reminders and
 * escalations fire from timers. The history stays bounded through continue-as-new.
 */
export async function initiativeLifecycle(
  input: InitiativeWorkflowInput,
): Promise<InitiativeOutcome> {
  const timings = { ...DEFAULT_INITIATIVE_TIMINGS, ...input.timings };
  const { initiativeId } = input;
  let state: InitiativeSnapshot | undefined = input.carried ?? undefined;
  let changes = 0;
  let refreshWanted = false;
  const serial = serialiser();

  const live = (): InitiativeLiveState | null =>
    state
      ? {
          ...state,
          workflowId: initiativeWorkflowId(initiativeId),
          timers: plannedTimers(state, timings),
        }
      : null;

  const adopt = (next: InitiativeSnapshot) => {
    state = next;
    changes += 1;
  };

  const refuseIfBroken = <K extends CommandName>(name: K, command: InitiativeCommands[K]) => {
    if (!state) return; // not loaded yet: the activity's services check against the rows
    const broken = checkCommand(state, name, command);
    if (broken) {
      throw ApplicationFailure.create({
        type: InitiativeFailure.REFUSED,
        message: broken.message,
        details: [{ reason: broken.reason, ...(broken.field ? { field: broken.field } : {}) }],
        nonRetryable: true,
      });
    }
  };

  const apply = async <K extends CommandName>(
    name: K,
    command: InitiativeCommands[K],
  ): Promise<CommandResult> => {
    // No second check here: rules run in the validator (never replayed) and again in the
    // activity's transaction against the rows, so tightening a rule needs no patch.
    const key = currentUpdateInfo()?.id ?? uuid4();
    try {
      const result = await answering.applyInitiativeCommand({
        initiativeId,
        name,
        command,
        key: `update:${key}`,
        at: new Date().toISOString(),
      });
      const before = state;
      adopt(result.snapshot);
      // v1 told the maturity workflow after every command; now only when the initiative moved on.
      const worthTelling = patched(EVIDENCE_ON_STATE_CHANGE)
        ? movedOn(before, result.snapshot)
        : true;
      if (worthTelling) await announceEvidence();
      return { state: live()!, subjectId: result.subjectId };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) throw refusal;
      // Unknown outcome (e.g. the database went away): re-read what is true, then say so.
      adopt(await durable.loadInitiative({ initiativeId }));
      throw ApplicationFailure.create({
        type: InitiativeFailure.UNAVAILABLE,
        message:
          'The change could not be applied right now; nothing was changed. Try again shortly.',
        nonRetryable: true,
      });
    }
  };

  for (const name of COMMAND_NAMES) {
    setHandler(
      initiativeUpdates[name],
      (command: InitiativeCommands[typeof name]) => serial(() => apply(name, command)),
      { validator: (command: InitiativeCommands[typeof name]) => refuseIfBroken(name, command) },
    );
  }
  setHandler(liveStateQuery, live);
  setHandler(refreshSignal, () => {
    refreshWanted = true;
  });

  if (!state) await serial(async () => adopt(await durable.loadInitiative({ initiativeId })));

  while (state && !isFinished(state)) {
    const seen = changes;
    const wakeAt = nextWakeUp(state, timings);
    const waitMs = wakeAt === undefined ? undefined : wakeAt - Date.now();
    if (waitMs === undefined || waitMs > 0) {
      const woken = () => changes !== seen || refreshWanted || historyIsLong();
      if (waitMs === undefined) await condition(woken);
      else await condition(woken, waitMs);
    }
    if (refreshWanted) {
      refreshWanted = false;
      await serial(async () => adopt(await durable.loadInitiative({ initiativeId })));
    }
    await serial(() => fireDueTimers());
    if (historyIsLong() && state && !isFinished(state)) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof initiativeLifecycle>({
        initiativeId,
        timings: input.timings,
        carried: state,
      });
    }
  }
  await condition(allHandlersFinished);
  return { initiativeId, status: state!.status, revision: state!.revision };

  async function fireDueTimers(): Promise<void> {
    if (!state) return;
    const now = Date.now();
    for (const action of dueActions(state, timings, now)) {
      adopt(
        await durable.runInitiativeTimer({
          initiativeId,
          action,
          key: timerKey(initiativeId, action),
          at: new Date(now).toISOString(),
        }),
      );
    }
  }

  function historyIsLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= timings.historyLimit;
  }
}

/** Whether the phase, status or revision changed: the maturity evidence that initiatives give. */
function movedOn(before: InitiativeSnapshot | undefined, after: InitiativeSnapshot): boolean {
  return (
    !before ||
    before.processGroup !== after.processGroup ||
    before.status !== after.status ||
    before.revision !== after.revision
  );
}

/** The maturity workflow recomputes soon after; it may not run (yet), which is fine. */
async function announceEvidence(): Promise<void> {
  try {
    await getExternalWorkflowHandle(MATURITY_WORKFLOW_ID).signal(evidenceChangedSignal, {
      source: workflowInfo().workflowId,
    });
  } catch {
    // Its schedule picks the change up anyway.
  }
}

/** A refusal from the command's activity, passed on to the caller as it is. */
function refusalOf(error: unknown): ApplicationFailure | undefined {
  const cause = error instanceof ActivityFailure ? error.cause : undefined;
  if (
    cause instanceof ApplicationFailure &&
    (cause.type === InitiativeFailure.REFUSED || cause.type === InitiativeFailure.NOT_FOUND)
  ) {
    return ApplicationFailure.create({
      type: cause.type,
      message: cause.message,
      details: cause.details ? [...cause.details] : undefined,
      nonRetryable: true,
    });
  }
  return undefined;
}

/** Runs async steps one after another, in the order they were asked for (deterministic). */
function serialiser() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>): Promise<T> => {
    const run = tail.then(step);
    tail = run.catch(() => undefined);
    return run;
  };
}
