import type { CombinedError } from 'urql';

/** One failure as the API typed it: `extensions.code`, a sentence, and the input field if known. */
export interface ApiProblem {
  code: string;
  message: string;
  field: string | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

export function problemsOf(error: CombinedError): ApiProblem[] {
  if (error.graphQLErrors.length === 0) {
    return [
      { code: 'NETWORK', message: error.networkError?.message ?? error.message, field: undefined },
    ];
  }
  return error.graphQLErrors.map((e) => ({
    code: text(e.extensions.code) ?? 'ERROR',
    message: e.message,
    field: text(e.extensions.field),
  }));
}
