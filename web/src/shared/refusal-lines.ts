import type { CombinedError } from 'urql';

/**
 * A server refusal in words: the page's sentence for the error's `extensions.reason` (else its
 * `extensions.code`) from `sentences`, followed by the server's own message, which names the
 * particulars. A network failure reads as `sentences.NETWORK`.
 */
export function refusalLines(error: CombinedError, sentences: Record<string, string>): string[] {
  if (error.graphQLErrors.length === 0) {
    return [sentences.NETWORK ?? '', error.networkError?.message ?? error.message].filter(Boolean);
  }
  return error.graphQLErrors.flatMap((e) => {
    const reason = typeof e.extensions.reason === 'string' ? e.extensions.reason : undefined;
    const code = typeof e.extensions.code === 'string' ? e.extensions.code : undefined;
    const sentence = (reason && sentences[reason]) ?? (code && sentences[code]);
    return sentence && sentence !== e.message ? [sentence, e.message] : [e.message];
  });
}
