import { findById } from '../../db/lookup.js';
import type { DomainContext } from '../../domain/context.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Segment } from '../client/segment.entity.js';
import { coverageOf, type CoverageFigures, type CoverageScope } from './coverage.js';
import { monitorError } from './monitor.errors.js';

/** Respondent coverage as the API asks for it: the scope checked, then one aggregate query. */
export class CoverageService {
  constructor(private readonly ctx: DomainContext) {}

  async coverage(scope: CoverageScope): Promise<CoverageFigures> {
    if (scope.periodFrom > scope.periodTo) {
      throw monitorError(
        'INVALID_PERIOD',
        `The period starts (${scope.periodFrom}) after it ends (${scope.periodTo}).`,
        'periodTo',
      );
    }
    // Looked up through the viewer's rows, so an account it may not see is as a missing one.
    if (scope.accountId && !(await findById(this.ctx.em, ClientAccount, scope.accountId))) {
      throw monitorError('ACCOUNT_NOT_FOUND', 'No client account matches accountId.', 'accountId');
    }
    if (scope.segmentId && !(await findById(this.ctx.em, Segment, scope.segmentId))) {
      throw monitorError('SEGMENT_NOT_FOUND', 'No segment matches segmentId.', 'segmentId');
    }
    return coverageOf(this.ctx.em, scope);
  }
}
