import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DeliveryStatus, NotificationKind } from './notification.enums.js';

@InputType()
export class ClientNotificationFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() accountId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() feedbackItemId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() initiativeId?: string | null;
  @Field(() => [NotificationKind], { nullable: true }) @IsOptional() kinds?:
    NotificationKind[] | null;
  @Field(() => [DeliveryStatus], { nullable: true }) @IsOptional() statuses?:
    DeliveryStatus[] | null;
}
