import { useEffect, useMemo, useRef } from 'react';
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
 * Re-runs a page's query (`refetch`, network-only) whenever the hub reports that an initiative or
 * a task changed (`initiativeChanged` / `taskChanged`), or, with `initiativeId`, only that
 * initiative or one of its tasks. A pushed entity updates the normalised cache by itself, but
 * what the server derives from it (open and overdue task counts, the timeline) does not: so the
 * page asks the server again instead of recomputing anything.
 */
export function useRefetchOnChange(
  refetch: () => void,
  options: { initiativeId?: string; pause?: boolean } = {},
): void {
  const { initiativeId, pause = false } = options;
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  }, [refetch]);
  const initiativeVariables = useMemo(
    () => ({ filter: initiativeId ? { ids: [initiativeId] } : null }),
    [initiativeId],
  );
  const taskVariables = useMemo(() => ({}), []);
  const initiative = useLive(LiveInitiativeChanged, initiativeVariables, pause);
  const task = useLive(LiveTaskChanged, taskVariables, pause);

  // Each push is a new result object: one refetch per push, none on a mere re-render.
  useEffect(() => {
    if (initiative.data) latest.current();
  }, [initiative.data]);
  useEffect(() => {
    const changed = task.data?.taskChanged;
    if (changed && (!initiativeId || changed.initiative.id === initiativeId)) latest.current();
  }, [task.data, initiativeId]);
}
