import { IsOptional, MaxLength } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IdField } from '../../../graphql/global-ids.js';
import { Connection } from '../../../graphql/relay.js';
import { EffectStatus } from './did.js';
import type { InitiativeEffect } from './initiative-effect.entity.js';

registerEnumType(EffectStatus, {
  name: 'InitiativeEffectStatus',
  description: 'Whether the effect could be estimated, and if not, what data is missing.',
  valuesConfig: {
    ESTIMATED: { description: 'Difference in differences with a 95% interval.' },
    NO_INTERVAL: {
      description: 'A group has one account only: a point estimate, no spread for an interval.',
    },
    NO_POST_PERIOD: { description: 'No month after the start is complete yet.' },
    NO_TREATED_DATA: {
      description: 'No affected account was observed both before and after the start.',
    },
    NO_CONTROL: {
      description:
        'No unaffected account of the same segments was observed both before and after the start.',
    },
  },
});

/** Confidence level of the stored intervals. */
export const EFFECT_LEVEL = 0.95;

@ObjectType('InitiativeEffect', {
  description:
    "An initiative's measured effect on one measure: the affected accounts before and after the implementation started, against unaffected accounts of the same segments over the same months (difference in differences, 95% Welch interval; assumes parallel trends).",
})
export class InitiativeEffectType {
  @Field(() => String, {
    description: 'NPS, CSI (from feedback answers) or the code of a target metric.',
  })
  measure!: string;
  @Field(() => Boolean, { description: "The measure is one of the initiative's targets." })
  targeted!: boolean;
  @Field(() => EffectStatus) status!: EffectStatus;
  @Field(() => Date, { description: 'When the implementation started.' }) startedAt!: Date;
  @Field(() => String, { description: 'First month of the "before" window (YYYY-MM).' })
  beforeFrom!: string;
  @Field(() => String, { description: 'Last month of the "before" window (YYYY-MM).' })
  beforeTo!: string;
  @Field(() => String, { description: 'First month of the "after" window: the start month.' })
  afterFrom!: string;
  @Field(() => String, { description: 'Last complete month of the "after" window (YYYY-MM).' })
  afterTo!: string;
  @Field(() => Int, { description: 'Affected accounts observed before and after.' })
  treatedN!: number;
  @Field(() => Int, {
    description: 'Unaffected accounts of the same segments observed before and after.',
  })
  controlN!: number;
  @Field(() => Float, { nullable: true }) treatedBefore!: number | null;
  @Field(() => Float, { nullable: true }) treatedAfter!: number | null;
  @Field(() => Float, { nullable: true }) controlBefore!: number | null;
  @Field(() => Float, { nullable: true }) controlAfter!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "(treated after − before) − (control after − before), in the measure's unit.",
  })
  differenceInDifferences!: number | null;
  @Field(() => Float, { nullable: true }) standardError!: number | null;
  @Field(() => Float, { nullable: true, description: 'Welch–Satterthwaite degrees of freedom.' })
  degreesOfFreedom!: number | null;
  @Field(() => Float, { nullable: true, description: 'Two-sided, against no effect.' })
  pValue!: number | null;
  @Field(() => Float, { nullable: true }) intervalLow!: number | null;
  @Field(() => Float, { nullable: true }) intervalHigh!: number | null;
  @Field(() => Float, { description: 'Confidence level of the interval.' }) level!: number;
  @Field(() => Float, { nullable: true, description: "The target's baseline, if targeted." })
  baseline!: number | null;
  @Field(() => Float, { nullable: true, description: "The target's value, if targeted." })
  targetValue!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "The target's expected change (signed), if targeted.",
  })
  expectedDelta!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Measured minus expected effect (differenceInDifferences − expectedDelta).',
  })
  measuredMinusExpected!: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the expected change lies inside the interval (the measurement is consistent with the expectation); null without both.',
  })
  expectedWithinInterval!: boolean | null;
  @Field(() => Float, {
    nullable: true,
    description: "The affected accounts' value after the start minus the target value.",
  })
  treatedAfterMinusTarget!: number | null;
  @Field(() => Date) computedAt!: Date;
  initiativeId!: string;
  metricId!: string | null;
}

@ObjectType()
export class InitiativeEffectConnection extends Connection(
  InitiativeEffectType,
  'InitiativeEffect',
) {}

@InputType()
export class InitiativeEffectFilter {
  @IdField('Initiative', { nullable: true }) @IsOptional() initiativeId?: string | null;

  @Field(() => String, { nullable: true, description: 'NPS, CSI or a metric code.' })
  @IsOptional()
  @MaxLength(64)
  measure?: string | null;

  @Field(() => EffectStatus, { nullable: true }) @IsOptional() status?: EffectStatus | null;
}

/** A double column as a number (the ORM may type it as string | number). */
const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function toInitiativeEffectType(e: InitiativeEffect): InitiativeEffectType {
  const did = num(e.did);
  const expected = num(e.expectedDelta);
  const [low, high] = [num(e.ciLow), num(e.ciHigh)];
  return Object.assign(new InitiativeEffectType(), {
    measure: e.measure,
    targeted: e.targeted,
    status: e.status,
    startedAt: e.startedAt,
    beforeFrom: e.beforeFrom,
    beforeTo: e.beforeTo,
    afterFrom: e.afterFrom,
    afterTo: e.afterTo,
    treatedN: e.treatedN,
    controlN: e.controlN,
    treatedBefore: num(e.treatedBefore),
    treatedAfter: num(e.treatedAfter),
    controlBefore: num(e.controlBefore),
    controlAfter: num(e.controlAfter),
    differenceInDifferences: did,
    standardError: num(e.standardError),
    degreesOfFreedom: num(e.df),
    pValue: num(e.pValue),
    intervalLow: low,
    intervalHigh: high,
    level: EFFECT_LEVEL,
    baseline: num(e.baseline),
    targetValue: num(e.targetValue),
    expectedDelta: expected,
    measuredMinusExpected: minus(did, expected),
    expectedWithinInterval:
      expected === null || low === null || high === null
        ? null
        : expected >= low && expected <= high,
    treatedAfterMinusTarget: minus(num(e.treatedAfter), num(e.targetValue)),
    computedAt: e.computedAt,
    initiativeId: e.initiative.id,
    metricId: e.metricId ?? null,
  });
}
