import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { TokenScope } from '../../auth/token-scope.js';

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "CRM sync".' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => [TokenScope])
  @ArrayMaxSize(10)
  scopes!: TokenScope[];

  @Field(() => Date, { nullable: true, description: 'After this the token stops working.' })
  @IsOptional()
  expiresAt?: Date | null;
}

@InputType()
export class SignInInput {
  @Field(() => String) @MaxLength(320) email!: string;
  @Field(() => String) @MaxLength(256) password!: string;
}
