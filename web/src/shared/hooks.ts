import { useEffect, useRef, useState } from 'react';

/**
 * Calls `refetch` every `intervalMs` while `active`, skipping a tick while the previous fetch is
 * still running, so a slow server never gets overlapping polls.
 */
export function usePollWhile(
  active: boolean,
  fetching: boolean,
  refetch: () => void,
  intervalMs = 2500,
): void {
  const busy = useRef(fetching);
  useEffect(() => {
    busy.current = fetching;
  }, [fetching]);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (!busy.current) refetch();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [active, refetch, intervalMs]);
}

/** `value`, once it has stopped changing for `delayMs` (search boxes). */
export function useDebounced<T>(value: T, delayMs = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The keys of a label table, in its order: option lists come from the dictionary that names them. */
export function keysOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}
