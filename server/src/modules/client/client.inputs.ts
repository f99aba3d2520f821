import { IsEmail, IsIn, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { CODE_PATTERN } from '../organisation/organisation.inputs.js';
import { AccountStatus, AccountTier, CompanySize, RespondentClass } from './client.enums.js';

const len = (field: string, min: number, max: number) =>
  Length(min, max, { message: `${field} must be ${min} to ${max} characters` });
const COUNTRY = /^[A-Z]{2}$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@InputType()
export class CreateSegmentInput {
  @Field(() => String)
  @len('code', 1, 64)
  @Matches(CODE_PATTERN, { message: 'code may contain only letters, digits, "-" and "_"' })
  code!: string;
  @Field(() => String) @len('name', 1, 200) name!: string;
  @Field(() => String) @len('industry', 1, 120) industry!: string;
  @Field(() => CompanySize) size!: CompanySize;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?:
    string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateSegmentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @len('code', 1, 64)
  @Matches(CODE_PATTERN, { message: 'code may contain only letters, digits, "-" and "_"' })
  code?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @len('name', 1, 200) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @len('industry', 1, 120) industry?:
    string | null;
  @Field(() => CompanySize, { nullable: true }) @IsOptional() size?: CompanySize | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?:
    string | null;
}

@InputType()
export class SegmentFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, code or industry, any case.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
  @Field(() => [CompanySize], { nullable: true }) @IsOptional() sizes?: CompanySize[] | null;
}

@InputType()
export class CreateClientAccountInput {
  @Field(() => String) @len('name', 1, 300) name!: string;
  @IdField('Segment') segmentId!: string;
  @Field(() => AccountTier) tier!: AccountTier;
  @Field(() => AccountStatus, { nullable: true, description: 'Defaults to ACTIVE.' })
  @IsOptional()
  status?: AccountStatus | null;
  @IdField('User', { nullable: true, description: 'The account manager (a User).' })
  @IsOptional()
  ownerId?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166 alpha-2, e.g. DE.' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'country must be two capital letters (ISO 3166 alpha-2)' })
  country?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: 'clientSince must be a date as YYYY-MM-DD' })
  clientSince?: string | null;
  @Field(() => String, { nullable: true, description: 'Id in the CRM.' })
  @IsOptional()
  @len('externalId', 1, 200)
  externalId?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field.' })
export class UpdateClientAccountInput {
  @Field(() => String, { nullable: true }) @IsOptional() @len('name', 1, 300) name?: string | null;
  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;
  @Field(() => AccountTier, { nullable: true }) @IsOptional() tier?: AccountTier | null;
  @Field(() => AccountStatus, { nullable: true }) @IsOptional() status?: AccountStatus | null;
  @IdField('User', { nullable: true }) @IsOptional() ownerId?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: 'country must be two capital letters (ISO 3166 alpha-2)' })
  country?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DAY, { message: 'clientSince must be a date as YYYY-MM-DD' })
  clientSince?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @len('externalId', 1, 200) externalId?:
    string | null;
}

@InputType()
export class ClientAccountFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;
  @Field(() => [AccountTier], { nullable: true }) @IsOptional() tiers?: AccountTier[] | null;
  @Field(() => [AccountStatus], { nullable: true }) @IsOptional() statuses?: AccountStatus[] | null;
  @IdField('User', { nullable: true }) @IsOptional() ownerId?: string | null;
}

@InputType()
export class CreateContactInput {
  @IdField('ClientAccount') accountId!: string;
  @Field(() => String) @len('name', 1, 200) name!: string;
  @Field(() => String, { nullable: true, description: 'Unique within the account.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) position?: string | null;
  @Field(() => RespondentClass) respondentClass!: RespondentClass;
  @Field(() => String, { nullable: true, description: '`ru` or `en`.' })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'locale must be ru or en' })
  locale?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @len('externalId', 1, 200) externalId?:
    string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'A key contact: an alert is raised when they have not answered for a while.',
  })
  @IsOptional()
  isKey?: boolean | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field.' })
export class UpdateContactInput {
  @Field(() => String, { nullable: true }) @IsOptional() @len('name', 1, 200) name?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) position?: string | null;
  @Field(() => RespondentClass, { nullable: true })
  @IsOptional()
  respondentClass?: RespondentClass | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'locale must be ru or en' })
  locale?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() isKey?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @len('externalId', 1, 200) externalId?:
    string | null;
}

@InputType()
export class ContactFilter {
  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @Field(() => [RespondentClass], { nullable: true }) @IsOptional() respondentClasses?:
    RespondentClass[] | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the name or e-mail, any case.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}
