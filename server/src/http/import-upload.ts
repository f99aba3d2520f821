import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/authenticate.js';
import { withRateLimit } from './rate-limit.js';
import { mutationRules } from '../auth/operation-rules.js';
import { refusal } from '../auth/policy.js';
import type { Em } from '../db/orm.js';
import { DomainContext } from '../domain/context.js';
import { DomainError, ErrorCode } from '../domain/errors.js';
import type { AppDeps } from '../graphql/context.js';
import { toGraphQLError } from '../graphql/errors.js';
import { FILE_KINDS, isFileKind, type FileKind } from '../modules/import/file/file-kinds.js';
import { FileImportService } from '../modules/import/file/file-import.service.js';
import type { FileFormat } from '../modules/import/file/file-reader.js';
import { importError } from '../modules/import/import.errors.js';

/** A file of a kind is imported under the access rule of the GraphQL mutation of that kind. */
const OPERATION: Record<FileKind, string> = {
  feedback: 'importFeedback',
  transactions: 'importTransactionalFigures',
  observations: 'importMetricObservations',
};

/** Refused rows the answer lists (the counts cover every row). */
export const UPLOAD_REFUSALS_SHOWN = 100;

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
};

/**
 * `POST /import/<kind>?dryRun=true&format=csv|json`, the file as the request body (not a
 * form), read as a stream. Answers the file import's report as JSON: counts and the first
 * refused rows with their row numbers; errors in the GraphQL shape (`errors[0].extensions`).
 */
export function importUpload(deps: AppDeps): RequestHandler {
  // Uploads spend from an allowance of their own, of the same size as /graphql's.
  const viewerOf = withRateLimit(deps.config.rateLimit, async ({ req }) => ({
    viewer: await authenticate(deps, req.headers),
  }));
  return async (req, res) => {
    try {
      const kind = String(req.params.kind);
      if (!isFileKind(kind)) {
        throw importError(
          'UNKNOWN_KIND',
          `Files of kind "${kind}" cannot be imported; the kinds are ${FILE_KINDS.join(', ')}.`,
          'kind',
        );
      }
      const { viewer } = await viewerOf({ req, res });
      const refused = refusal(mutationRules[OPERATION[kind]]!, viewer, `the ${kind} import`);
      if (refused) throw refused;
      const format = formatOf(req.query.format, req.headers['content-type']);
      const ctx = new DomainContext(deps, deps.orm.em.fork() as Em, viewer);
      const report = await ctx.service(FileImportService).importFile(req, {
        kind,
        format,
        dryRun: ['true', '1'].includes(String(req.query.dryRun ?? 'false')),
        keepRefusals: UPLOAD_REFUSALS_SHOWN,
      });
      res.json(report);
    } catch (error) {
      const mapped = toGraphQLError(error, (e) =>
        deps.log.error(`File import failed: ${String(e)}`),
      );
      const code = String(mapped.extensions.code);
      const status =
        error instanceof GraphQLError || error instanceof DomainError ? (STATUS[code] ?? 400) : 500;
      const http = error instanceof GraphQLError ? error.extensions.http : undefined;
      const retryAfter = (http as { headers?: Map<string, string> } | undefined)?.headers?.get(
        'retry-after',
      );
      if (retryAfter) res.setHeader('retry-after', retryAfter);
      // The rest of the body is not read: close the connection rather than drain a large file.
      res.setHeader('connection', 'close');
      res.status(status).json({ errors: [mapped.toJSON()] });
    }
  };
}

function formatOf(query: unknown, contentType: string | undefined): FileFormat {
  const named = typeof query === 'string' ? query : undefined;
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const format =
    named ??
    (type === 'text/csv'
      ? 'csv'
      : type === 'application/json' || type === 'application/x-ndjson'
        ? 'json'
        : undefined);
  if (format !== 'csv' && format !== 'json') {
    throw importError(
      'UNKNOWN_KIND',
      'Say the file format: ?format=csv or ?format=json, or a Content-Type of text/csv, application/json or application/x-ndjson.',
      'format',
    );
  }
  return format;
}
