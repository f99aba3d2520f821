import { useEffect, useRef } from 'react';

/**
 * Calls `refetch` each time one of `pushes` changes to a new value (a live event arrived), and
 * never merely because the page re-rendered: `refetch` may be a fresh function every render.
 */
export function useRefetchOn(pushes: readonly unknown[], refetch: () => void): void {
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    if (pushes.some((p) => p !== undefined)) latest.current();
    // Only the pushed values decide; `refetch` is read through the ref.
  }, pushes);
}
