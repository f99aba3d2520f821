import type { CombinedError } from 'urql';
import { problemsOf } from './errors.js';

/** Typed API errors, announced to screen readers, each with its code. */
export function ProblemList({ error, title }: { error: CombinedError; title: string }) {
  return (
    <div className="problems" role="alert">
      <p>{title}</p>
      <ul>
        {problemsOf(error).map((problem, i) => (
          <li key={i}>
            <code className="problem-code">{problem.code}</code> {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
