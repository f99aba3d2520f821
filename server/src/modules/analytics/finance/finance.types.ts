import { IsOptional, Matches } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IdField } from '../../../graphql/global-ids.js';
import { JourneyStage } from '../../journey/journey.enums.js';
import '../../journey/journey.types.js';
import { FinanceMeasure, SatisfactionMetric } from './finance.enums.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType({
  description:
    'Which finance linkage: without periodFrom/periodTo the latest snapshot the monitor computed (the last 12 complete months), with both a window computed on request.',
})
export class FinanceLinkageInput {
  @Field(() => String, { nullable: true, description: 'First month, YYYY-MM.' })
  @IsOptional()
  @Matches(PERIOD, { message: 'periodFrom must be a month as YYYY-MM' })
  periodFrom?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last month, YYYY-MM (included); a complete month.',
  })
  @IsOptional()
  @Matches(PERIOD, { message: 'periodTo must be a month as YYYY-MM' })
  periodTo?: string | null;

  @Field(() => SatisfactionMetric, { nullable: true, description: 'CSI unless given.' })
  @IsOptional()
  satisfactionMetric?: SatisfactionMetric | null;

  @IdField('Segment', {
    nullable: true,
    description: "Only this segment's regressions and divergent accounts.",
  })
  @IsOptional()
  segmentId?: string | null;
}

@ObjectType('FinanceLinkageRow', {
  description:
    "Least squares of one finance measure on accounts' mean satisfaction (one point per account), in one segment or pooled within segments (one intercept per segment).",
})
export class FinanceLinkageRowType {
  @Field(() => Boolean, { description: 'True: all segments pooled with segment fixed effects.' })
  pooled!: boolean;
  @Field(() => FinanceMeasure) measure!: FinanceMeasure;
  @Field(() => Int, { description: 'Accounts in the regression.' }) n!: number;
  @Field(() => Float, { description: 'Pearson correlation (within segments when pooled).' })
  r!: number;
  @Field(() => Float, { description: '95% interval of r (Fisher z).' }) rLow!: number;
  @Field(() => Float) rHigh!: number;
  @Field(() => Float, { description: 'Change of the measure per point of satisfaction.' })
  slope!: number;
  @Field(() => Float) slopeSe!: number;
  @Field(() => Float, { description: '95% interval of the slope (Student t).' })
  slopeLow!: number;
  @Field(() => Float) slopeHigh!: number;
  @Field(() => Float, { nullable: true, description: 'slope / SE; null for a perfect fit.' })
  t!: number | null;
  @Field(() => Float, { description: 'Two-sided p-value of the slope.' }) pValue!: number;
  @Field(() => Float, { nullable: true, description: 'Null when pooled (one per segment).' })
  intercept!: number | null;
  @Field(() => Float, { nullable: true }) interceptSe!: number | null;
  @Field(() => Float) rSquared!: number;
  @Field(() => Float, { description: 'The slope in standard deviations of each variable.' })
  standardisedSlope!: number;
  @Field(() => Float) meanSatisfaction!: number;
  @Field(() => Float) meanMeasure!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Share of the variance of accounts' mean satisfaction that is not sampling error of the scores (regression dilution).",
  })
  reliability!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The slope divided by the reliability: corrected for the noise in each mean.',
  })
  correctedSlope!: number | null;
  @Field(() => Float, { nullable: true }) correctedSlopeLow!: number | null;
  @Field(() => Float, { nullable: true }) correctedSlopeHigh!: number | null;
  segmentId!: string | null;
}

@ObjectType('FinanceDivergentAccount', {
  description:
    "An account whose satisfaction rises while its payment behaviour does not improve (the monitor's divergence rule).",
})
export class FinanceDivergentAccountType {
  @Field(() => Int, { description: 'Scored feedback items in the window.' }) scores!: number;
  @Field(() => Float, { description: 'Satisfaction trend (0–100 score) in points a month.' })
  satisfactionPerMonth!: number;
  @Field(() => Float) satisfactionT!: number;
  @Field(() => Float, { description: 'Trend of days paid late, days a month.' })
  daysLatePerMonth!: number;
  @Field(() => Float, { nullable: true }) daysLateFirst!: number | null;
  @Field(() => Float, { nullable: true }) daysLateLast!: number | null;
  accountId!: string;
}

@ObjectType('FinanceLinkageReport')
export class FinanceLinkageReportType {
  @Field(() => String) periodFrom!: string;
  @Field(() => String) periodTo!: string;
  @Field(() => SatisfactionMetric) satisfactionMetric!: SatisfactionMetric;
  @Field(() => Date) computedAt!: Date;
  @Field(() => Boolean, {
    description: "True: the monitor's snapshot; false: computed for this request.",
  })
  fromSnapshot!: boolean;
  @Field(() => [FinanceLinkageRowType]) rows!: FinanceLinkageRowType[];
  @Field(() => [FinanceDivergentAccountType]) divergentAccounts!: FinanceDivergentAccountType[];
}

@InputType({
  description:
    'Which computable/trigger share series: the last 12 complete months unless a window is given.',
})
export class ComputableShareInput {
  @Field(() => String, { nullable: true, description: 'First month, YYYY-MM.' })
  @IsOptional()
  @Matches(PERIOD, { message: 'periodFrom must be a month as YYYY-MM' })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Last month, YYYY-MM (included).' })
  @IsOptional()
  @Matches(PERIOD, { message: 'periodTo must be a month as YYYY-MM' })
  periodTo?: string | null;

  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;

  @Field(() => [JourneyStage], { nullable: true }) @IsOptional() stages?: JourneyStage[] | null;
}

@ObjectType('ComputableSharePoint')
export class ComputableSharePointType {
  @Field(() => String, { description: 'YYYY-MM' }) period!: string;
  @Field(() => Int) computableObservations!: number;
  @Field(() => Int) triggerObservations!: number;
  @Field(() => Int, { description: 'Distinct COMPUTABLE metrics observed.' })
  computableMetrics!: number;
  @Field(() => Int) triggerMetrics!: number;
  @Field(() => Float, { nullable: true, description: 'COMPUTABLE / all observations.' })
  computableShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'COMPUTABLE / all distinct metrics.' })
  computableMetricShare!: number | null;
}

@ObjectType('ComputableShareSeries', {
  description:
    "One segment × journey stage: each month's share of metric observations from COMPUTABLE metrics (measured in internal systems) against TRIGGER ones (asked of the client), and its trend.",
})
export class ComputableShareSeriesType {
  @Field(() => JourneyStage, { nullable: true, description: 'Null: metrics of no stage.' })
  stage!: JourneyStage | null;
  @Field(() => [ComputableSharePointType]) points!: ComputableSharePointType[];
  @Field(() => Float, {
    nullable: true,
    description: 'Least-squares change of the computable share per month.',
  })
  sharePerMonth!: number | null;
  @Field(() => Float, { nullable: true }) pValue!: number | null;
  @Field(() => Boolean, { description: 'The share rises: positive trend, p < 0.05.' })
  rising!: boolean;
  segmentId!: string;
}
