import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../../db/ids.js';
import { Initiative } from '../../initiative/initiative.entity.js';
import { EffectStatus } from './did.js';

/**
 * One measured effect of an initiative on one measure (NPS, CSI or a target metric): the
 * affected accounts before and after the implementation started, against unaffected accounts
 * of the same segments over the same months (difference in differences, Welch interval).
 * Written when the initiative reaches MONITOR and rewritten by the monitor as months arrive;
 * each computation replaces the initiative's rows.
 */
const InitiativeEffectSchema = defineEntity({
  name: 'InitiativeEffect',
  tableName: 'initiative_effect',
  uniques: [{ properties: ['initiative', 'measure'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    initiative: () => p.manyToOne(Initiative).index(),
    /** `NPS`, `CSI` (from feedback answers) or the code of a target metric (its observations). */
    measure: p.string().length(64),
    /**
     * The target's metric definition (null for NPS/CSI not targeted). A plain id, not a foreign
     * key: a metric no longer targeted may be deleted while an old effect row still names it.
     */
    metricId: p.uuid().nullable(),
    /** The measure is one of the initiative's targets (its expected values are copied below). */
    targeted: p.boolean().default(false),
    baseline: p.double().nullable(),
    targetValue: p.double().nullable(),
    expectedDelta: p.double().nullable(),
    /** When the implementation started (the "after" window's first instant is its month). */
    startedAt: p.datetime(),
    /** The windows, `YYYY-MM` inclusive; `afterTo` before `afterFrom` means no complete month yet. */
    beforeFrom: p.string().length(7),
    beforeTo: p.string().length(7),
    afterFrom: p.string().length(7),
    afterTo: p.string().length(7),
    status: p.enum(() => EffectStatus),
    treatedN: p.integer(),
    controlN: p.integer(),
    treatedBefore: p.double().nullable(),
    treatedAfter: p.double().nullable(),
    controlBefore: p.double().nullable(),
    controlAfter: p.double().nullable(),
    did: p.double().nullable(),
    standardError: p.double().nullable(),
    df: p.double().nullable(),
    pValue: p.double().nullable(),
    ciLow: p.double().nullable(),
    ciHigh: p.double().nullable(),
    computedAt: p.datetime(),
  },
});
export class InitiativeEffect extends InitiativeEffectSchema.class {}
InitiativeEffectSchema.setClass(InitiativeEffect);
export { InitiativeEffectSchema };
