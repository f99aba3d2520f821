import { IsOptional, Matches } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/relay.js';
import { IdField } from '../../graphql/global-ids.js';
import type { PeriodFigure } from './period-figure.entity.js';
import type { PeriodMetricFigure } from './period-metric-figure.entity.js';

/** Which rows of the read model: accounts, segments or the whole company. */
export enum FigureLevel {
  ACCOUNT = 'ACCOUNT',
  SEGMENT = 'SEGMENT',
  COMPANY = 'COMPANY',
}
registerEnumType(FigureLevel, { name: 'FigureLevel' });

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

@ObjectType('PeriodFigure', {
  description:
    "One month's satisfaction and payment figures of an account, a segment or the company, as the monitor last computed them.",
})
export class PeriodFigureType {
  @Field(() => String, { description: 'YYYY-MM' }) period!: string;
  @Field(() => FigureLevel) level!: FigureLevel;
  @Field(() => Int, { description: 'Feedback items received in the month.' }) responses!: number;
  @Field(() => Int) npsResponses!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Promoters (9–10) minus detractors (0–6), in % of NPS answers.',
  })
  nps!: number | null;
  @Field(() => Int) csiResponses!: number;
  @Field(() => Float, { nullable: true }) csi!: number | null;
  @Field(() => Float, { nullable: true }) revenue!: number | null;
  @Field(() => Float, { nullable: true }) grossMargin!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Days paid late (for segments and the company, weighted by revenue).',
  })
  avgDaysLate!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Orders placed in the month (summed for segments and the company).',
  })
  orderCount!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      '0..1: share of the last months in which the client ordered as usual (for segments and the company, weighted by revenue).',
  })
  orderRegularity!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "0..1: our share of the client's spend in our category (for segments and the company, weighted by revenue).",
  })
  shareOfWallet!: number | null;
  @Field(() => Date) computedAt!: Date;
  accountId!: string | null;
  segmentId!: string | null;
}

@ObjectType()
export class PeriodFigureConnection extends Connection(PeriodFigureType, 'PeriodFigure') {}

@InputType()
export class PeriodFigureFilter {
  @Field(() => FigureLevel) level!: FigureLevel;

  @Field(() => String, { description: 'First month, YYYY-MM.' })
  @Matches(PERIOD, { message: 'periodFrom must be a month as YYYY-MM' })
  periodFrom!: string;

  @Field(() => String, { description: 'Last month, YYYY-MM (included).' })
  @Matches(PERIOD, { message: 'periodTo must be a month as YYYY-MM' })
  periodTo!: string;

  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @IdField('Segment', { nullable: true, description: 'Rows of this segment (and its accounts).' })
  @IsOptional()
  segmentId?: string | null;
}

export function toPeriodFigureType(e: PeriodFigure): PeriodFigureType {
  const accountId = e.account?.id ?? null;
  const segmentId = e.segment?.id ?? null;
  return Object.assign(new PeriodFigureType(), {
    period: e.period,
    level: accountId ? FigureLevel.ACCOUNT : segmentId ? FigureLevel.SEGMENT : FigureLevel.COMPANY,
    responses: e.responses,
    npsResponses: e.npsResponses,
    nps: e.nps ?? null,
    csiResponses: e.csiResponses,
    csi: e.csi ?? null,
    revenue: e.revenue ?? null,
    grossMargin: e.grossMargin ?? null,
    avgDaysLate: e.avgDaysLate ?? null,
    orderCount: e.orderCount ?? null,
    orderRegularity: e.orderRegularity ?? null,
    shareOfWallet: e.shareOfWallet ?? null,
    computedAt: e.computedAt,
    accountId,
    segmentId,
  });
}

@ObjectType('PeriodMetricFigure', {
  description:
    "One month's value of a computable metric for an account (its observation), a segment or the company (the mean over the accounts observed), as the monitor last computed it.",
})
export class PeriodMetricFigureType {
  @Field(() => String, { description: 'YYYY-MM' }) period!: string;
  @Field(() => FigureLevel) level!: FigureLevel;
  @Field(() => Float, {
    description:
      "The account's observed value; for a segment or the company, the mean over the accounts observed.",
  })
  value!: number;
  @Field(() => Int, { description: 'Accounts observed (1 for an account).' }) accounts!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Observations behind the value(s), summed; null when none was recorded.',
  })
  sampleSize!: number | null;
  @Field(() => Date) computedAt!: Date;
  metricId!: string;
  accountId!: string | null;
  segmentId!: string | null;
}

@ObjectType()
export class PeriodMetricFigureConnection extends Connection(
  PeriodMetricFigureType,
  'PeriodMetricFigure',
) {}

@InputType()
export class PeriodMetricFigureFilter extends PeriodFigureFilter {
  @IdField(['MetricDefinition'], {
    nullable: true,
    description: 'Only these metrics (computable ones; others have no rows).',
  })
  @IsOptional()
  metricIds?: string[] | null;
}

export function toPeriodMetricFigureType(e: PeriodMetricFigure): PeriodMetricFigureType {
  const accountId = e.account?.id ?? null;
  const segmentId = e.segment?.id ?? null;
  return Object.assign(new PeriodMetricFigureType(), {
    period: e.period,
    level: accountId ? FigureLevel.ACCOUNT : segmentId ? FigureLevel.SEGMENT : FigureLevel.COMPANY,
    value: e.value,
    accounts: e.accounts,
    sampleSize: e.sampleSize ?? null,
    computedAt: e.computedAt,
    metricId: e.metric.id,
    accountId,
    segmentId,
  });
}
