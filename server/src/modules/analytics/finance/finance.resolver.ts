import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context.js';
import { optionalById, requiredById } from '../../../graphql/loaders.js';
import { ClientAccount } from '../../client/client-account.entity.js';
import {
  ClientAccountType,
  SegmentType,
  toClientAccountType,
  toSegmentType,
} from '../../client/client.types.js';
import { Segment } from '../../client/segment.entity.js';
import type { JourneyStage } from '../../journey/journey.enums.js';
import { FinanceService } from './finance.service.js';
import {
  ComputableShareInput,
  ComputableShareSeriesType,
  FinanceDivergentAccountType,
  FinanceLinkageInput,
  FinanceLinkageReportType,
  FinanceLinkageRowType,
} from './finance.types.js';

@Resolver()
export class FinanceResolver {
  @Query(() => FinanceLinkageReportType, {
    description:
      "Satisfaction ↔ finance: per segment and pooled, the regression of gross margin rate, days paid late and share of wallet on accounts' mean satisfaction, and the accounts whose satisfaction rises while payments do not.",
  })
  async financeLinkage(
    @Arg('input', () => FinanceLinkageInput, { nullable: true })
    input: FinanceLinkageInput | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<FinanceLinkageReportType> {
    const report = await ctx.service(FinanceService).linkage(input ?? {});
    return {
      periodFrom: report.periodFrom,
      periodTo: report.periodTo,
      satisfactionMetric: report.satisfactionMetric,
      computedAt: report.computedAt,
      fromSnapshot: report.fromSnapshot,
      rows: report.rows.map((r) => ({ ...r, pooled: r.segmentId === null })),
      divergentAccounts: report.divergent.map((d) => ({
        accountId: d.accountId,
        scores: d.scores,
        satisfactionPerMonth: d.satisfactionPerMonth,
        satisfactionT: d.satisfactionT,
        daysLatePerMonth: d.daysLatePerMonth,
        daysLateFirst: d.daysLateFirst,
        daysLateLast: d.daysLateLast,
      })),
    };
  }

  @Query(() => [ComputableShareSeriesType], {
    description:
      'Computable vs trigger share of metric observations per month, segment and journey stage, with the trend of the computable share.',
  })
  async computableShare(
    @Arg('input', () => ComputableShareInput, { nullable: true })
    input: ComputableShareInput | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ComputableShareSeriesType[]> {
    const series = await ctx.service(FinanceService).shares(input ?? {});
    return series.map((s) => ({
      ...s,
      stage: (s.stage as JourneyStage | null) ?? null,
      points: s.points.map((p) => ({ ...p })),
    }));
  }
}

@Resolver(() => FinanceLinkageRowType)
export class FinanceLinkageRowResolver {
  @FieldResolver(() => SegmentType, { nullable: true, description: 'Null when pooled.' })
  async segment(
    @Root() row: FinanceLinkageRowType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    return optionalById(ctx, Segment, row.segmentId, toSegmentType);
  }
}

@Resolver(() => FinanceDivergentAccountType)
export class FinanceDivergentAccountResolver {
  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() row: FinanceDivergentAccountType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    return toClientAccountType(await requiredById(ctx, ClientAccount, row.accountId));
  }
}

@Resolver(() => ComputableShareSeriesType)
export class ComputableShareSeriesResolver {
  @FieldResolver(() => SegmentType)
  async segment(
    @Root() row: ComputableShareSeriesType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType> {
    return toSegmentType(await requiredById(ctx, Segment, row.segmentId));
  }
}
