import { useState } from 'react';
import type { CombinedError } from 'urql';

type CommandResult<T> = { data?: { [field: string]: T } | null; error?: CombinedError };

/**
 * The one way an inbox entry runs a command (complete, reject, reassign, answer, resolve): the
 * entry is kept in view from the moment the command is sent — a live refresh may drop it from the
 * list before the hub answers, and an entry that left the page would lose the answer's note —
 * then either the refusal or the new status in words (`describe`) is shown, and the changed entry
 * handed back. Answers whether the hub accepted the command.
 */
export function useEntryCommand<T>(
  entry: T,
  onActed: ((entry: T) => void) | undefined,
  describe: (changed: T) => string,
) {
  const [error, setError] = useState<CombinedError | string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(run: () => Promise<CommandResult<T>>): Promise<boolean> {
    setError(null);
    setDone(null);
    onActed?.(entry);
    const result = await run();
    const changed = result.data ? Object.values(result.data)[0] : undefined;
    if (result.error || !changed) {
      setError(result.error ?? null);
      return false;
    }
    setDone(describe(changed));
    onActed?.(changed);
    return true;
  }

  return { act, error, setError, done };
}
