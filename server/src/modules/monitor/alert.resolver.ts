import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById, optionalById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { ClientAccount } from '../client/client-account.entity.js';
import {
  ClientAccountType,
  ContactType,
  toClientAccountType,
  toContactType,
} from '../client/client.types.js';
import { Contact } from '../client/contact.entity.js';
import { UserType, toUserType } from '../organisation/organisation.types.js';
import { User } from '../organisation/user.entity.js';
import { Alert } from './alert.entity.js';
import { AlertService } from './alert.service.js';
import { AlertFilterInput, CoverageInput } from './monitor.inputs.js';
import { CoverageService } from './coverage.service.js';
import { PeriodFigureService } from './period-figure.service.js';
import {
  PeriodFigureConnection,
  PeriodFigureFilter,
  PeriodMetricFigureConnection,
  PeriodMetricFigureFilter,
  toPeriodFigureType,
  toPeriodMetricFigureType,
} from './period-figure.types.js';
import {
  AlertConnection,
  AlertOrder,
  AlertType,
  CoverageType,
  toAlertType,
} from './monitor.types.js';

registerNodeType('Alert', async (ctx, id) => {
  const alert = await entityById(ctx, Alert).load(id);
  return alert ? toAlertType(alert) : null;
});

@Resolver(() => AlertType)
export class AlertResolver {
  @Query(() => AlertType, { nullable: true })
  async alert(
    @IdArg('id', 'Alert') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AlertType | null> {
    const alert = await ctx.service(AlertService).get(id);
    return alert ? toAlertType(alert) : null;
  }

  @Query(() => AlertConnection, {
    description: "The monitor's alerts, newest first unless ordered otherwise.",
  })
  async alerts(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => AlertFilterInput, { nullable: true }) filter: AlertFilterInput | undefined,
    @Arg('orderBy', () => AlertOrder, { nullable: true }) orderBy: AlertOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AlertConnection> {
    return mapPage(await ctx.service(AlertService).list(filter, orderBy, args), toAlertType);
  }

  @Mutation(() => AlertType, {
    description: 'Closes an open alert with a note saying what was found or done.',
  })
  async closeAlert(
    @IdArg('id', 'Alert') id: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AlertType> {
    return toAlertType(await ctx.service(AlertService).close(id, note));
  }

  @Query(() => CoverageType, {
    description:
      'Which respondent classes gave feedback in the months given, for one account, one segment or every live account: as shares of accounts and of their revenue.',
  })
  async respondentCoverage(
    @Arg('input', () => CoverageInput) input: CoverageInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CoverageType> {
    return ctx.service(CoverageService).coverage(input);
  }

  @Query(() => PeriodFigureConnection, {
    description:
      "The monitor's period figures (NPS, CSI, revenue, days paid late) of accounts, segments or the company, oldest month first.",
  })
  async periodFigures(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => PeriodFigureFilter) filter: PeriodFigureFilter,
    @Ctx() ctx: RequestContext,
  ): Promise<PeriodFigureConnection> {
    return mapPage(await ctx.service(PeriodFigureService).list(filter, args), toPeriodFigureType);
  }

  @Query(() => PeriodMetricFigureConnection, {
    description:
      "The monitor's figures of computable metrics (from their observations) for accounts, segments or the company, oldest month first.",
  })
  async periodMetricFigures(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => PeriodMetricFigureFilter) filter: PeriodMetricFigureFilter,
    @Ctx() ctx: RequestContext,
  ): Promise<PeriodMetricFigureConnection> {
    return mapPage(
      await ctx.service(PeriodFigureService).listMetrics(filter, args),
      toPeriodMetricFigureType,
    );
  }

  @FieldResolver(() => ClientAccountType)
  async account(@Root() alert: AlertType, @Ctx() ctx: RequestContext): Promise<ClientAccountType> {
    return toClientAccountType(await requiredById(ctx, ClientAccount, alert.accountId));
  }

  @FieldResolver(() => ContactType, { nullable: true })
  async contact(@Root() alert: AlertType, @Ctx() ctx: RequestContext): Promise<ContactType | null> {
    return optionalById(ctx, Contact, alert.contactId, toContactType);
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: "The account's owner when raised.",
  })
  async owner(@Root() alert: AlertType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    return optionalById(ctx, User, alert.ownerId, toUserType);
  }

  @FieldResolver(() => UserType, { nullable: true })
  async closedBy(@Root() alert: AlertType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    return optionalById(ctx, User, alert.closedById, toUserType);
  }
}
