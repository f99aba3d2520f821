import { IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { AlertKind, AlertStatus } from './monitor.enums.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class AlertFilterInput {
  @Field(() => [AlertKind], { nullable: true }) @IsOptional() kinds?: AlertKind[] | null;
  @Field(() => AlertStatus, { nullable: true }) @IsOptional() status?: AlertStatus | null;
  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @IdField('User', { nullable: true, description: 'Alerts on accounts this user owns.' })
  @IsOptional()
  ownerId?: string | null;
}

@InputType()
export class CoverageInput {
  @Field(() => String, { description: 'First month, YYYY-MM.' })
  @Matches(PERIOD, { message: 'periodFrom must be a month as YYYY-MM' })
  periodFrom!: string;

  @Field(() => String, { description: 'Last month, YYYY-MM (included).' })
  @Matches(PERIOD, { message: 'periodTo must be a month as YYYY-MM' })
  periodTo!: string;

  @IdField('ClientAccount', { nullable: true, description: 'Only this account.' })
  @IsOptional()
  accountId?: string | null;

  @IdField('Segment', { nullable: true, description: "Only this segment's accounts." })
  @IsOptional()
  segmentId?: string | null;
}
