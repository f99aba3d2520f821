import type { ErrorRequestHandler } from 'express';
import { commonError, type DomainError } from '../domain/errors.js';
import { toGraphQLError } from '../graphql/errors.js';
import type { Logger } from '../logger.js';

/** What Express and body-parser say about a request they could not read, and what the client is told. */
function refusal(error: { type?: string; status?: number }): [number, DomainError] | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return [
        413,
        commonError(
          'PAYLOAD_TOO_LARGE',
          'The request is too large. Send at most the configured request size (CX_MAX_BODY_BYTES).',
        ),
      ];
    case 'entity.parse.failed':
      return [400, commonError('MALFORMED_REQUEST', 'The request body is not valid JSON.')];
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return [
        415,
        commonError(
          'MALFORMED_REQUEST',
          'The request body must be JSON in UTF-8, sent as it is or compressed with gzip, deflate or br.',
        ),
      ];
  }
  // Anything else reported as the client's fault (a body cut short, broken compression…).
  return error.status && error.status >= 400 && error.status < 500
    ? [
        error.status,
        commonError(
          'MALFORMED_REQUEST',
          'The request could not be read as sent (for example, a body cut short or broken compression).',
        ),
      ]
    : undefined;
}

/**
 * Bodies the API cannot read, and any other error an HTTP route passes on, still get a
 * GraphQL-shaped, typed answer through the one error function: never Express's own page,
 * which shows the stack outside production.
 */
export function httpErrors(log: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const refused = refusal(error);
    const [status, mapped] = refused
      ? [refused[0], toGraphQLError(refused[1])]
      : [500, toGraphQLError(error, (e) => log.error(`Unexpected HTTP error: ${String(e)}`))];
    res.status(status).json({ errors: [mapped.toJSON()] });
  };
}
