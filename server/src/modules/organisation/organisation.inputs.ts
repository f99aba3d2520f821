import { IsEmail, IsIn, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { UserRole } from './organisation.enums.js';

/** Codes are stable keys used by imports and seeds: no spaces, no punctuation beyond - and _. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const CODE_MESSAGE = 'code may contain only letters, digits, "-" and "_"';

@InputType()
export class CreateDepartmentInput {
  @Field(() => String)
  @Length(1, 64, { message: 'code must be 1 to 64 characters' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  isCxOffice?: boolean | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateDepartmentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64, { message: 'code must be 1 to 64 characters' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  isCxOffice?: boolean | null;
}

@InputType()
export class DepartmentFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or code, any case.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Boolean, { nullable: true }) @IsOptional() isCxOffice?: boolean | null;
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => UserRole, { nullable: true, description: 'Defaults to DEPARTMENT_MEMBER.' })
  @IsOptional()
  role?: UserRole | null;

  @IdField('Department', { nullable: true })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: '`ru` or `en`.' })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'locale must be ru or en' })
  locale?: string | null;
}

@InputType({ description: 'Only the fields given change; departmentId: null detaches the user.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;

  @Field(() => UserRole, { nullable: true }) @IsOptional() role?: UserRole | null;
  @IdField('Department', { nullable: true }) @IsOptional() departmentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'locale must be ru or en' })
  locale?: string | null;

  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
}

@InputType()
export class UserFilter {
  @IdField('Department', { nullable: true }) @IsOptional() departmentId?: string | null;
  @Field(() => [UserRole], { nullable: true }) @IsOptional() roles?: UserRole[] | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or e-mail, any case.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}
