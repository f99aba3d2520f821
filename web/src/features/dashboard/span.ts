/** The months the dashboard shows, `YYYY-MM` both included. */
export interface Span {
  from: string;
  to: string;
}
