import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../../db/ids.js';
import { Segment } from '../../client/segment.entity.js';
import { WeightSet } from '../../value/weight-set.entity.js';

/**
 * How one weight set's index maps to NPS in one segment (predicted NPS = intercept + slope ·
 * index / 100), and how it was obtained: round 0 is the least-squares line fitted to a set's
 * own index (interview weights), round k ≥ 1 the k-th calibration round, which made the set.
 * The fit error on the training months before and after the round is kept for the report.
 */
const IndexCalibrationSchema = defineEntity({
  name: 'IndexCalibration',
  tableName: 'index_calibration',
  uniques: [{ properties: ['weightSet', 'segment'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    weightSet: () => p.manyToOne(WeightSet).index(),
    segment: () => p.manyToOne(Segment).index(),
    /** The set the round started from (null for a scale fit). */
    previousWeightSet: () => p.manyToOne(WeightSet).nullable(),
    round: p.integer(),
    trainFrom: p.string().length(7),
    trainTo: p.string().length(7),
    samples: p.integer(),
    rmseBefore: p.double(),
    maeBefore: p.double(),
    rmseAfter: p.double(),
    maeAfter: p.double(),
    intercept: p.double(),
    slope: p.double(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class IndexCalibration extends IndexCalibrationSchema.class {}
IndexCalibrationSchema.setClass(IndexCalibration);
export { IndexCalibrationSchema };
