import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { WebhookDeliveryStatus, WebhookEventType } from './webhook.enums.js';

@InputType({ description: 'Where to send which events.' })
export class CreateWebhookSubscriptionInput {
  @Field(() => String, { description: 'https:// (or http://) URL of the receiver.' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url!: string;
  @Field(() => [WebhookEventType])
  @ArrayMaxSize(50)
  eventTypes!: WebhookEventType[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url?: string | null;
  @Field(() => [WebhookEventType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  eventTypes?: WebhookEventType[] | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;
}

@InputType()
export class WebhookDeliveryFilter {
  @IdField('WebhookSubscription', { nullable: true })
  @IsOptional()
  subscriptionId?: string | null;
  @Field(() => WebhookDeliveryStatus, { nullable: true })
  @IsOptional()
  status?: WebhookDeliveryStatus | null;
}
