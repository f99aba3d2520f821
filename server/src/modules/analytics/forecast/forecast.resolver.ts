import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context.js';
import { IdArg } from '../../../graphql/global-ids.js';
import { requiredById } from '../../../graphql/loaders.js';
import { ConnectionArgs, mapPage } from '../../../graphql/relay.js';
import { ClientAccount } from '../../client/client-account.entity.js';
import {
  ClientAccountType,
  SegmentType,
  toClientAccountType,
  toSegmentType,
} from '../../client/client.types.js';
import { Segment } from '../../client/segment.entity.js';
import { ForecastService } from './forecast.service.js';
import {
  AccountForecastConnection,
  AccountForecastSort,
  AccountForecastType,
  AccountMarginAtRiskType,
  ForecastEvaluationType,
  MarginAtRiskType,
  SegmentMarginType,
  toAccountForecastType,
  toForecastEvaluationType,
} from './forecast.types.js';

@Resolver(() => AccountForecastType)
export class AccountForecastResolver {
  @Query(() => AccountForecastConnection, {
    description:
      "The accounts' forecasts of the latest forecast month (or `period`), highest churn risk first unless sorted otherwise.",
  })
  async accountForecasts(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('period', () => String, { nullable: true, description: 'YYYY-MM' })
    period: string | undefined,
    @IdArg('segmentId', 'Segment', { nullable: true }) segmentId: string | undefined,
    @Arg('dangerOnly', () => Boolean, { nullable: true }) dangerOnly: boolean | undefined,
    @Arg('sort', () => AccountForecastSort, { nullable: true })
    sort: AccountForecastSort | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountForecastConnection> {
    const service = ctx.service(ForecastService);
    const page = await service.list(
      { period, segmentId, dangerOnly },
      sort ?? AccountForecastSort.CHURN_RISK_DESC,
      args,
    );
    return mapPage(page, (f) => toAccountForecastType(f, service.inDanger(f)));
  }

  @Query(() => ForecastEvaluationType, {
    description:
      'The forecasts trained on the history before the last `holdoutMonths` complete months and scored on those months against the naive baselines.',
  })
  async forecastEvaluation(
    @Arg('holdoutMonths', () => Int, { defaultValue: 5 }) holdoutMonths: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ForecastEvaluationType> {
    return toForecastEvaluationType(await ctx.service(ForecastService).evaluation(holdoutMonths));
  }

  @Query(() => MarginAtRiskType, {
    description:
      'Gross margin (trailing 12 months) of the accounts in the danger zone of the latest forecasts (or `period`), with the reasons.',
  })
  async marginAtRisk(
    @Arg('period', () => String, { nullable: true, description: 'YYYY-MM' })
    period: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<MarginAtRiskType> {
    const service = ctx.service(ForecastService);
    const result = await service.marginAtRisk(period);
    return Object.assign(new MarginAtRiskType(), {
      ...result,
      dangerNps: service.config.dangerNps,
      dangerChurnRisk: service.config.dangerChurnRisk,
    });
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() row: AccountForecastType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    return toClientAccountType(await requiredById(ctx, ClientAccount, row.accountId));
  }

  @FieldResolver(() => SegmentType)
  async segment(
    @Root() row: AccountForecastType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType> {
    return toSegmentType(await requiredById(ctx, Segment, row.segmentId));
  }
}

@Resolver(() => AccountMarginAtRiskType)
export class AccountMarginAtRiskResolver {
  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() row: AccountMarginAtRiskType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    return toClientAccountType(await requiredById(ctx, ClientAccount, row.accountId));
  }

  @FieldResolver(() => SegmentType)
  async segment(
    @Root() row: AccountMarginAtRiskType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType> {
    return toSegmentType(await requiredById(ctx, Segment, row.segmentId));
  }
}

@Resolver(() => SegmentMarginType)
export class SegmentMarginAtRiskResolver {
  @FieldResolver(() => SegmentType)
  async segment(@Root() row: SegmentMarginType, @Ctx() ctx: RequestContext): Promise<SegmentType> {
    return toSegmentType(await requiredById(ctx, Segment, row.segmentId));
  }
}
