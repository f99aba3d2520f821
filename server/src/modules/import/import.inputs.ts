import { Field, Float, InputType, Int } from 'type-graphql';
import '../client/client.types.js';
import '../feedback/feedback.types.js';
import { RespondentClass } from '../client/client.enums.js';
import { ComplaintClass, FeedbackChannel } from '../feedback/feedback.enums.js';

/*
 * Deliberately no class-validator decorators here: type-graphql validates a list argument
 * as a whole, so one bad row would fail the call. Each row is checked by the importers,
 * which answer per row (see import.rules.ts).
 */

@InputType({
  description: 'One metric value for one account and one month, as the source system knows it.',
})
export class MetricObservationRow {
  @Field(() => String, {
    description: 'Id of the row in the source system (1–200 characters); the idempotency key.',
  })
  externalId!: string;

  @Field(() => String, { description: 'MetricDefinition.code, e.g. `NPS`.' })
  metricCode!: string;

  @Field(() => String, { description: 'ClientAccount.externalId.' })
  accountExternalId!: string;

  @Field(() => String, { description: 'Calendar month `YYYY-MM`, not after the current month.' })
  period!: string;

  @Field(() => Float, { description: 'A finite number.' })
  value!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'How many answers or events the value rests on (≥ 0).',
  })
  sampleSize?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the value came from, e.g. `erp` (≤ 120 characters).',
  })
  source?: string | null;
}

@InputType({ description: "An account's transactional figures for one month." })
export class TransactionalFiguresRow {
  @Field(() => String, { description: 'Id of the row in the source system; the idempotency key.' })
  externalId!: string;

  @Field(() => String, { description: 'ClientAccount.externalId.' })
  accountExternalId!: string;

  @Field(() => String, { description: 'Calendar month `YYYY-MM`, not after the current month.' })
  period!: string;

  @Field(() => Float) revenue!: number;
  @Field(() => Float) grossMargin!: number;

  @Field(() => Float, {
    description: 'Average days invoices were paid after their due date (≥ 0).',
  })
  avgDaysLate!: number;

  @Field(() => Int, { description: '≥ 0' })
  orderCount!: number;

  @Field(() => Float, { nullable: true, description: '0–1' })
  orderRegularity?: number | null;

  @Field(() => Float, { nullable: true, description: '0–1' })
  shareOfWallet?: number | null;
}

@InputType({
  description: 'One piece of feedback from a source system (CRM, help desk, survey tool).',
})
export class FeedbackRow {
  @Field(() => String, {
    description: 'Id of the feedback in the source system; the idempotency key.',
  })
  externalId!: string;

  @Field(() => String, { description: 'ClientAccount.externalId.' })
  accountExternalId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Contact.externalId; or give contactEmail, not both.',
  })
  contactExternalId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'E-mail of a known contact of the account (case-insensitive).',
  })
  contactEmail?: string | null;

  @Field(() => RespondentClass, {
    nullable: true,
    description: "Defaults to the contact's own class.",
  })
  respondentClass?: RespondentClass | null;

  @Field(() => FeedbackChannel) channel!: FeedbackChannel;

  @Field(() => Int, { nullable: true, description: '0–10' }) npsScore?: number | null;
  @Field(() => Float, { nullable: true, description: '0–100' }) csiScore?: number | null;
  @Field(() => Float, { nullable: true, description: '1–7' }) cesScore?: number | null;

  @Field(() => String, { nullable: true, description: 'At most 20,000 characters.' })
  text?: string | null;

  @Field(() => String, { nullable: true, description: '`ru` or `en`.' })
  language?: string | null;

  @Field(() => ComplaintClass, { nullable: true }) complaintClass?: ComplaintClass | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the client gave it; defaults to the time of import.',
  })
  receivedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The survey invitation this answers: the reference quoted in the invitation (same account and contact).',
  })
  invitationReference?: string | null;
}
