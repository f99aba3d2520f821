import { useCallback, useEffect, useMemo, useRef } from 'react';
import { graphql } from '../gql/index.js';
import { useLive } from './live.js';

const LiveInitiativeChanged = graphql(`
  subscription LiveInitiativeChanged($filter: InitiativeChangedFilter) {
    initiativeChanged(filter: $filter) {
      id
      revision
      status
      processGroup
      updatedAt
    }
  }
`);

const LiveTaskChanged = graphql(`
  subscription LiveTaskChanged {
    taskChanged {
      id
      status
      overdue
      updatedAt
      initiative {
        id
      }
    }
  }
`);

/**
 * Calls `refetch` at once, then at most once per `gapMs`: a burst of pushes (a sweep marking many
 * tasks overdue) costs two reads of the page's query, not one per push.
 */
function useCoalesced(refetch: () => void, gapMs: number): () => void {
  const latest = useRef(refetch);
  const state = useRef<{ timer?: ReturnType<typeof setTimeout>; again: boolean }>({
    again: false,
  });
  useEffect(() => {
    latest.current = refetch;
  }, [refetch]);
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return useCallback(() => {
    const s = state.current;
    if (s.timer) {
      s.again = true;
      return;
    }
    latest.current();
    const settle = () => {
      if (s.again) {
        s.again = false;
        latest.current();
        s.timer = setTimeout(settle, gapMs);
      } else {
        s.timer = undefined;
      }
    };
    s.timer = setTimeout(settle, gapMs);
  }, [gapMs]);
}

/**
 * Re-runs a page's query (`refetch`, network-only) whenever the hub reports that an initiative or
 * a task changed (`initiativeChanged` / `taskChanged`), or, with `initiativeId`, only that
 * initiative or one of its tasks. A pushed entity updates the normalised cache by itself, but
 * what the server derives from it (open and overdue task counts, the timeline) does not: so the
 * page asks the server again instead of recomputing anything.
 */
export function useRefetchOnChange(
  refetch: () => void,
  options: { initiativeId?: string; pause?: boolean; gapMs?: number } = {},
): void {
  const { initiativeId, pause = false, gapMs = 500 } = options;
  const changed = useCoalesced(refetch, gapMs);
  const initiativeVariables = useMemo(
    () => ({ filter: initiativeId ? { ids: [initiativeId] } : null }),
    [initiativeId],
  );
  const taskVariables = useMemo(() => ({}), []);
  const initiative = useLive(LiveInitiativeChanged, initiativeVariables, pause);
  const task = useLive(LiveTaskChanged, taskVariables, pause);

  // Each push is a new result object: one call per push, none on a mere re-render.
  useEffect(() => {
    if (initiative.data) changed();
  }, [initiative.data, changed]);
  useEffect(() => {
    const pushed = task.data?.taskChanged;
    if (pushed && (!initiativeId || pushed.initiative.id === initiativeId)) changed();
  }, [task.data, initiativeId, changed]);
}
