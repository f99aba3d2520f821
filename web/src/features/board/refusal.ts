import type { CombinedError } from 'urql';
import type { BoardText } from './board.i18n.js';

/**
 * The server's refusal in words: the UI's sentence for its `extensions.reason` (or code) when it
 * has one, and the server's own message, which names the particulars.
 */
export function refusalText(error: CombinedError, text: BoardText): string[] {
  if (error.graphQLErrors.length === 0) {
    return [text.reason.NETWORK ?? '', error.networkError?.message ?? error.message];
  }
  return error.graphQLErrors.flatMap((e) => {
    const reason = typeof e.extensions.reason === 'string' ? e.extensions.reason : undefined;
    const code = typeof e.extensions.code === 'string' ? e.extensions.code : undefined;
    const sentence = (reason && text.reason[reason]) ?? (code && text.reason[code]);
    return sentence ? [sentence, e.message] : [e.message];
  });
}
