import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../../graphql/relay.js';
import type { AccountForecast, StoredContribution } from './account-forecast.entity.js';
import type { HoldoutReport } from './forecast.evaluation.js';
import type { AccountAtRisk, MarginTotal } from './margin-at-risk.js';

export enum AccountForecastSort {
  CHURN_RISK_DESC = 'CHURN_RISK_DESC',
  PREDICTED_NPS_ASC = 'PREDICTED_NPS_ASC',
}
registerEnumType(AccountForecastSort, {
  name: 'AccountForecastSort',
  description: 'Highest churn risk first, or lowest predicted NPS first.',
});

@ObjectType('ForecastSignal', {
  description: "One signal's share of a forecast: NPS points, or log-odds of churn.",
})
export class ForecastSignalType {
  @Field(() => String, { description: 'e.g. npsAllMonths, avgDaysLate, complaintShare3Months.' })
  signal!: string;
  @Field(() => Float, { nullable: true, description: "The signal's value (null: not observed)." })
  value!: number | null;
  @Field(() => Float) contribution!: number;
}

@ObjectType('AccountForecast', {
  description:
    "An account's forecast for one month, from the history up to the month before: predicted NPS and the risk that its figures stop within 3 months.",
})
export class AccountForecastType {
  @Field(() => String, { description: 'The month forecast, YYYY-MM.' }) period!: string;
  @Field(() => String, { description: 'The last month the models learnt from, YYYY-MM.' })
  basePeriod!: string;
  @Field(() => Float, { description: 'Predicted NPS of the month (−100…100).' })
  predictedNps!: number;
  @Field(() => Float, {
    description: 'Probability (0…1) that the account churns (its figures stop) within 3 months.',
  })
  churnRisk!: number;
  @Field(() => String) modelVersion!: string;
  @Field(() => [ForecastSignalType], { description: 'The signals weighing most in the NPS.' })
  npsSignals!: StoredContribution[];
  @Field(() => [ForecastSignalType], {
    description: 'The signals weighing most in the churn risk.',
  })
  churnSignals!: StoredContribution[];
  @Field(() => Boolean, {
    description: 'Predicted NPS below CX_DANGER_NPS or churn risk at least CX_DANGER_CHURN_RISK.',
  })
  inDanger!: boolean;
  @Field(() => Date) computedAt!: Date;
  accountId!: string;
  segmentId!: string;
}

export function toAccountForecastType(e: AccountForecast, inDanger: boolean): AccountForecastType {
  return Object.assign(new AccountForecastType(), {
    period: e.period,
    basePeriod: e.basePeriod,
    predictedNps: Number(e.predictedNps),
    churnRisk: Number(e.churnRisk),
    modelVersion: e.modelVersion,
    npsSignals: e.npsSignals,
    churnSignals: e.churnSignals,
    inDanger,
    computedAt: e.computedAt,
    accountId: e.account.id,
    segmentId: e.segment.id,
  });
}

@ObjectType()
export class AccountForecastConnection extends Connection(AccountForecastType, 'AccountForecast') {}

@ObjectType('NpsForecastEvaluation', {
  description: 'Next-month account NPS on the held-out months: the model vs naive forecasts.',
})
export class NpsEvaluationType {
  @Field(() => Int, { description: 'Forecast/actual pairs scored.' }) n!: number;
  @Field(() => Int, { description: 'Pairs the model was trained on.' }) trainingPairs!: number;
  @Field(() => Float) modelMae!: number;
  @Field(() => Float) modelRmse!: number;
  @Field(() => Float, { description: "Naive: the account's last observed monthly NPS." })
  naiveMae!: number;
  @Field(() => Float) naiveRmse!: number;
  @Field(() => Float, {
    description: "The month's mean over the accounts scored (the maturity criterion's naive).",
  })
  monthMeanMae!: number;
}

@ObjectType('ChurnForecastEvaluation', {
  description: '3-month churn risk on the held-out months: the model vs the training base rate.',
})
export class ChurnEvaluationType {
  @Field(() => Int, { description: 'Account-months scored.' }) n!: number;
  @Field(() => Int, { description: 'Of which the account churned within 3 months.' })
  positives!: number;
  @Field(() => Int) trainingRows!: number;
  @Field(() => Float, { description: 'The naive forecast: the training churn rate.' })
  baseRate!: number;
  @Field(() => Float) modelBrier!: number;
  @Field(() => Float) naiveBrier!: number;
  @Field(() => Float) modelLogLoss!: number;
  @Field(() => Float) naiveLogLoss!: number;
  @Field(() => Float, { nullable: true, description: 'Null when only one class was held out.' })
  modelAuc!: number | null;
}

@ObjectType('ForecastEvaluation', {
  description:
    'The forecasts trained on the months before the held-out ones and scored on those only.',
})
export class ForecastEvaluationType {
  @Field(() => String) trainedUpTo!: string;
  @Field(() => String) heldOutFrom!: string;
  @Field(() => String) heldOutTo!: string;
  @Field(() => NpsEvaluationType, { nullable: true }) nps!: NpsEvaluationType | null;
  @Field(() => ChurnEvaluationType, { nullable: true }) churn!: ChurnEvaluationType | null;
}

export function toForecastEvaluationType(r: HoldoutReport): ForecastEvaluationType {
  return Object.assign(new ForecastEvaluationType(), r);
}

@ObjectType('DangerReason', { description: 'A danger rule that flagged an account.' })
export class DangerReasonType {
  @Field(() => String, { description: 'PREDICTED_NPS, CHURN_RISK or INDEX_PREDICTED_NPS.' })
  rule!: string;
  @Field(() => String) label!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float) threshold!: number;
  @Field(() => String, { description: 'BELOW or AT_LEAST the threshold.' }) direction!: string;
}

@ObjectType('AccountMarginAtRisk', {
  description: 'An account in the danger zone and its gross margin of the trailing 12 months.',
})
export class AccountMarginAtRiskType {
  @Field(() => Float) margin!: number;
  @Field(() => Float) revenue!: number;
  @Field(() => [DangerReasonType]) reasons!: DangerReasonType[];
  accountId!: string;
  segmentId!: string;
}

@ObjectType('MarginAtRiskTotal')
export class MarginTotalType {
  @Field(() => Int) accounts!: number;
  @Field(() => Int) accountsAtRisk!: number;
  @Field(() => Float, { description: 'Gross margin of the trailing 12 months.' }) margin!: number;
  @Field(() => Float, { description: 'Of which earned from accounts in the danger zone.' })
  marginAtRisk!: number;
  @Field(() => Float, { nullable: true }) shareAtRisk!: number | null;
}

@ObjectType('SegmentMarginAtRisk')
export class SegmentMarginType extends MarginTotalType {
  segmentId!: string;
}

@ObjectType('MarginAtRisk', {
  description:
    'Gross margin (trailing 12 months) of the accounts whose forecasts are in the danger zone, per account, per segment and in total.',
})
export class MarginAtRiskType {
  @Field(() => String, { nullable: true, description: 'The forecast month used.' })
  period!: string | null;
  @Field(() => String, { nullable: true, description: 'Last month of the trailing 12.' })
  lastMonth!: string | null;
  @Field(() => Float) dangerNps!: number;
  @Field(() => Float) dangerChurnRisk!: number;
  @Field(() => [AccountMarginAtRiskType]) accounts!: AccountAtRisk[];
  @Field(() => [SegmentMarginType]) segments!: (MarginTotal & { segmentId: string })[];
  @Field(() => MarginTotalType) total!: MarginTotal;
}
