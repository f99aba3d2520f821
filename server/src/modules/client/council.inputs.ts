import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { CouncilRole } from './client.enums.js';

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType({
  description: 'One month of one account; recording the same account and period again replaces it.',
})
export class RecordTransactionalFiguresInput {
  @IdField('ClientAccount') accountId!: string;
  @Field(() => String, { description: 'YYYY-MM' })
  @Matches(PERIOD, { message: 'period must be a month as YYYY-MM' })
  period!: string;
  @Field(() => Float) @Min(0, { message: 'revenue cannot be negative' }) revenue!: number;
  @Field(() => Float, { description: 'May be negative: a loss-making month.' })
  grossMargin!: number;
  @Field(() => Float) @Min(0, { message: 'avgDaysLate cannot be negative' }) avgDaysLate!: number;
  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'orderCount cannot be negative' })
  orderCount!: number;
  @Field(() => Float, { nullable: true, description: '0–1; omitted keeps the stored value.' })
  @IsOptional()
  @Min(0, { message: 'orderRegularity must be between 0 and 1' })
  @Max(1, { message: 'orderRegularity must be between 0 and 1' })
  orderRegularity?: number | null;
  @Field(() => Float, { nullable: true, description: '0–1; omitted keeps the stored value.' })
  @IsOptional()
  @Min(0, { message: 'shareOfWallet must be between 0 and 1' })
  @Max(1, { message: 'shareOfWallet must be between 0 and 1' })
  shareOfWallet?: number | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'externalId must be 1 to 200 characters' })
  externalId?: string | null;
}

@InputType()
export class TransactionalFiguresFilter {
  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'First month included, YYYY-MM.' })
  @IsOptional()
  @Matches(PERIOD, { message: 'from must be a month as YYYY-MM' })
  from?: string | null;
  @Field(() => String, { nullable: true, description: 'Last month included, YYYY-MM.' })
  @IsOptional()
  @Matches(PERIOD, { message: 'to must be a month as YYYY-MM' })
  to?: string | null;
}

@InputType()
export class CreateAdvisoryCouncilInput {
  @Field(() => String)
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?:
    string | null;
  @IdField(['ClientAccount'], {
    nullable: true,
    description: 'Accounts represented on the council.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  accountIds?: string[] | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateAdvisoryCouncilInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?:
    string | null;
}

@InputType()
export class CouncilAccountsInput {
  @IdField('AdvisoryCouncil') councilId!: string;
  @IdField(['ClientAccount'])
  @ArrayMinSize(1, { message: 'accountIds must name at least one account' })
  @ArrayMaxSize(100)
  accountIds!: string[];
}

@InputType()
export class AdvisoryCouncilFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) search?: string | null;
  @IdField('ClientAccount', { nullable: true, description: 'Councils on which this account sits.' })
  @IsOptional()
  accountId?: string | null;
}

@InputType()
export class AddCouncilMemberInput {
  @IdField('AdvisoryCouncil') councilId!: string;
  @IdField('Contact', { description: "A contact of one of the council's accounts." })
  contactId!: string;
  @Field(() => CouncilRole, { nullable: true, description: 'Defaults to MEMBER.' })
  @IsOptional()
  role?: CouncilRole | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateCouncilMemberInput {
  @Field(() => CouncilRole, {
    nullable: true,
    description: 'CHAIR is refused (CONFLICT) while another member chairs the council.',
  })
  @IsOptional()
  role?: CouncilRole | null;
}
