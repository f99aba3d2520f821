/** An inbox line before rendering: what the API said about its urgency. */
export interface Entry<Ref = unknown> {
  kind: 'task' | 'case';
  id: string;
  overdue: boolean;
  dueAt: string | null;
  ref: Ref;
}

/**
 * Overdue first (as the API flags them), then by due date, soonest first; entries without a
 * due date last. Stable otherwise, so the API's own order breaks ties.
 */
export function orderEntries<E extends Entry>(entries: E[]): E[] {
  const due = (e: E) => (e.dueAt ? Date.parse(e.dueAt) : Number.POSITIVE_INFINITY);
  return [...entries].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b));
}
