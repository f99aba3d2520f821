/**
 * The baseline of the workflows benchmark: a workflow that does nothing but wait, with an
 * Update whose handler is empty, so one Update costs what Temporal and the worker cost.
 */
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const noopUpdate = defineUpdate<null, [string]>('noop');
export const finishSignal = defineSignal('finish');

export async function trivialWorkflow(): Promise<void> {
  let finished = false;
  setHandler(noopUpdate, () => null);
  setHandler(finishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
}
